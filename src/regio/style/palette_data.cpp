// The scheme table: ColorBrewer (palette_brewer_data.cpp) then the viridis
// family (palette_viridis_data.cpp), built once.
#include "regio/style/palette_data.hpp"

#include <utility>

namespace regio::style::detail {

const std::vector<SchemeData>& scheme_table() {
    static const std::vector<SchemeData> table = [] {
        std::vector<SchemeData> all = brewer_schemes();
        for (auto& s : viridis_schemes()) all.push_back(std::move(s));
        return all;
    }();
    return table;
}

}  // namespace regio::style::detail
