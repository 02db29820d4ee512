// Rasters as grid sources: any GDAL raster, north-up, read in row bands with
// nodata turned into NaN, so memory stays bounded whatever the raster's size.
#include "regio/error.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/grid_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <future>
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

    [[nodiscard]] std::int64_t preferred_rows() const override {
        int block_x = 0, block_y = 0;
        m_ds->GetRasterBand(m_bands[0])->GetBlockSize(&block_x, &block_y);
        return std::max(1, block_y);
    }

    [[nodiscard]] std::int64_t preferred_cols() const override {
        int block_x = 0, block_y = 0;
        m_ds->GetRasterBand(m_bands[0])->GetBlockSize(&block_x, &block_y);
        return std::max(1, block_x);
    }

    void set_read_threads(unsigned threads) override { m_read_threads = std::max(1u, threads); }

    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override {
        read_window(row0, nrows, 0, m_grid.cols, out);
    }

    void read_window(std::int64_t row0, std::int64_t nrows, std::int64_t col0, std::int64_t col1,
                     std::vector<double>& out) override {
        read_windows(row0, nrows, {{col0, col1}}, out);
    }

    void read_windows(std::int64_t row0, std::int64_t nrows, const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges,
                      std::vector<double>& out) override {
        const std::int64_t cols = m_grid.cols;
        out.resize(static_cast<std::size_t>(m_bands.size() * nrows * cols));
        if (nrows <= 0) return;
        std::vector<std::pair<std::int64_t, std::int64_t>> parts;
        std::int64_t width = 0;
        for (auto [c0, c1] : ranges) {
            c0 = std::clamp<std::int64_t>(c0, 0, cols);
            c1 = std::clamp<std::int64_t>(c1, c0, cols);
            if (c1 > c0) parts.emplace_back(c0, c1);
            width += c1 - c0;
        }
        if (parts.empty()) return;
        // Decoding (decompression) is most of the work: a second handle on
        // the same file reads the right half of the columns at the same time,
        // split at a block boundary so that no block is decoded twice.
        int block_x = 0, block_y = 0;
        m_ds->GetRasterBand(m_bands[0])->GetBlockSize(&block_x, &block_y);
        std::vector<std::pair<std::int64_t, std::int64_t>> left, right;
        std::int64_t taken = 0;
        for (const auto& [c0, c1] : parts) {
            const std::int64_t room = width / 2 - taken;  // columns the left half still takes
            if (room >= c1 - c0) {
                left.emplace_back(c0, c1);
            } else if (room > 0 && block_x > 0 && (c0 + room) / block_x * block_x > c0) {
                const std::int64_t split = (c0 + room) / block_x * block_x;
                left.emplace_back(c0, split);
                right.emplace_back(split, c1);
            } else {
                right.emplace_back(c0, c1);
            }
            taken += c1 - c0;
        }
        auto read_all = [&](GDALDataset& ds, const std::vector<std::pair<std::int64_t, std::int64_t>>& list,
                            std::vector<unsigned char>& native) {
            for (const auto& [c0, c1] : list) read_part(ds, row0, nrows, c0, c1, out, native);
        };
        if (m_read_threads < 2 || left.empty() || right.empty()) {
            left.insert(left.end(), right.begin(), right.end());
            read_all(*m_ds, left, m_native[0]);
            return;
        }
        if (!m_second) m_second = open_raster(m_path);
        auto second = std::async(std::launch::async, [&] { read_all(*m_second, right, m_native[1]); });
        read_all(*m_ds, left, m_native[0]);
        second.get();
    }

private:
    // Columns [col0, col1) of rows [row0, row0 + nrows) of every band into
    // `out` (laid out as read_rows says), nodata as NaN. Bands of integer or
    // float32 type are read as they are stored and widened here, in the same
    // pass that marks nodata: cheaper than GDAL converting to float64 first.
    void read_part(GDALDataset& ds, std::int64_t row0, std::int64_t nrows, std::int64_t col0, std::int64_t col1,
                   std::vector<double>& out, std::vector<unsigned char>& native) const {
        const std::int64_t cols = m_grid.cols;
        const std::int64_t width = col1 - col0;
        CplErrorCapture capture;
        for (std::size_t v = 0; v < m_bands.size(); ++v) {
            double* band_start = out.data() + v * static_cast<std::size_t>(nrows * cols);
            GDALRasterBand* band = ds.GetRasterBand(m_bands[v]);
            auto fail = [&] {
                throw IoError("cannot read rows " + std::to_string(row0) + "-" + std::to_string(row0 + nrows - 1) + ": " +
                                  capture.last_error(),
                              Where{m_path});
            };
            const GDALDataType type = band->GetRasterDataType();
            const double nodata = m_nodata[v];
            const bool has_nodata = !std::isnan(nodata);
            // Stored values (stride `in_stride`) -> doubles at rows r0.., columns c0..c0+n.
            const auto convert = [&](const auto* in, std::int64_t in_stride, std::int64_t r0, std::int64_t rows,
                                     std::int64_t c0, std::int64_t n) {
                for (std::int64_t r = 0; r < rows; ++r) {
                    double* row = band_start + (r0 + r) * cols + c0;
                    const auto* src = in + r * in_stride;
                    for (std::int64_t c = 0; c < n; ++c) {
                        const double x = static_cast<double>(src[c]);
                        row[c] = (has_nodata && x == nodata) ? std::numeric_limits<double>::quiet_NaN() : x;
                    }
                }
            };
            int block_x = 0, block_y = 0;
            band->GetBlockSize(&block_x, &block_y);
            // Whole blocks inside the rows asked for (the sweep asks for
            // block-aligned bands) are decoded straight into a scratch block:
            // GDAL's block cache would only hold, and copy, blocks that are
            // never read again.
            const bool by_blocks = block_x > 0 && block_y > 0 && row0 % block_y == 0 &&
                                   (nrows % block_y == 0 || row0 + nrows == m_grid.rows) &&
                                   std::int64_t{block_x} * block_y <= (std::int64_t{1} << 22);
            const auto widen = [&](auto sample) {
                using T = decltype(sample);
                if (by_blocks) {
                    native.resize(static_cast<std::size_t>(block_x) * static_cast<std::size_t>(block_y) * sizeof(T));
                    const T* block = reinterpret_cast<const T*>(native.data());
                    for (std::int64_t by = row0 / block_y; by * block_y < row0 + nrows; ++by)
                        for (std::int64_t bx = col0 / block_x; bx * block_x < col1; ++bx) {
                            if (band->ReadBlock(static_cast<int>(bx), static_cast<int>(by), native.data()) != CE_None) fail();
                            const std::int64_t r0 = by * block_y, r1 = std::min({r0 + block_y, row0 + nrows, m_grid.rows});
                            const std::int64_t c0 = std::max(bx * block_x, col0), c1 = std::min(bx * block_x + block_x, col1);
                            convert(block + (c0 - bx * block_x), block_x, r0 - row0, r1 - r0, c0, c1 - c0);
                        }
                    return;
                }
                native.resize(static_cast<std::size_t>(width * nrows) * sizeof(T));
                if (band->RasterIO(GF_Read, static_cast<int>(col0), static_cast<int>(row0), static_cast<int>(width),
                                   static_cast<int>(nrows), native.data(), static_cast<int>(width), static_cast<int>(nrows),
                                   type, 0, 0, nullptr) != CE_None)
                    fail();
                convert(reinterpret_cast<const T*>(native.data()), width, 0, nrows, col0, width);
            };
            switch (type) {
                case GDT_Byte: widen(std::uint8_t{}); continue;
                case GDT_UInt16: widen(std::uint16_t{}); continue;
                case GDT_Int16: widen(std::int16_t{}); continue;
                case GDT_UInt32: widen(std::uint32_t{}); continue;
                case GDT_Int32: widen(std::int32_t{}); continue;
                case GDT_Float32: widen(float{}); continue;
                default: break;
            }
            if (band->RasterIO(GF_Read, static_cast<int>(col0), static_cast<int>(row0), static_cast<int>(width),
                               static_cast<int>(nrows), band_start + col0, static_cast<int>(width), static_cast<int>(nrows),
                               GDT_Float64, sizeof(double), static_cast<GSpacing>(cols * sizeof(double)), nullptr) != CE_None)
                fail();
            if (!has_nodata) continue;
            for (std::int64_t r = 0; r < nrows; ++r) {
                double* row = band_start + r * cols;
                for (std::int64_t c = col0; c < col1; ++c)
                    if (row[c] == nodata) row[c] = std::numeric_limits<double>::quiet_NaN();
            }
        }
    }

    std::string m_path;
    DatasetPtr m_ds;
    DatasetPtr m_second;  // the same file again, for a second reading thread
    // Per reading thread, the stored values before widening; kept between
    // calls so that their pages are not mapped afresh for every band.
    std::vector<unsigned char> m_native[2];
    unsigned m_read_threads = 1;
    std::vector<int> m_bands;
    std::vector<double> m_nodata;
    std::vector<std::string> m_names;
    grid::GridDefinition m_grid;
    Crs m_crs;
};

}  // namespace

std::unique_ptr<GridSource> open_raster_grid(const std::string& spec) {
    auto source = std::make_unique<RasterGridSource>(spec);
    check_grid_in_domain(source->grid(), source->crs(), source->display());
    return source;
}

}  // namespace regio::io
