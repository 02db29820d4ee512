#include "regio/segregation/unit_places.hpp"

#include "regio/grid/cell_code.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/regionalise/unit_measures.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace regio::segregation {
namespace {

geometry::MultiPolygon square(double x0, double y0, double size) {
    geometry::Polygon p;
    p.rings.push_back({{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}});
    return geometry::MultiPolygon{{p}};
}

UnitPlaces grid_places(const SegregationRequest& r, const UnitTable& table, ShapeNeed shapes) {
    UnitPlaces out;
    out.places.kind = PlaceKind::Grid;
    GridCells& g = out.places.grid;
    out.shapes.file = r.data;
    out.shapes.id_field = r.id;
    out.shapes.crs_wkt = io::Crs::from_user("EPSG:3035", "--grid-codes").wkt;
    g.col.reserve(table.ids.size());
    g.row.reserve(table.ids.size());
    for (std::size_t i = 0; i < table.ids.size(); ++i) {
        std::string why;
        const std::optional<grid::ParsedCellCode> code = grid::parse_cell_code(table.ids[i], why);
        if (!code) throw DataError("bad grid cell code: " + why, table.rows.at(i, r.id));
        const grid::ParsedCellCode& parsed = *code;
        if (parsed.kind == grid::CellCodeKind::Unallocated)
            throw DataError("'" + std::string(table.ids[i]) + "' is not a grid cell: its people have no place", table.rows.at(i, r.id),
                            "the spatial indices need every unit located; leave the unallocated row out of the table");
        const grid::CellCode& cell = parsed.code;
        if (i == 0) g.cell_size = static_cast<double>(cell.resolution);
        if (static_cast<double>(cell.resolution) != g.cell_size)
            throw DataError(fmt::format("cell '{}' is {} m, the first cell {} m: one grid at a time", table.ids[i], cell.resolution, g.cell_size),
                            table.rows.at(i, r.id));
        g.col.push_back(cell.easting / cell.resolution);
        g.row.push_back(cell.northing / cell.resolution);
        if (shapes == ShapeNeed::Yes)
            out.shapes.shapes.push_back(square(static_cast<double>(cell.easting), static_cast<double>(cell.northing), g.cell_size));
    }
    return out;
}

UnitPlaces region_places(const SegregationRequest& r, const UnitTable& table, ContiguityNeed contiguity) {
    UnitPlaces out;
    out.places.kind = PlaceKind::Regions;
    const io::InputSpec spec = r.regions_input();
    const std::string id_field = r.regions_id.empty() ? r.id : r.regions_id;
    const geometry::RegionSet all = io::read_regions(spec, {id_field, {}, {}, r.region_fixes, {}}, out.warnings, nullptr, &out.region_fixes);
    const io::Crs crs = io::Crs::from_wkt(all.crs_wkt);
    if (!r.bandwidths.empty() && crs.is_geographic())
        throw CrsError("the regions are in " + crs.name + " (degrees): bandwidths need distances in a projected CRS", Where{all.file, all.layer},
                       "reproject them, e.g. ogr2ogr -t_srs EPSG:3035 regions_3035.gpkg " + all.file);
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < all.size(); ++k) index.emplace(all.ids[k], k);
    geometry::RegionSet& units = out.shapes;
    units.file = all.file;
    units.layer = all.layer;
    units.id_field = all.id_field;
    units.crs_wkt = all.crs_wkt;
    for (std::size_t i = 0; i < table.ids.size(); ++i) {
        const std::string id(table.ids[i]);
        const auto it = index.find(id);
        const Where where = table.rows.at(i, r.id);
        if (it == index.end())
            throw DataError("unit '" + id + "' is not in the regions " + spec.display() + " (field '" + id_field + "')", where);
        if (all.shapes[it->second].empty()) throw DataError("unit '" + id + "' has no geometry in " + spec.display(), where);
        units.ids.push_back(all.ids[it->second]);
        units.shapes.push_back(all.shapes[it->second]);
        units.feature_ids.push_back(all.feature_ids[it->second]);
    }
    if (all.size() > units.size())
        out.warnings.push_back(fmt::format("{} regions of {} have no data row and are not units", all.size() - units.size(), spec.display()));
    out.places.centres = regionalise::measure_units(units.shapes).centroid;
    if (contiguity == ContiguityNeed::Yes) {
        // Degrees: 1e-7 is about 1 cm, like the metric default.
        const double tolerance = crs.is_geographic() ? r.tolerance * 1e-5 : r.tolerance;
        const geometry::Neighbours lists = geometry::build_adjacency(units, {r.contiguity, tolerance});
        for (std::size_t i = 0; i < lists.size(); ++i)
            for (std::size_t j : lists[i])
                if (i < j) out.places.neighbours.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
        out.neighbour_pairs = out.places.neighbours.size();
    }
    return out;
}

}  // namespace

UnitPlaces locate_units(const SegregationRequest& r, const UnitTable& table, ContiguityNeed contiguity, ShapeNeed shapes) {
    switch (r.geometry) {
    case UnitGeometry::GridCodes: return grid_places(r, table, shapes);
    case UnitGeometry::Regions: return region_places(r, table, contiguity);
    case UnitGeometry::None: break;
    }
    return {};
}

}  // namespace regio::segregation
