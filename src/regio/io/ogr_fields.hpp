#pragma once
// One attribute of one OGR feature, read the way every region attribute is:
// numbers from numeric fields or from text that is a number. Internal to io/.
#include "regio/error.hpp"

#include <ogrsf_frmts.h>

#include <string>

namespace regio::io {

// NaN when the field is null or empty text. Throws DataError naming the
// feature and field when the text is not a number.
double ogr_number(OGRFeature& feature, int index, const Where& layer_where, const std::string& field);

// "" when the field is null.
std::string ogr_text(OGRFeature& feature, int index);

}  // namespace regio::io
