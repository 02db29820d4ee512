#pragma once
// Carries a table of values from the source units of a crosswalk onto its
// target units. Extensive columns (counts) are split by the weight shares
// and summed; intensive columns (rates, means) are never area-weighted: they
// are averaged with their named denominator as weight, i.e. recomputed from
// the moved numerator (value × denominator) and the moved denominator.
#include "regio/harmonise/crosswalk.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/table/region_table.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

enum class ApplyWeight { Area, Population };

struct IntensiveColumn {
    std::string column;
    std::string denominator;
};

struct ApplyOptions {
    std::string id;
    std::vector<std::string> extensive;
    std::vector<IntensiveColumn> intensive;
    ApplyWeight weight = ApplyWeight::Area;
};

struct ApplyResult {
    table::RegionTable table;            // targets sorted by id; columns under their input names
    std::vector<double> total_before;    // per extensive column, over all data rows
    std::vector<double> total_after;     // per extensive column, over the targets
    std::vector<double> not_carried;     // per extensive column: rows whose id the crosswalk lacks
    std::vector<std::string> ids_not_in_crosswalk;  // data rows, by id
    std::vector<std::string> sources_not_in_data;   // crosswalk sources without a data row
    std::vector<double> split_share;     // per target: share of its value that came from split sources
};

// Throws DataError for unknown columns, duplicate ids in the data, or a
// crosswalk without weights when population weights are asked for.
ApplyResult apply_crosswalk(const Crosswalk& crosswalk, const io::CsvTable& data, const ApplyOptions& options);

}  // namespace regio::harmonise
