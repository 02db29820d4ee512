#include "regio/indicators/wide_output.hpp"

#include "regio/error.hpp"
#include "regio/indicators/indicators_table.hpp"
#include "regio/io/table_writer.hpp"

#include <fmt/format.h>

#include <set>

namespace regio::indicators {
namespace {

// GDAL's FlatGeobuf writer (3.6, Debian 12) silently leaves out features
// without geometry (GDAL issue 7401; later versions refuse them when the
// file has a spatial index): the rollup parents and the data rows without a
// region would be lost, so such a table is refused before it is written.
void check_geometry_kept(const io::PlannedOutput& output, const geometry::RegionSet& regions) {
    if (output.format() != io::TableFormat::FlatGeobuf) return;
    table::IdSample without;
    for (std::size_t r = 0; r < regions.ids.size(); ++r)
        if (regions.shapes[r].empty()) without.add(regions.ids[r]);
    if (without.empty()) return;
    throw UsageError(fmt::format("{}: FlatGeobuf cannot hold features without geometry, and {} output region{} ha{} none "
                                 "(rollup parents, data rows without a region): {}",
                                 output.shown(), without.count, without.count == 1 ? "" : "s", without.count == 1 ? "s" : "ve",
                                 table::format_ids(without)),
                     {}, "write .gpkg, .geojson or .parquet (they keep features without geometry), or the tidy .csv");
}

}  // namespace

RegionJoin write_wide_table(const IndicatorsRequest& request, const io::PlannedOutput& output, geometry::RegionSet regions,
                            const IndicatorsResult& result, std::vector<std::string>& warnings) {
    const Hierarchy& hierarchy = result.hierarchy;
    RegionJoin join;
    const std::set<std::string> in_regions(regions.ids.begin(), regions.ids.end());
    const std::set<std::string> in_data(hierarchy.ids.begin(), hierarchy.ids.end());
    for (const auto& id : regions.ids)
        if (!in_data.count(id)) join.regions_without_row.add(id);
    for (std::size_t r = 0; r < hierarchy.size(); ++r) {
        if (in_regions.count(hierarchy.ids[r])) continue;
        if (hierarchy.data_row[r]) join.rows_without_region.add(hierarchy.ids[r]);
        regions.ids.push_back(hierarchy.ids[r]);
        regions.shapes.emplace_back();
        regions.feature_ids.push_back(-1);
    }
    const std::size_t n = join.rows_without_region.count, m = join.regions_without_row.count;
    const std::string& data = request.data;
    const std::string& region_source = request.regions.regions;
    if (n)
        warnings.push_back(fmt::format("{} row{} of {} match{} no region of {} (written without geometry): {}", n, n == 1 ? "" : "s",
                                       data, n == 1 ? "es" : "", region_source, table::format_ids(join.rows_without_region)));
    if (m)
        warnings.push_back(fmt::format("{} region{} of {} {} no row in {}: {}", m, m == 1 ? "" : "s", region_source,
                                       m == 1 ? "has" : "have", data, table::format_ids(join.regions_without_row)));
    check_geometry_kept(output, regions);
    const table::RegionTable wide = wide_indicators_table(result.definitions, hierarchy, result.table, request.id, regions.ids);
    io::write_region_table(wide, &regions, output);
    return join;
}

}  // namespace regio::indicators
