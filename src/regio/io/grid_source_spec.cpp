#include "regio/io/grid_source_spec.hpp"

#include "regio/error.hpp"

#include <algorithm>

namespace regio::io {

InputSpec GridSourceSpec::layer_input() const { return InputSpec::parse(layer, layer_name); }

std::vector<std::string> GridSourceSpec::paths() const {
    return {InputSpec::parse(raster).path, table, layer.empty() ? std::string() : layer_input().path};
}

void check_grid_source_spec(const GridSourceSpec& spec, GridValues values) {
    const int given = !spec.raster.empty() + !spec.table.empty() + !spec.layer.empty();
    if (given != 1) throw UsageError("give exactly one of --grid, --grid-table and --grid-layer");
    if (!spec.cell_id.empty() && spec.table.empty())
        throw UsageError("--cell-id goes with --grid-table: the column of its cell codes");
    if (!spec.layer_name.empty() && spec.layer.empty())
        throw UsageError("--grid-layer-name goes with --grid-layer: the layer of its source");
    if (!spec.raster.empty()) {
        if (!spec.values.empty())
            throw UsageError("--value names table columns or layer fields; pick raster bands as --grid FILE:BAND[,BAND]");
        return;
    }
    if (spec.values.empty()) throw UsageError("name the value column(s) with --value");
    for (const auto& v : spec.values)
        if (std::count(spec.values.begin(), spec.values.end(), v) > 1)
            throw UsageError("--value names '" + v + "' twice");
    if (values == GridValues::One && spec.values.size() > 1)
        throw UsageError("--value names " + std::to_string(spec.values.size()) +
                         " columns; this command reads one (e.g. the population)");
    if (!spec.table.empty() && spec.cell_id.empty()) throw UsageError("--grid-table needs --cell-id naming the cell-code column");
}

std::unique_ptr<GridSource> open_grid_source(const GridSourceSpec& spec, GridValues values) {
    check_grid_source_spec(spec, values);
    if (!spec.raster.empty()) return open_raster_grid(spec.raster);
    if (!spec.table.empty()) return open_grid_table(spec.table, spec.cell_id, spec.values, spec.text);
    return open_grid_layer(spec.layer_input(), spec.values);
}

}  // namespace regio::io
