#include "regio/io/region_reader.hpp"

#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/duplicate_ids.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/ogr_fields.hpp"
#include "regio/io/ogr_geometry.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace regio::io {
namespace {

std::string layer_crs_wkt(OGRLayer& layer) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return {};
    char* text = nullptr;
    const char* options[] = {"FORMAT=WKT2_2018", nullptr};
    srs->exportToWkt(&text, options);
    std::string wkt = text ? text : "";
    CPLFree(text);
    return wkt;
}

// Every fix must name a feature of the layer: a typo would otherwise leave
// the duplicate in place, or (worse) skip nothing silently.
void check_fixes_used(const RegionFixes& fixes, const std::vector<AppliedFix>& used, const Where& where) {
    std::set<std::int64_t> found;
    for (const auto& f : used) found.insert(f.fid);
    for (const auto& [fid, id] : fixes.new_ids)
        if (!found.count(fid))
            throw UsageError(fixes.set_option + " " + std::to_string(fid) + "=" + id + ": the layer has no feature " + std::to_string(fid), where);
    for (const auto fid : fixes.skipped)
        if (!found.count(fid))
            throw UsageError(fixes.skip_option + " " + std::to_string(fid) + ": the layer has no feature " + std::to_string(fid), where);
}

}  // namespace

geometry::RegionSet read_regions(const InputSpec& input, const RegionReadOptions& options,
                                 std::vector<std::string>& warnings, RegionFields* fields, std::vector<AppliedFix>* applied) {
    DatasetPtr ds = open_vector(input.path);
    ResultSetPtr query;  // the rows of --regions-sql, released before ds closes
    OGRLayer& layer = input_layer(*ds, input.path, input.layer, input.sql, query);
    const Where where{input.display_path(), layer.GetName()};

    geometry::RegionSet regions;
    regions.file = input.display_path();  // for messages: without a password
    regions.layer = layer.GetName();
    regions.id_field = options.id_field;
    regions.crs_wkt = layer_crs_wkt(layer);
    if (regions.crs_wkt.empty())
        throw CrsError("the regions layer has no CRS", where,
                       input.is_local() ? "assign one, e.g. ogr2ogr -a_srs EPSG:3035 fixed.gpkg " + input.path
                                        : "give the geometry column an SRID (a missing or zero SRID is no CRS)");
    if (layer.GetFeatureCount(FALSE) == 0) throw DataError("the regions layer is empty", where);
    const int id_index = find_field(layer, options.id_field, where);
    if (!fields && !(options.text_fields.empty() && options.numeric_fields.empty()))
        throw std::invalid_argument("read_regions: attributes asked for without a RegionFields to hold them");
    std::vector<int> text_index, numeric_index;
    if (fields) {
        for (const auto& f : options.text_fields) text_index.push_back(find_field(layer, f, where));
        for (const auto& f : options.numeric_fields) numeric_index.push_back(find_field(layer, f, where));
    }
    // Only the id, the fields asked for and the geometry are read: the other
    // attributes (names, codes, often many) are not even decoded.
    {
        std::vector<std::string> others;
        OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (i != id_index && std::find(text_index.begin(), text_index.end(), i) == text_index.end() &&
                std::find(numeric_index.begin(), numeric_index.end(), i) == numeric_index.end())
                others.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        std::vector<const char*> names;
        for (const auto& n : others) names.push_back(n.c_str());
        names.push_back(nullptr);
        layer.SetIgnoredFields(names.data());
    }

    const OgrText text(layer, input.encoding, where);
    std::unordered_map<std::string, std::int64_t> seen;
    std::vector<DuplicateId> duplicates;
    std::unordered_map<std::string, std::size_t> duplicate_at;
    std::vector<AppliedFix> fixes_used;
    layer.ResetReading();
    for (auto& feature : layer) {
        Where at = where;
        at.feature = feature->GetFID();
        const bool skip = options.fixes.skipped.count(feature->GetFID()) > 0;
        const auto new_id = options.fixes.new_ids.find(feature->GetFID());
        const bool has_id = feature->IsFieldSetAndNotNull(id_index);
        if (skip || new_id != options.fixes.new_ids.end()) {
            fixes_used.push_back({feature->GetFID(), has_id ? text(*feature, id_index) : std::string(),
                                  skip ? std::nullopt : std::optional<std::string>(new_id->second)});
            if (skip) continue;
        } else if (!has_id) {
            at.field = options.id_field;
            throw DataError("region id is empty", at, "give it an id with " + options.fixes.set_option + " " +
                                                          std::to_string(feature->GetFID()) + "=VALUE, or leave it out with " +
                                                          options.fixes.skip_option + " " + std::to_string(feature->GetFID()));
        }
        std::string id = new_id != options.fixes.new_ids.end() ? new_id->second : text(*feature, id_index);
        if (auto [it, fresh] = seen.emplace(id, feature->GetFID()); !fresh) {
            auto [d, first] = duplicate_at.emplace(id, duplicates.size());
            if (first) duplicates.push_back({id, {it->second}});
            duplicates[d->second].fids.push_back(feature->GetFID());
        }
        geometry::MultiPolygon shape;
        const OGRGeometry* geom = feature->GetGeometryRef();
        if (!geom || geom->IsEmpty()) {
            warnings.push_back(at.format() + ": region '" + id + "' has no geometry; it gets nothing");
        } else if (!to_multipolygon(*geom, shape)) {
            throw DataError(std::string("region '") + id + "' is a " + geom->getGeometryName() + ", not a polygon", at);
        }
        regions.ids.push_back(std::move(id));
        regions.shapes.push_back(std::move(shape));
        regions.feature_ids.push_back(feature->GetFID());
        for (std::size_t k = 0; k < text_index.size(); ++k)
            fields->text[options.text_fields[k]].push_back(text(*feature, text_index[k]));
        for (std::size_t k = 0; k < numeric_index.size(); ++k)
            fields->numbers[options.numeric_fields[k]].push_back(
                ogr_number(*feature, numeric_index[k], where, options.numeric_fields[k]));
    }
    check_fixes_used(options.fixes, fixes_used, where);
    if (!duplicates.empty()) {
        const std::size_t shown = std::min<std::size_t>(duplicates.size(), 5);
        std::string list = describe_duplicates(layer, text, {duplicates.begin(), duplicates.begin() + static_cast<std::ptrdiff_t>(shown)},
                                               options.id_field, options.name_field);
        if (duplicates.size() > shown) list += "; and " + std::to_string(duplicates.size() - shown) + " more";
        Where w = where;
        w.field = options.id_field;
        throw DataError("duplicate region ids: " + list, w,
                        "give a feature another id with " + options.fixes.set_option + " FID=VALUE, or leave it out with " +
                            options.fixes.skip_option + " FID (or fix the ids in the layer)");
    }
    if (applied) *applied = std::move(fixes_used);
    if (regions.size() == 0) throw DataError("the regions layer is empty", where);
    check_regions_in_domain(regions);
    return regions;
}

}  // namespace regio::io
