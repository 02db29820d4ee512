#include "regio/io/region_attributes.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace regio::io {

std::vector<double> read_numeric_field(const InputSpec& input, const std::string& field) {
    DatasetPtr ds = open_vector(input.path);
    OGRLayer& layer = select_layer(*ds, input.path, input.layer);
    const Where where{input.path, layer.GetName()};
    const int index = find_field(layer, field, where);
    std::vector<double> out;
    layer.ResetReading();
    for (auto& feature : layer) {
        if (!feature->IsFieldSetAndNotNull(index)) {
            out.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        const OGRFieldType type = feature->GetFieldDefnRef(index)->GetType();
        if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
            out.push_back(feature->GetFieldAsDouble(index));
            continue;
        }
        const char* text = feature->GetFieldAsString(index);
        char* end = nullptr;
        const double v = std::strtod(text, &end);
        if (*text == '\0') out.push_back(std::numeric_limits<double>::quiet_NaN());
        else if (end && *end == '\0') out.push_back(v);
        else {
            Where at = where;
            at.feature = feature->GetFID();
            at.field = field;
            throw DataError(std::string("'") + text + "' is not a number", at);
        }
    }
    return out;
}

std::vector<std::string> read_text_field(const InputSpec& input, const std::string& field) {
    DatasetPtr ds = open_vector(input.path);
    OGRLayer& layer = select_layer(*ds, input.path, input.layer);
    const int index = find_field(layer, field, Where{input.path, layer.GetName()});
    std::vector<std::string> out;
    layer.ResetReading();
    for (auto& feature : layer) out.push_back(feature->IsFieldSetAndNotNull(index) ? feature->GetFieldAsString(index) : "");
    return out;
}

}  // namespace regio::io
