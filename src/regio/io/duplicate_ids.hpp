#pragma once
// The features behind duplicated region ids, described so that the user can
// tell them apart and choose a fix (issue #18 item 2): FID, name, area and
// centroid. Internal to io/ (read_regions uses it on its error path).
#include "regio/error.hpp"

#include <ogrsf_frmts.h>

#include <cstdint>
#include <string>
#include <vector>

namespace regio::io {

class OgrText;

struct DuplicateId {
    std::string id;
    std::vector<std::int64_t> fids;  // in reading order
};

// "'X' is held by feature 3 'Mitte', 39.5 km², centroid (391234.5, 5820123.4)
// and feature 7 ...; 'Y' is held by ..."
// for each id of `duplicates` (all of them: the caller chooses how many).
// Re-reads the layer for those features with all attributes. The name comes
// from `name_field` when given, else from the first text field other than
// the id. Areas are in km² in a projected CRS, else in square degrees.
std::string describe_duplicates(OGRLayer& layer, const OgrText& text, const std::vector<DuplicateId>& duplicates,
                                const std::string& id_field, const std::string& name_field);

}  // namespace regio::io
