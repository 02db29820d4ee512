// Rasters as grid sources: any GDAL raster, north-up, read in row bands with
// nodata turned into NaN, so memory stays bounded whatever the raster's size.
#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/grid_source.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace regio::io {
namespace {

struct BandSpec {
    std::string path;
    std::vector<int> bands;
};

// "file.tif:2,3" -> bands; a path that exists is taken whole.
BandSpec parse_band_spec(const std::string& spec) {
    BandSpec out{spec, {}};
    const auto colon = spec.rfind(':');
    if (colon != std::string::npos && colon + 1 < spec.size() &&
        spec.find_first_not_of("0123456789,", colon + 1) == std::string::npos) {
        out.path = spec.substr(0, colon);
        std::size_t pos = colon + 1;
        while (pos < spec.size()) {
            const auto comma = spec.find(',', pos);
            const std::string part = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            if (part.empty() || part.size() > 6) throw UsageError("bad band number '" + part + "' in '" + spec + "'");
            const int band = std::stoi(part);
            if (std::find(out.bands.begin(), out.bands.end(), band) != out.bands.end())
                throw UsageError("band " + part + " is named twice in '" + spec + "'");
            out.bands.push_back(band);
            if (comma == std::string::npos) break;
            pos = comma + 1;
        }
    }
    return out;
}

class RasterGridSource final : public GridSource {
public:
    explicit RasterGridSource(const std::string& spec) {
        const BandSpec bs = parse_band_spec(spec);
        m_path = bs.path;
        m_ds = open_raster(m_path);
        const int count = m_ds->GetRasterCount();
        m_bands = bs.bands.empty() ? std::vector<int>{1} : bs.bands;
        for (const int b : m_bands) {
            if (b < 1 || b > count)
                throw UsageError("band " + std::to_string(b) + " does not exist (the raster has " +
                                 std::to_string(count) + (count == 1 ? " band)" : " bands)"),
                                 Where{m_path});
            m_names.push_back("band" + std::to_string(b));
            GDALRasterBand* band = m_ds->GetRasterBand(b);
            int has_nodata = 0;
            const double nodata = band->GetNoDataValue(&has_nodata);
            m_nodata.push_back(has_nodata ? nodata : std::numeric_limits<double>::quiet_NaN());
        }
        double gt[6];
        if (m_ds->GetGeoTransform(gt) != CE_None) throw DataError("the raster has no geotransform", Where{m_path});
        if (gt[2] != 0 || gt[4] != 0) throw DataError("rotated rasters are not supported", Where{m_path});
        if (gt[1] <= 0 || gt[5] >= 0)
            throw DataError("the raster is not north-up (pixel size " + std::to_string(gt[1]) + " x " +
                                std::to_string(gt[5]) + ")",
                            Where{m_path});
        m_grid = {gt[0], gt[3], gt[1], -gt[5], m_ds->GetRasterXSize(), m_ds->GetRasterYSize()};
        const OGRSpatialReference* srs = m_ds->GetSpatialRef();
        if (!srs)
            throw CrsError("the raster has no CRS", Where{m_path},
                           "assign one, e.g. gdal_edit.py -a_srs EPSG:3035 " + m_path);
        char* text = nullptr;
        const char* options[] = {"FORMAT=WKT2_2018", nullptr};
        srs->exportToWkt(&text, options);
        m_crs = Crs::from_wkt(text ? text : "");
        CPLFree(text);
    }

    [[nodiscard]] const grid::GridDefinition& grid() const override { return m_grid; }
    [[nodiscard]] const std::vector<std::string>& value_names() const override { return m_names; }
    [[nodiscard]] Crs crs() const override { return m_crs; }
    [[nodiscard]] std::string display() const override { return m_path; }

    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override {
        const std::int64_t cols = m_grid.cols;
        out.resize(static_cast<std::size_t>(m_bands.size() * nrows * cols));
        CplErrorCapture capture;
        for (std::size_t v = 0; v < m_bands.size(); ++v) {
            double* dst = out.data() + v * static_cast<std::size_t>(nrows * cols);
            GDALRasterBand* band = m_ds->GetRasterBand(m_bands[v]);
            if (band->RasterIO(GF_Read, 0, static_cast<int>(row0), static_cast<int>(cols), static_cast<int>(nrows), dst,
                               static_cast<int>(cols), static_cast<int>(nrows), GDT_Float64, 0, 0, nullptr) != CE_None)
                throw IoError("cannot read rows " + std::to_string(row0) + "-" + std::to_string(row0 + nrows - 1) +
                                  ": " + capture.last_error(),
                              Where{m_path});
            const double nodata = m_nodata[v];
            const std::size_t n = static_cast<std::size_t>(nrows * cols);
            if (!std::isnan(nodata))
                for (std::size_t i = 0; i < n; ++i)
                    if (dst[i] == nodata) dst[i] = std::numeric_limits<double>::quiet_NaN();
        }
    }

private:
    std::string m_path;
    DatasetPtr m_ds;
    std::vector<int> m_bands;
    std::vector<double> m_nodata;
    std::vector<std::string> m_names;
    grid::GridDefinition m_grid;
    Crs m_crs;
};

}  // namespace

std::unique_ptr<GridSource> open_raster_grid(const std::string& spec) { return std::make_unique<RasterGridSource>(spec); }

}  // namespace regio::io
