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

// How a layer's text becomes UTF-8. GDAL transcodes when the layer knows its
// encoding (OLCStringsAsUTF8: a shapefile's .cpg file or DBF code page, and
// formats that are UTF-8 by definition); otherwise `encoding` (--encoding)
// is applied here with CPLRecode, and without it text that is not valid
// UTF-8 is a DataError naming the feature and field.
class OgrText {
public:
    OgrText(OGRLayer& layer, std::string encoding, Where layer_where);
    // "" when the field is null.
    [[nodiscard]] std::string operator()(OGRFeature& feature, int index) const;

private:
    std::string m_encoding;  // empty: GDAL's text is UTF-8 or must be
    Where m_where;
    bool m_layer_utf8 = false;
};

}  // namespace regio::io
