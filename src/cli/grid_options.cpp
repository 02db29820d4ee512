#include "grid_options.hpp"
#include "option_kinds.hpp"

namespace regio::cli {

void add_grid_options(CLI::App& command, io::GridSourceSpec& grid) {
    command.add_option("--grid", grid.raster, "A raster, any GDAL format: FILE or FILE:BAND[,BAND...] (default band 1)")
        ->type_name(kInputRaster);
    command.add_option("--grid-table", grid.table,
                       "A CSV of European grid-cell codes (CRS3035RES1000mN...E..., 1kmN...E..., 1kmE...N...)")
        ->type_name(kInputFile);
    command.add_option("--cell-id", grid.cell_id, "Column of --grid-table holding the cell codes");
    command.add_option("--grid-layer", grid.layer,
                       "A vector grid of square, grid-aligned cell polygons: FILE[:LAYER] or any GDAL data source "
                       "(PG:..., /vsizip/...)")
        ->type_name(kInputLayer);
    command.add_option("--grid-layer-name", grid.layer_name, "Layer (table) of --grid-layer, when the source has several");
    command.add_option("--value", grid.values, "Value column(s) of --grid-table or field(s) of --grid-layer")->delimiter(',');
}

}  // namespace regio::cli
