#include "regio/io/duplicate_ids.hpp"

#include "regio/io/ogr_fields.hpp"

#include <fmt/format.h>

#include <map>

namespace regio::io {
namespace {

// The field that names a region: the one asked for, else the first text
// field that is not the id (-1: none).
int name_index(OGRFeatureDefn& defn, const std::string& id_field, const std::string& name_field) {
    if (!name_field.empty()) return defn.GetFieldIndex(name_field.c_str());
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn* f = defn.GetFieldDefn(i);
        if (f->GetType() == OFTString && id_field != f->GetNameRef()) return i;
    }
    return -1;
}

std::string describe_feature(OGRFeature& feature, const OgrText& text, int name_at, const OGRSpatialReference* srs) {
    std::string out = fmt::format("feature {}", feature.GetFID());
    if (name_at >= 0) {
        const std::string name = text(feature, name_at);
        if (!name.empty()) out += " '" + name + "'";
    }
    const OGRGeometry* geom = feature.GetGeometryRef();
    if (!geom || geom->IsEmpty()) return out + ", no geometry";
    const bool projected = srs && srs->IsProjected();
    double area = 0;
    if (const auto* surface = dynamic_cast<const OGRSurface*>(geom)) area = surface->get_Area();
    else if (const auto* collection = dynamic_cast<const OGRGeometryCollection*>(geom)) area = collection->get_Area();
    if (projected) {
        const double metres = srs->GetLinearUnits();
        out += fmt::format(", {:.4g} km²", area * metres * metres / 1e6);
    } else {
        out += fmt::format(", {:.4g} square degrees", area);
    }
    OGRPoint centre;
    if (geom->Centroid(&centre) == OGRERR_NONE)
        out += projected ? fmt::format(", centroid ({:.1f}, {:.1f})", centre.getX(), centre.getY())
                         : fmt::format(", centroid ({:.5f}, {:.5f})", centre.getX(), centre.getY());
    return out;
}

}  // namespace

std::string describe_duplicates(OGRLayer& layer, const OgrText& text, const std::vector<DuplicateId>& duplicates,
                                const std::string& id_field, const std::string& name_field) {
    std::map<std::int64_t, std::string> described;
    for (const auto& d : duplicates)
        for (const auto fid : d.fids) described[fid];
    // All attributes this time (the first pass decoded only those it needed),
    // and a full pass rather than GetFeature: a query's rows have no random access.
    layer.SetIgnoredFields(nullptr);
    const int name_at = name_index(*layer.GetLayerDefn(), id_field, name_field);
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    layer.ResetReading();
    for (auto& feature : layer)
        if (auto it = described.find(feature->GetFID()); it != described.end())
            it->second = describe_feature(*feature, text, name_at, srs);
    std::string out;
    for (const auto& d : duplicates) {
        out += (out.empty() ? "'" : "; '") + d.id + "' is held by ";
        for (std::size_t k = 0; k < d.fids.size(); ++k)
            out += (k == 0 ? "" : k + 1 == d.fids.size() ? " and " : ", ") + described[d.fids[k]];
    }
    return out;
}

}  // namespace regio::io
