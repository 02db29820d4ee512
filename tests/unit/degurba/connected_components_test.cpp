#include "regio/degurba/connected_components.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace connected_components_test {

using namespace regio::degurba;

namespace {

std::int32_t label_mask(const std::vector<std::uint8_t>& mask, std::int64_t cols, std::int64_t rows, Connectivity conn,
                        std::vector<std::int32_t>& labels) {
    return label_components(cols, rows, conn, [&](std::int64_t i) { return mask[static_cast<std::size_t>(i)] != 0; },
                            labels);
}

// Reference: breadth-first flood fill from each unlabelled member in raster
// order, which numbers components by their first cell by construction.
std::vector<std::int32_t> reference_labels(const std::vector<std::uint8_t>& mask, std::int64_t cols, std::int64_t rows,
                                           Connectivity conn) {
    std::vector<std::int32_t> labels(mask.size(), 0);
    std::int32_t next = 0;
    std::vector<std::int64_t> queue;
    for (std::int64_t start = 0; start < cols * rows; ++start) {
        if (mask[start] == 0 || labels[start] != 0) continue;
        labels[start] = ++next;
        queue.assign(1, start);
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const std::int64_t r = queue[q] / cols;
            const std::int64_t c = queue[q] % cols;
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    if ((dr == 0 && dc == 0) || (conn == Connectivity::Four && dr != 0 && dc != 0)) continue;
                    const std::int64_t nr = r + dr;
                    const std::int64_t nc = c + dc;
                    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                    const std::int64_t j = nr * cols + nc;
                    if (mask[j] == 0 || labels[j] != 0) continue;
                    labels[j] = next;
                    queue.push_back(j);
                }
        }
    }
    return labels;
}

}  // namespace

TEST_CASE("degurba: components of two diagonal cells depend on connectivity (spec §1)") {
    // 3 x 3 with (0,0) and (1,1) set: rook gives two components, queen one.
    const std::vector<std::uint8_t> mask{1, 0, 0, 0, 1, 0, 0, 0, 0};
    std::vector<std::int32_t> labels;
    CHECK(label_mask(mask, 3, 3, Connectivity::Four, labels) == 2);
    CHECK(labels == std::vector<std::int32_t>{1, 0, 0, 0, 2, 0, 0, 0, 0});
    CHECK(label_mask(mask, 3, 3, Connectivity::Eight, labels) == 1);
    CHECK(labels == std::vector<std::int32_t>{1, 0, 0, 0, 1, 0, 0, 0, 0});
    // Anti-diagonal (north-east neighbour) too.
    const std::vector<std::uint8_t> anti{0, 1, 1, 0};
    CHECK(label_mask(anti, 2, 2, Connectivity::Eight, labels) == 1);
    CHECK(label_mask(anti, 2, 2, Connectivity::Four, labels) == 2);
}

TEST_CASE("degurba: component ids follow the raster order of each component's first cell") {
    // A U whose arms meet only in the last row, and a separate cell at (0,4):
    // the U keeps id 1 (its first cell is (0,0)), the single cell is 2.
    //   1 0 1 0 1
    //   1 0 1 0 0
    //   1 1 1 0 0
    const std::vector<std::uint8_t> mask{1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0};
    std::vector<std::int32_t> labels;
    REQUIRE(label_mask(mask, 5, 3, Connectivity::Four, labels) == 2);
    CHECK(labels == std::vector<std::int32_t>{1, 0, 1, 0, 2, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0});
}

TEST_CASE("degurba: components match a flood fill on random masks") {
    std::mt19937 rng(12345);
    for (const double p : {0.3, 0.5, 0.6, 0.8}) {
        for (const auto conn : {Connectivity::Four, Connectivity::Eight}) {
            const std::int64_t cols = 53;
            const std::int64_t rows = 47;
            std::bernoulli_distribution bit(p);
            std::vector<std::uint8_t> mask(static_cast<std::size_t>(cols * rows));
            for (auto& m : mask) m = bit(rng) ? 1 : 0;
            std::vector<std::int32_t> labels;
            label_mask(mask, cols, rows, conn, labels);
            CHECK(labels == reference_labels(mask, cols, rows, conn));
        }
    }
}

TEST_CASE("degurba: streamed components give label_components' ids without a label array") {
    std::mt19937 rng(777);
    for (const double p : {0.3, 0.6, 0.9}) {
        for (const auto conn : {Connectivity::Four, Connectivity::Eight}) {
            const std::int64_t cols = 41;
            const std::int64_t rows = 37;
            std::bernoulli_distribution bit(p);
            std::vector<std::uint8_t> mask(static_cast<std::size_t>(cols * rows));
            for (auto& m : mask) m = bit(rng) ? 1 : 0;
            const std::vector<std::int32_t> expected = reference_labels(mask, cols, rows, conn);
            StreamedComponents components(cols, rows, conn,
                                          [&](std::int64_t i) { return mask[static_cast<std::size_t>(i)] != 0; });
            std::int32_t most = 0;
            for (const auto id : expected) most = std::max(most, id);
            CHECK(components.count() == most);
            for (int pass = 0; pass < 2; ++pass) {  // every pass gives the same ids
                std::vector<std::int32_t> seen;
                std::int64_t last = -1;
                bool in_order = true;
                components.for_each([&](std::size_t i, std::int32_t id, std::int64_t r, std::int64_t c) {
                    in_order = in_order && static_cast<std::int64_t>(i) == last + 1 && r * cols + c == last + 1;
                    last = static_cast<std::int64_t>(i);
                    seen.push_back(id);
                });
                CHECK(in_order);
                CHECK(seen == expected);
            }
        }
    }
}

TEST_CASE("degurba: components of an empty grid - a full grid and a spiral") {
    std::vector<std::int32_t> labels;
    CHECK(label_mask({}, 0, 0, Connectivity::Four, labels) == 0);
    CHECK(labels.empty());
    CHECK(label_mask({}, 0, 7, Connectivity::Eight, labels) == 0);

    // One component covering the whole grid: no recursion, one id.
    const std::int64_t side = 1500;
    const std::vector<std::uint8_t> full(static_cast<std::size_t>(side * side), 1);
    CHECK(label_mask(full, side, side, Connectivity::Four, labels) == 1);
    CHECK(labels.front() == 1);
    CHECK(labels.back() == 1);

    // A comb: many provisional labels merged by the last row.
    const std::int64_t cols = 401;
    const std::int64_t rows = 300;
    std::vector<std::uint8_t> comb(static_cast<std::size_t>(cols * rows), 0);
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c)
            if (c % 2 == 0 || r == rows - 1) comb[static_cast<std::size_t>(r * cols + c)] = 1;
    CHECK(label_mask(comb, cols, rows, Connectivity::Four, labels) == 1);
    const bool same = labels == reference_labels(comb, cols, rows, Connectivity::Four);
    CHECK(same);
}

TEST_CASE("degurba: a grid too large for 32-bit labels is a data error") {
    std::vector<std::int32_t> labels;
    CHECK_THROWS_AS(check_label_capacity(70000, 70000), regio::DataError);
    CHECK_THROWS_AS(check_label_capacity(-1, 5), regio::DataError);
    CHECK_NOTHROW(check_label_capacity(5000, 5000));
}

}  // namespace connected_components_test
