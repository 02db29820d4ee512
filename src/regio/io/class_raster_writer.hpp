#pragma once
// A one-band UInt8 GeoTIFF of class codes (DEFLATE, tiled), written
// atomically (see OutputFile): the cell classes of `regio degurba`.
#include "regio/grid/grid_definition.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace regio::io {

struct ClassRaster {
    grid::GridDefinition grid;  // geotransform: top-left corner, north-up
    Crs crs;
    std::vector<std::uint8_t> codes;  // row-major, row 0 north; grid.cell_count() values
    std::optional<std::uint8_t> nodata;
    // Written as dataset metadata (GDAL domain ""), e.g. the options of the
    // run, so that a raster records how it was made.
    std::vector<std::pair<std::string, std::string>> metadata;
};

// Throws UsageError (existing output without Overwrite::Yes, output is an
// input), IoError (cannot write).
void write_class_raster(const ClassRaster& raster, const std::string& path, Overwrite overwrite,
                        const std::vector<std::string>& inputs);
// To the temporary file of a planned output (see OutputPlan).
void write_class_raster(const ClassRaster& raster, const PlannedOutput& output);

}  // namespace regio::io
