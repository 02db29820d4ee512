#include "regio/io/region_transform.hpp"

#include "regio/error.hpp"

namespace regio::io {

void transform_regions(geometry::RegionSet& regions, const Crs& from, const Crs& to) {
    PointTransformer transformer(from, to);
    std::vector<double> x, y;
    std::vector<char> ok;
    for (std::size_t r = 0; r < regions.size(); ++r)
        for (auto& polygon : regions.shapes[r].polygons)
            for (auto& ring : polygon.rings) {
                x.resize(ring.size());
                y.resize(ring.size());
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    x[i] = ring[i].x;
                    y[i] = ring[i].y;
                }
                transformer.transform(x, y, ok);
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    if (!ok[i])
                        throw CrsError("region '" + regions.ids[r] + "' cannot be transformed from " + from.name +
                                           " to " + to.name,
                                       Where{regions.file, regions.layer, {}, regions.feature_ids[r]});
                    ring[i] = {x[i], y[i]};
                }
            }
    regions.crs_wkt = to.wkt;
}

}  // namespace regio::io
