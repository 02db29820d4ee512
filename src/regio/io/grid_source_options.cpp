#include "regio/io/grid_source_options.hpp"

namespace regio::io {

void declare_grid_options(options::OptionSet& options, GridSourceSpec& grid) {
    options.add("--grid", grid.raster, "A raster, any GDAL format: FILE or FILE:BAND[,BAND...] (default band 1)")
        .value_name(options::kInputRaster);
    options.add("--grid-table", grid.table,
                "A CSV of European grid-cell codes (CRS3035RES1000mN...E..., 1kmN...E..., 1kmE...N...)")
        .value_name(options::kInputFile);
    options.add("--cell-id", grid.cell_id, "Column of --grid-table holding the cell codes")
            .names_columns_of("grid-table");
    options.add("--grid-layer", grid.layer,
                "A vector grid of square, grid-aligned cell polygons: FILE[:LAYER] or any GDAL data source "
                "(PG:..., /vsizip/...)")
        .value_name(options::kInputLayer);
    options.add("--grid-layer-name", grid.layer_name, "Layer (table) of --grid-layer, when the source has several");
    options.add("--value", grid.values, "Value column(s) of --grid-table or field(s) of --grid-layer").delimiter(',')
            .names_columns_of("grid-table", options::NameForm::List)
            .names_columns_of("grid-layer", options::NameForm::List);
}

}  // namespace regio::io
