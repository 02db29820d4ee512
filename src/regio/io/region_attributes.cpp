#include "regio/io/region_attributes.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/ogr_fields.hpp"
#include "regio/io/text_input.hpp"
#include "regio/table/utf8.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace regio::io {

double ogr_number(OGRFeature& feature, int index, const Where& layer_where, const std::string& field) {
    if (!feature.IsFieldSetAndNotNull(index)) return std::numeric_limits<double>::quiet_NaN();
    const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) return feature.GetFieldAsDouble(index);
    const char* text = feature.GetFieldAsString(index);
    char* end = nullptr;
    const double v = std::strtod(text, &end);
    if (*text == '\0') return std::numeric_limits<double>::quiet_NaN();
    if (end && *end == '\0') return v;
    Where at = layer_where;
    at.feature = feature.GetFID();
    at.field = field;
    throw DataError(std::string("'") + text + "' is not a number", at);
}

OgrText::OgrText(OGRLayer& layer, std::string encoding, Where layer_where)
    : m_where(std::move(layer_where)), m_layer_utf8(layer.TestCapability(OLCStringsAsUTF8) != 0) {
    // A layer that says its text is UTF-8 has been transcoded by GDAL: a
    // second transcoding would garble it.
    if (!m_layer_utf8 && !is_utf8_name(encoding)) {
        check_encoding(encoding);
        m_encoding = std::move(encoding);
    }
}

std::string OgrText::operator()(OGRFeature& feature, int index) const {
    if (!feature.IsFieldSetAndNotNull(index)) return "";
    const char* text = feature.GetFieldAsString(index);
    if (!m_encoding.empty()) return recode_to_utf8(text, m_encoding);
    const std::size_t bad = table::find_invalid_utf8(text);
    if (bad == std::string_view::npos) return text;
    Where at = m_where;
    at.feature = feature.GetFID();
    at.field = feature.GetFieldDefnRef(index)->GetNameRef();
    throw DataError(table::describe_invalid_utf8(text, bad), at,
                    m_layer_utf8 ? "the layer claims UTF-8 but holds other bytes; rewrite it as UTF-8 (ogr2ogr)"
                                 : "the layer does not say its encoding: name it with --encoding (e.g. CP1252), or, for a "
                                   "shapefile, in a .cpg file beside it");
}

std::vector<double> read_numeric_field(const InputSpec& input, const std::string& field) {
    DatasetPtr ds = open_vector(input.path);
    OGRLayer& layer = select_layer(*ds, input.path, input.layer);
    const Where where{input.display_path(), layer.GetName()};
    const int index = find_field(layer, field, where);
    std::vector<double> out;
    layer.ResetReading();
    for (auto& feature : layer) out.push_back(ogr_number(*feature, index, where, field));
    return out;
}

std::map<std::string, std::vector<std::string>> read_text_fields(const InputSpec& input, const std::vector<std::string>& fields) {
    DatasetPtr ds = open_vector(input.path);
    OGRLayer& layer = select_layer(*ds, input.path, input.layer);
    std::map<std::string, int> index;  // a field named twice is read once
    for (const auto& f : fields) index.emplace(f, find_field(layer, f, Where{input.display_path(), layer.GetName()}));
    std::map<std::string, std::vector<std::string>> out;
    layer.ResetReading();
    const OgrText text(layer, input.encoding, Where{input.display_path(), layer.GetName()});
    for (auto& feature : layer)
        for (const auto& [name, i] : index) out[name].push_back(text(*feature, i));
    for (const auto& [name, i] : index) out[name];  // present even for an empty layer
    return out;
}

std::vector<std::string> read_text_field(const InputSpec& input, const std::string& field) {
    return read_text_fields(input, {field})[field];
}

}  // namespace regio::io
