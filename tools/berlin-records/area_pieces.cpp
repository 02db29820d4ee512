// Reading the grid and cutting a planning area into cell pieces (GDAL/OGR;
// the geometry of the intersections is GEOS through OGR).
#include "area_pieces.hpp"

#include "regio/io/gdal_handles.hpp"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

namespace berlin_records {
namespace {

void add_rings(const OGRGeometry& g, Piece& piece) {
    const auto flat = wkbFlatten(g.getGeometryType());
    if (flat == wkbPolygon) {
        for (const OGRLinearRing* ring : *g.toPolygon()) {
            std::vector<XY> pts;
            for (const OGRPoint& p : *ring) pts.push_back({p.getX(), p.getY()});
            piece.rings.push_back(std::move(pts));
        }
    } else if (flat == wkbMultiPolygon || flat == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection()) add_rings(*part, piece);
    }  // points and lines of a collection have no area
}

}  // namespace

Raster read_grid(const std::string& path) {
    regio::io::DatasetPtr ds = regio::io::open_raster(path);
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None || gt[2] != 0 || gt[4] != 0 || gt[1] != -gt[5])
        throw regio::DataError("expected a north-up grid of square cells", regio::Where{path});
    Raster r{gt[0], gt[3], gt[1], ds->GetRasterXSize(), ds->GetRasterYSize(), {}};
    GDALRasterBand* band = ds->GetRasterBand(1);
    r.values.resize(static_cast<std::size_t>(r.cols) * static_cast<std::size_t>(r.rows));
    if (band->RasterIO(GF_Read, 0, 0, r.cols, r.rows, r.values.data(), r.cols, r.rows, GDT_Float64, 0, 0) != CE_None)
        throw regio::IoError("cannot read band 1", regio::Where{path});
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    for (double& v : r.values)
        if ((has_nodata && v == nodata) || !(v > 0)) v = 0;
    return r;
}

// The area cut into cell pieces, weighted by the cells' population.
AreaPieces cut_area(const OGRGeometry& area, const Raster& grid) {
    OGREnvelope env;
    area.getEnvelope(&env);
    const int c0 = std::max(0, static_cast<int>(std::floor((env.MinX - grid.origin_x) / grid.cell)));
    const int c1 = std::min(grid.cols - 1, static_cast<int>(std::floor((env.MaxX - grid.origin_x) / grid.cell)));
    const int r0 = std::max(0, static_cast<int>(std::floor((grid.origin_y - env.MaxY) / grid.cell)));
    const int r1 = std::min(grid.rows - 1, static_cast<int>(std::floor((grid.origin_y - env.MinY) / grid.cell)));
    AreaPieces out;
    std::vector<Piece> by_area;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const double x0 = grid.origin_x + c * grid.cell, y1 = grid.origin_y - r * grid.cell;
            OGRLinearRing ring;
            for (const auto& [x, y] : {std::pair{x0, y1 - grid.cell}, {x0 + grid.cell, y1 - grid.cell}, {x0 + grid.cell, y1}, {x0, y1}, {x0, y1 - grid.cell}})
                ring.addPoint(x, y);
            OGRPolygon cell;
            cell.addRing(&ring);
            const regio::io::GeometryPtr piece_geometry(area.Intersection(&cell));
            if (!piece_geometry || piece_geometry->IsEmpty()) continue;
            Piece piece;
            add_rings(*piece_geometry, piece);
            const double covered = OGR_G_Area(OGRGeometry::ToHandle(piece_geometry.get()));  // any type; 0 for points and lines
            if (piece.rings.empty() || !(covered > 0)) continue;
            OGREnvelope pe;
            piece_geometry->getEnvelope(&pe);
            piece.min_x = pe.MinX, piece.min_y = pe.MinY, piece.max_x = pe.MaxX, piece.max_y = pe.MaxY;
            const double population = grid.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.cols) + static_cast<std::size_t>(c)];
            piece.weight = population * covered / (grid.cell * grid.cell);
            Piece by_area_piece = piece;
            by_area_piece.weight = covered;
            by_area.push_back(std::move(by_area_piece));
            if (piece.weight > 0) out.pieces.push_back(std::move(piece));
        }
    if (out.pieces.empty()) {
        out.pieces = std::move(by_area);
        out.area_weighted = true;
    }
    return out;
}

}  // namespace berlin_records
