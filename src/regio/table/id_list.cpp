#include "regio/table/id_list.hpp"

#include <algorithm>

namespace regio::table {

std::string format_ids(const IdSample& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.first.size(); ++i) out += (i ? ", " : "") + ids.first[i];
    if (ids.count > ids.first.size()) out += " and " + std::to_string(ids.count - ids.first.size()) + " more";
    return out;
}

std::string format_first_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < std::min(kIdsShown, ids.size()); ++i) out += (i ? ", " : "") + ids[i];
    return out + (ids.size() > kIdsShown ? ", ..." : "");
}

}  // namespace regio::table
