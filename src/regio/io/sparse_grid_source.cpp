// Grids given cell by cell: tables of European grid-cell codes (CSV) and
// vector layers of cell polygons. Both become a sparse grid: a grid
// definition covering the cells, and the cells sorted by row for band reads.
#include "regio/error.hpp"
#include "regio/grid/cell_code.hpp"
#include "regio/grid/dense_limit.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/csv_format.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/input_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace regio::io {
namespace {

struct Cell {
    std::int64_t easting;   // SW corner
    std::int64_t northing;
    std::size_t first_value;  // index into the value array
};

class SparseGridSource final : public GridSource {
public:
    SparseGridSource(std::string display, std::vector<std::string> names, Crs crs)
        : m_display(std::move(display)), m_names(std::move(names)), m_crs(std::move(crs)),
          m_unallocated(m_names.size(), 0.0) {}

    // Adds a cell; values NaN for no data. Throws on a second resolution.
    void add(const grid::CellCode& code, const std::vector<double>& values, const Where& where) {
        if (m_resolution == 0) m_resolution = code.resolution;
        if (code.resolution != m_resolution)
            throw DataError("cell resolution " + grid::resolution_label(code.resolution) + " differs from " +
                                grid::resolution_label(m_resolution) + " of the earlier cells (mixed resolutions)",
                            where);
        m_cells.push_back({code.easting, code.northing, m_values.size()});
        m_values.insert(m_values.end(), values.begin(), values.end());
    }
    void add_unallocated(const std::vector<double>& values) {
        for (std::size_t v = 0; v < values.size(); ++v)
            if (!std::isnan(values[v])) m_unallocated[v] += values[v];
    }
    void finish() {
        if (m_cells.empty()) throw DataError("no grid cells", Where{m_display});
        std::int64_t emin = m_cells[0].easting, emax = emin, nmin = m_cells[0].northing, nmax = nmin;
        for (const Cell& c : m_cells) {
            emin = std::min(emin, c.easting);
            emax = std::max(emax, c.easting);
            nmin = std::min(nmin, c.northing);
            nmax = std::max(nmax, c.northing);
        }
        const auto res = static_cast<double>(m_resolution);
        // Every reader of this source sweeps (or holds) the grid densely: its
        // extent, not its number of cells, is what costs (issue #12: two cells
        // far apart made billions).
        grid::check_dense_grid((emax - emin) / m_resolution + 1, (nmax - nmin) / m_resolution + 1, res,
                               fmt::format("the grid of {} cell{}", m_cells.size(), m_cells.size() == 1 ? "" : "s"),
                               Where{m_display},
                               fmt::format("its cells lie far apart (eastings {} to {}, northings {} to {}); split the "
                                           "table by area, or set REGIO_MAX_GRID_CELLS if the machine has the memory",
                                           emin, emax, nmin, nmax));
        m_grid = {static_cast<double>(emin), static_cast<double>(nmax) + res, res, res,
                  (emax - emin) / m_resolution + 1, (nmax - nmin) / m_resolution + 1};
        std::sort(m_cells.begin(), m_cells.end(), [](const Cell& a, const Cell& b) {
            return a.northing != b.northing ? a.northing > b.northing : a.easting < b.easting;
        });
        for (std::size_t i = 1; i < m_cells.size(); ++i)
            if (m_cells[i].northing == m_cells[i - 1].northing && m_cells[i].easting == m_cells[i - 1].easting)
                throw DataError("cell " + grid::format_cell_code({m_resolution, m_cells[i].easting, m_cells[i].northing},
                                                                 grid::CellCodeStyle::Inspire) +
                                    " appears twice",
                                Where{m_display});
    }

    [[nodiscard]] const grid::GridDefinition& grid() const override { return m_grid; }
    [[nodiscard]] const std::vector<std::string>& value_names() const override { return m_names; }
    [[nodiscard]] Crs crs() const override { return m_crs; }
    [[nodiscard]] std::string display() const override { return m_display; }
    [[nodiscard]] std::vector<double> unallocated() const override { return m_unallocated; }

    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override {
        const std::int64_t cols = m_grid.cols;
        const std::size_t nv = m_names.size();
        out.assign(nv * static_cast<std::size_t>(nrows * cols), std::numeric_limits<double>::quiet_NaN());
        const double top = m_grid.y0;
        auto row_of = [&](const Cell& c) {
            return static_cast<std::int64_t>(std::llround((top - static_cast<double>(c.northing)) / m_grid.dy)) - 1;
        };
        auto it = std::lower_bound(m_cells.begin(), m_cells.end(), row0,
                                   [&](const Cell& c, std::int64_t r) { return row_of(c) < r; });
        for (; it != m_cells.end() && row_of(*it) < row0 + nrows; ++it) {
            const std::int64_t r = row_of(*it) - row0;
            const std::int64_t c = (it->easting - static_cast<std::int64_t>(m_grid.x0)) / m_resolution;
            for (std::size_t v = 0; v < nv; ++v)
                out[(v * static_cast<std::size_t>(nrows) + static_cast<std::size_t>(r)) * static_cast<std::size_t>(cols) +
                    static_cast<std::size_t>(c)] = m_values[it->first_value + v];
        }
    }

private:
    std::string m_display;
    std::vector<std::string> m_names;
    Crs m_crs;
    std::vector<double> m_unallocated;
    std::int64_t m_resolution = 0;
    std::vector<Cell> m_cells;
    std::vector<double> m_values;
    grid::GridDefinition m_grid;
};

// Census grids mark confidential or missing values with negative codes
// (-9999); grids.md: treat any negative value as "not available".
double grid_value(double v) { return v < 0 ? std::numeric_limits<double>::quiet_NaN() : v; }

}  // namespace

std::unique_ptr<GridSource> open_grid_table(const std::string& path, const std::string& cell_id_column,
                                            const std::vector<std::string>& value_columns, const TextOptions& text) {
    // The table itself is read by the shared reader (quotes, BOM, blank
    // lines, line numbers); this adds the cell codes and the grid rules.
    const CsvTable table = read_csv_table(path, text);
    const std::size_t id_col = table.column(cell_id_column);
    std::vector<std::size_t> value_cols;
    for (const auto& v : value_columns) value_cols.push_back(table.column(v));

    // Grid tables carry no CRS: the codes themselves say EPSG:3035.
    auto source = std::make_unique<SparseGridSource>(path, value_columns, Crs::from_user("EPSG:3035", "grid table"));
    std::vector<double> values(value_cols.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::int64_t at = table.lines[r];
        const Where where{path, {}, at};
        for (std::size_t k = 0; k < value_cols.size(); ++k) values[k] = grid_value(table.number(r, value_cols[k]));
        std::string why;
        std::string_view code = table.rows[r][id_col];
        while (!code.empty() && (code.front() == ' ' || code.front() == '\t')) code.remove_prefix(1);
        while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.remove_suffix(1);
        const auto parsed = grid::parse_cell_code(code, why);
        if (!parsed) throw DataError("malformed cell code: " + why, Where{path, {}, at, {}, cell_id_column});
        if (parsed->kind == grid::CellCodeKind::Unallocated) source->add_unallocated(values);
        else source->add(parsed->code, values, where);
    }
    source->finish();
    check_grid_in_domain(source->grid(), source->crs(), source->display());
    return source;
}

std::unique_ptr<GridSource> open_grid_layer(const std::string& spec, const std::vector<std::string>& value_fields) {
    return open_grid_layer(InputSpec::parse(spec), value_fields);
}

std::unique_ptr<GridSource> open_grid_layer(const InputSpec& input, const std::vector<std::string>& value_fields) {
    DatasetPtr ds = open_vector(input.path);
    OGRLayer& layer = select_layer(*ds, input.path, input.layer);
    const Where where{input.display_path(), layer.GetName()};
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) throw CrsError("the grid layer has no CRS", where, "assign one, e.g. ogr2ogr -a_srs EPSG:3035");
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2018", nullptr};
    srs->exportToWkt(&wkt, options);
    Crs crs = Crs::from_wkt(wkt ? wkt : "");
    CPLFree(wkt);
    std::vector<int> indices;
    for (const auto& f : value_fields) indices.push_back(find_field(layer, f, where));

    auto source = std::make_unique<SparseGridSource>(input.display(), value_fields, crs);
    std::vector<double> values(indices.size());
    layer.ResetReading();
    for (auto& feature : layer) {
        Where at = where;
        at.feature = feature->GetFID();
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty()) throw DataError("grid cell has no geometry", at);
        OGREnvelope env;
        g->getEnvelope(&env);
        const double w = env.MaxX - env.MinX, h = env.MaxY - env.MinY;
        const auto res = static_cast<std::int64_t>(std::llround(w));
        if (res <= 0 || std::abs(w - static_cast<double>(res)) > 1e-6 * w || std::abs(h - w) > 1e-6 * w)
            throw DataError("not a square grid cell (" + std::to_string(w) + " x " + std::to_string(h) + ")", at);
        const auto e = static_cast<std::int64_t>(std::llround(env.MinX));
        const auto n = static_cast<std::int64_t>(std::llround(env.MinY));
        if (e % res != 0 || n % res != 0)
            throw DataError("cell corner (" + std::to_string(e) + ", " + std::to_string(n) + ") is not aligned to " +
                                std::to_string(res) + " m",
                            at);
        for (std::size_t k = 0; k < indices.size(); ++k) {
            at.field = value_fields[k];
            if (!feature->IsFieldSetAndNotNull(indices[k])) {
                values[k] = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            const OGRFieldType type = feature->GetFieldDefnRef(indices[k])->GetType();
            if (type != OFTInteger && type != OFTInteger64 && type != OFTReal)
                throw DataError("not a numeric field", at);
            values[k] = grid_value(feature->GetFieldAsDouble(indices[k]));
        }
        at.field.clear();
        source->add({res, e, n}, values, at);
    }
    source->finish();
    check_grid_in_domain(source->grid(), source->crs(), source->display());
    return source;
}

}  // namespace regio::io
