// Fuzz target: the crosswalk CSV reader (src/regio/io/crosswalk_csv.*, on
// csv_table.* and csv_format.*), read from a file as `regio crosswalk apply`
// and `crosswalk chain` read it. An accepted crosswalk is also chained with
// itself (harmonise::chain_crosswalks), the next thing a reader's output
// meets, after the check that apply and chain run first
// (harmonise::check_crosswalk). Checked: only regio errors; a crosswalk that
// passes the check has area_share_from in [0, 1] on every row; the chained
// one has each (from, to) pair once.
#include "fuzz_support.hpp"

#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/crosswalk_check.hpp"
#include "regio/harmonise/crosswalk_files.hpp"

#include <cmath>
#include <set>

using namespace regio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::ScratchFile file("crosswalk.csv");
    const std::string& path = file.write(data, size);
    fuzz::expect_only_regio_errors([&] {
        const harmonise::Crosswalk cw = harmonise::read_crosswalk(path);
        harmonise::check_crosswalk(cw, {harmonise::ShareColumn::Area});
        for (const auto& row : cw.rows)
            fuzz::require(std::isfinite(row.area_share_from) && row.area_share_from >= 0 && row.area_share_from <= 1,
                          "an accepted row with a bad area_share_from");
        const harmonise::Crosswalk chained = harmonise::chain_crosswalks(cw, cw);
        std::set<std::pair<std::string, std::string>> pairs;
        for (const auto& row : chained.rows)
            fuzz::require(pairs.emplace(row.from_id, row.to_id).second, "a chained crosswalk with a pair twice: " + row.from_id + " -> " + row.to_id);
    });
    return 0;
}
