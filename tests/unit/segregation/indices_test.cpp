// The worked examples and hand checks of ../shared/spec/segregation.md §6.
#include "regio/segregation/composition.hpp"
#include "regio/segregation/index_set.hpp"
#include "regio/segregation/multigroup.hpp"
#include "regio/segregation/single_group.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace indices_test {

using namespace regio::segregation;
using Catch::Matchers::WithinAbs;

namespace {

const std::vector<double> kExample1A{100, 60, 40, 0};
const std::vector<double> kExample1B{0, 40, 60, 100};
const std::vector<double> kExample1T{100, 100, 100, 100};

// Example 2: four units x three groups.
const GroupCounts kExample2{{30, 10, 0, 20}, {10, 20, 10, 20}, {0, 10, 40, 20}};

std::vector<double> totals_of(const GroupCounts& c) {
    std::vector<double> t(c[0].size(), 0.0);
    for (const auto& g : c)
        for (std::size_t i = 0; i < t.size(); ++i) t[i] += g[i];
    return t;
}

}  // namespace

TEST_CASE("segregation example 1: one group against the total") {
    CHECK_THAT(dissimilarity(kExample1A, kExample1T), WithinAbs(0.6, 1e-6));
    CHECK_THAT(isolation(kExample1A, kExample1T), WithinAbs(0.76, 1e-6));
    CHECK_THAT(exposure(kExample1A, kExample1T), WithinAbs(0.24, 1e-6));
    CHECK_THAT(entropy_index(kExample1A, kExample1T), WithinAbs(0.514525, 1e-6));
    CHECK_THAT(gini(kExample1A, kExample1T), WithinAbs(0.8, 1e-6));
    CHECK_THAT(atkinson(kExample1A, kExample1T), WithinAbs(0.76, 1e-6));
    // xPx + xPy = 1
    CHECK_THAT(isolation(kExample1B, kExample1T) + exposure(kExample1B, kExample1T), WithinAbs(1.0, 1e-12));
}

TEST_CASE("segregation example 2: three groups") {
    CHECK_THAT(multigroup_dissimilarity(kExample2), WithinAbs(0.383333, 1e-6));
    CHECK_THAT(multigroup_entropy(kExample2), WithinAbs(0.255498, 1e-6));
    CHECK_THAT(mutual_information(kExample2), WithinAbs(0.279997, 1e-6));
    CHECK_THAT(diversity(kExample2), WithinAbs(1.095887, 1e-6));
    const std::vector<double> t = totals_of(kExample2);
    CHECK_THAT(dissimilarity(kExample2[0], t), WithinAbs(0.448718, 1e-6));
    CHECK_THAT(dissimilarity(kExample2[1], t), WithinAbs(0.205128, 1e-6));
    CHECK_THAT(dissimilarity(kExample2[2], t), WithinAbs(0.488095, 1e-6));
    CHECK_THAT(location_quotients(kExample2[0], t)[0], WithinAbs(2.375, 1e-6));
    CHECK_THAT(location_quotients(kExample2[1], t)[0], WithinAbs(0.791667, 1e-6));
    CHECK_THAT(location_quotients(kExample2[2], t)[0], WithinAbs(0.0, 1e-12));
}

TEST_CASE("segregation hand check: complete separation") {
    const GroupCounts separated{{50, 0, 30, 0}, {0, 20, 0, 70}};
    const std::vector<double> t = totals_of(separated);
    CHECK_THAT(dissimilarity(separated[0], t), WithinAbs(1.0, 1e-12));
    CHECK_THAT(entropy_index(separated[0], t), WithinAbs(1.0, 1e-12));
    CHECK_THAT(gini(separated[0], t), WithinAbs(1.0, 1e-12));
    CHECK_THAT(multigroup_dissimilarity(separated), WithinAbs(1.0, 1e-12));
    CHECK_THAT(multigroup_entropy(separated), WithinAbs(1.0, 1e-12));
    CHECK_THAT(mutual_information(separated), WithinAbs(diversity(separated), 1e-12));
    CHECK_THAT(isolation(separated[0], t), WithinAbs(1.0, 1e-12));
}

TEST_CASE("segregation hand check: identical compositions") {
    const GroupCounts same{{10, 20, 5}, {30, 60, 15}, {20, 40, 10}};
    const std::vector<double> t = totals_of(same);
    for (const auto& g : same) {
        CHECK_THAT(dissimilarity(g, t), WithinAbs(0.0, 1e-12));
        CHECK_THAT(entropy_index(g, t), WithinAbs(0.0, 1e-12));
        CHECK_THAT(gini(g, t), WithinAbs(0.0, 1e-12));
        CHECK_THAT(atkinson(g, t), WithinAbs(0.0, 1e-12));
    }
    CHECK_THAT(multigroup_dissimilarity(same), WithinAbs(0.0, 1e-12));
    CHECK_THAT(multigroup_entropy(same), WithinAbs(0.0, 1e-12));
    CHECK_THAT(mutual_information(same), WithinAbs(0.0, 1e-12));
    for (double e : local_entropy(same)) CHECK_THAT(e, WithinAbs(local_entropy(same)[0], 1e-12));
}

TEST_CASE("segregation hand check: M is symmetric in units and groups") {
    // Transpose example 2: units become groups and groups units.
    GroupCounts transposed(4, std::vector<double>(3));
    for (std::size_t m = 0; m < 3; ++m)
        for (std::size_t i = 0; i < 4; ++i) transposed[i][m] = kExample2[m][i];
    CHECK_THAT(mutual_information(transposed), WithinAbs(mutual_information(kExample2), 1e-12));
}

TEST_CASE("segregation hand check: M splits into between and within districts") {
    const GroupCounts counts{{30, 10, 0, 20, 5, 9}, {10, 20, 10, 20, 1, 0}, {0, 10, 40, 20, 7, 3}};
    const std::vector<std::size_t> district{0, 0, 1, 1, 2, 2};
    const MutualInformationSplit s = split_mutual_information(counts, district, 3);
    CHECK_THAT(s.total, WithinAbs(mutual_information(counts), 1e-15));
    CHECK(s.between > 0);
    CHECK(s.within > 0);
    CHECK_THAT(s.between + s.within, WithinAbs(s.total, 1e-12));
}

TEST_CASE("segregation: units without people contribute nothing") {
    const std::vector<double> x{100, 0, 60, 40, 0, 0}, t{100, 0, 100, 100, 100, 0};
    const std::vector<double> x4{100, 60, 40, 0}, t4{100, 100, 100, 100};
    CHECK_THAT(dissimilarity(x, t), WithinAbs(dissimilarity(x4, t4), 1e-12));
    CHECK_THAT(gini(x, t), WithinAbs(gini(x4, t4), 1e-12));
    CHECK_THAT(atkinson(x, t), WithinAbs(atkinson(x4, t4), 1e-12));
    CHECK_THAT(entropy_index(x, t), WithinAbs(entropy_index(x4, t4), 1e-12));
    CHECK(location_quotients(x, t)[1] == 0.0);
    const GroupCounts with_empty{{30, 0, 10, 0, 20}, {10, 0, 20, 10, 20}, {0, 0, 10, 40, 20}};
    CHECK_THAT(mutual_information(with_empty), WithinAbs(mutual_information(kExample2), 1e-12));
    CHECK_THAT(multigroup_dissimilarity(with_empty), WithinAbs(multigroup_dissimilarity(kExample2), 1e-12));
    CHECK(local_entropy(with_empty)[1] == 0.0);
}

TEST_CASE("segregation: undefined indices are NaN") {
    const std::vector<double> none{0, 0, 0}, all{5, 6, 7};
    CHECK(std::isnan(dissimilarity(none, all)));
    CHECK(std::isnan(gini(all, all)));
    CHECK(std::isnan(entropy_index(all, all)));
    const GroupCounts one_group{{5, 6}, {0, 0}};
    CHECK(std::isnan(multigroup_entropy(one_group)));
}

TEST_CASE("segregation property: unit order and split units do not change the indices") {
    Composition c{GroupMode::Partition, {"a", "b", "c"}, kExample2, totals_of(kExample2)};
    const IndexPlan plan{{Index::Dissimilarity, Index::Isolation, Index::Exposure, Index::Entropy, Index::Atkinson, Index::Gini,
                          Index::MultigroupDissimilarity, Index::MultigroupEntropy, Index::MutualInformation, Index::Diversity},
                         regio::geometry::Contiguity::Queen, {}, {}, Kernel::Box};
    const std::vector<double> base = index_values(c, {}, plan);
    REQUIRE(base.size() == 6 * 3 + 4);

    const Composition reordered = select_units(c, {3, 1, 0, 2});
    const std::vector<double> shuffled = index_values(reordered, {}, plan);
    for (std::size_t k = 0; k < base.size(); ++k) CHECK_THAT(shuffled[k], WithinAbs(base[k], 1e-12));

    // Every unit split into two identical halves: same compositions, same shares.
    Composition halves = select_units(c, {0, 0, 1, 1, 2, 2, 3, 3});
    for (auto& g : halves.counts)
        for (double& v : g) v /= 2;
    for (double& v : halves.totals) v /= 2;
    const std::vector<double> split = index_values(halves, {}, plan);
    for (std::size_t k = 0; k < base.size(); ++k) CHECK_THAT(split[k], WithinAbs(base[k], 1e-12));
}

TEST_CASE("segregation index names are stable") {
    CHECK(index_name(Index::SpatialDissimilarity) == "spatial_dissimilarity");
    CHECK(index_name(Index::Diversity) == "diversity");
    for (Index i : kAllIndices) CHECK(parse_index(index_name(i)) == i);
    CHECK_FALSE(parse_index("theil").has_value());
}

}  // namespace indices_test
