// `regio segregation` on Berlin's 448 planning areas (LOR until 2020) with the
// register of 31.12.2020 (t1 and t4 tables): foreigners against all residents,
// and groups by origin that partition the residents, for the city and per
// district (--within-prefix 2), with a map of the location quotient.
//
// The polygon layer carries the id 06010102 twice (../shared/data/README.md);
// as in the regionalise test, feature 204 is re-keyed to 04030417 through an
// OGR VRT in a temporary directory (the shared data are not touched).
//
// The partition: t1 gives Germans without a migration background and the
// residents with one; t4 splits the latter by origin, but its origins overlap
// (Croatia is in the EU and in former Yugoslavia, the Baltic states in the EU
// and the former Soviet Union, ...). EU, Islamic countries, Vietnam and the
// United States do not overlap; the rest of the residents with a migration
// background form "other origin". The five groups then add up to t1's
// inhabitants in every unit, which the command checks (--total).
#include "regio/io/csv_table.hpp"

#include "realdata_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace segregation_berlin_test {

using namespace regio_realdata;
using Catch::Matchers::Contains;

namespace {

const std::string kData = REGIO_SHARED_DATA;
const std::string kUnits = kData + "/city/berlin/berlin_lor_3035.gpkg";
const std::string kT1 = kData + "/city/berlin/population/berlin-lor-population-2020-02-t1-planning-areas.csv";
const std::string kT4 = kData + "/city/berlin/population/berlin-lor-population-2020-02-t4-planning-areas.csv";

std::string rekeyed_units(const fs::path& dir) {
    const fs::path vrt = dir / "plr.vrt";
    std::ofstream(vrt) << "<OGRVRTDataSource><OGRVRTLayer name=\"plr\"><SrcDataSource>" << kUnits
                       << "</SrcDataSource><SrcSQL dialect=\"sqlite\">SELECT CASE WHEN fid = 204 THEN '04030417' ELSE id END AS id, geom "
                          "FROM plr_until2020 ORDER BY fid</SrcSQL></OGRVRTLayer></OGRVRTDataSource>\n";
    return vrt.string() + ":plr";
}

// OUT.csv rows as (within, index, group, bandwidth) -> value.
std::map<std::string, double> read_values(const fs::path& path) {
    const regio::io::CsvTable t = regio::io::read_csv_table(path.string());
    std::map<std::string, double> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        out[t.rows[r][0] + "|" + t.rows[r][1] + "|" + t.rows[r][2] + "|" + t.rows[r][4]] = t.rows[r][5].empty() ? NAN : std::stod(t.rows[r][5]);
    return out;
}

// D of foreigners computed here from the table, independently of the library.
double dissimilarity_of_foreigners() {
    const regio::io::CsvTable t = regio::io::read_csv_table(kT1);
    const std::size_t xc = t.column("inhabitants_foreigners"), tc = t.column("inhabitants");
    double X = 0, T = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) X += t.number(r, xc), T += t.number(r, tc);
    const double P = X / T;
    double sum = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const double ti = t.number(r, tc);
        if (ti > 0) sum += ti * std::abs(t.number(r, xc) / ti - P);
    }
    return sum / (2 * T * P * (1 - P));
}

// The origin partition (see the header comment), one row per planning area.
fs::path origin_table(const fs::path& dir) {
    const regio::io::CsvTable t1 = regio::io::read_csv_table(kT1);
    const regio::io::CsvTable t4 = regio::io::read_csv_table(kT4);
    std::map<std::string, std::size_t> row4;
    for (std::size_t r = 0; r < t4.rows.size(); ++r) row4[t4.rows[r][t4.column("id")]] = r;
    const fs::path out = dir / "origins.csv";
    std::ofstream o(out);
    o << "id,inhabitants,german_no_migration,eu,islamic,vietnam,united_states,other_origin\n";
    for (std::size_t r = 0; r < t1.rows.size(); ++r) {
        const std::string& id = t1.rows[r][t1.column("id")];
        const std::size_t q = row4.at(id);
        auto v4 = [&](const std::string& c) { return static_cast<long long>(t4.number(q, t4.column("inhabitants_from_" + c))); };
        const auto migration = static_cast<long long>(t1.number(r, t1.column("inhabitants_with_migration_background")));
        const long long other = migration - v4("european_union") - v4("islamic_countries") - v4("vietnam") - v4("united_states");
        REQUIRE(other >= 0);
        o << id << ',' << static_cast<long long>(t1.number(r, t1.column("inhabitants"))) << ','
          << static_cast<long long>(t1.number(r, t1.column("inhabitants_germans_without_migration_background"))) << ',' << v4("european_union")
          << ',' << v4("islamic_countries") << ',' << v4("vietnam") << ',' << v4("united_states") << ',' << other << '\n';
    }
    return out;
}

}  // namespace

TEST_CASE("real data: segregation of foreigners in Berlin's planning areas, city and districts, with a map") {
    TempDir tmp;
    const fs::path err = tmp.path() / "stderr.txt";
    const int code = run_regio({"segregation", "--data", kT1, "--id", "id", "--group", "inhabitants_foreigners", "--total", "inhabitants",
                                "--regions", rekeyed_units(tmp.path()), "--within-prefix", "2", "--bandwidth", "500,1000,2000,4000",
                                "--simulations", "199", "--seed", "1", "-o", (tmp.path() / "out.csv").string(), "--local",
                                (tmp.path() / "local.gpkg").string(), "--report", (tmp.path() / "report.json").string()},
                               err);
    INFO(slurp(err));
    REQUIRE(code == 0);
    const auto v = read_values(tmp.path() / "out.csv");
    const double d = v.at("|dissimilarity|inhabitants_foreigners|");
    CHECK_THAT(d, Catch::Matchers::WithinAbs(dissimilarity_of_foreigners(), 1e-12));
    CHECK(d > 0.2);
    CHECK(d < 0.5);
    // Neighbours are more alike than random pairs; wider environments even out.
    CHECK(v.at("|spatial_dissimilarity|inhabitants_foreigners|") < d);
    CHECK(v.at("|dissimilarity|inhabitants_foreigners|4000") < v.at("|dissimilarity|inhabitants_foreigners|500"));
    CHECK(v.at("|dissimilarity|inhabitants_foreigners|500") <= d);
    // Twelve districts, each with its own D.
    for (const char* district : {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"})
        CHECK(v.count(std::string(district) + "|dissimilarity|inhabitants_foreigners|") == 1);
    // Random allocation of 3.77 million residents gives a far smaller D.
    const regio::io::CsvTable rows = regio::io::read_csv_table((tmp.path() / "out.csv").string());
    REQUIRE(rows.rows[0][1] == "dissimilarity");
    CHECK(rows.number(0, rows.column("expected")) < d / 5);
    CHECK(rows.number(0, rows.column("p_value")) == 0);
    CHECK_THAT(slurp(tmp.path() / "report.json"), Contains("\"units\": 448") && Contains("\"population\": 3769962"));

    // The location quotient of foreigners, mapped.
    const int map = run_regio({"map", "--layer", (tmp.path() / "local.gpkg").string(), "--id", "id", "--field", "lq_inhabitants_foreigners",
                               "-o", (tmp.path() / "lq.svg").string(), "-q"},
                              err);
    INFO(slurp(err));
    REQUIRE(map == 0);
    std::size_t paths = 0;
    const std::string svg = slurp(tmp.path() / "lq.svg");
    for (std::size_t at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1)) ++paths;
    CHECK(paths >= 448);
}

TEST_CASE("real data: segregation of origin groups partitioning Berlin's residents, M split over districts") {
    TempDir tmp;
    const fs::path err = tmp.path() / "stderr.txt";
    const fs::path table = origin_table(tmp.path());
    const int code = run_regio({"segregation", "--data", table.string(), "--id", "id", "--group",
                                "german_no_migration,eu,islamic,vietnam,united_states,other_origin", "--total", "inhabitants", "--within-prefix",
                                "2", "-o", (tmp.path() / "out.csv").string(), "-q"},
                               err);
    INFO(slurp(err));
    REQUIRE(code == 0);
    const auto v = read_values(tmp.path() / "out.csv");
    const double m = v.at("|mutual_information||"), between = v.at("|mutual_information_between||"), within = v.at("|mutual_information_within||");
    CHECK_THAT(between + within, Catch::Matchers::WithinAbs(m, 1e-12));
    CHECK(between > 0);
    CHECK(within > 0);
    CHECK(v.at("|multigroup_entropy||") > 0);
    CHECK(v.at("|diversity||") > 1);
    // Vietnamese origin is the most concentrated of the groups.
    CHECK(v.at("|dissimilarity|vietnam|") > v.at("|dissimilarity|eu|"));
    for (const char* district : {"01", "07", "12"}) CHECK(v.count(std::string(district) + "|multigroup_dissimilarity||") == 1);
}

}  // namespace segregation_berlin_test
