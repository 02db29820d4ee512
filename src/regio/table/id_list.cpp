#include "regio/table/id_list.hpp"

namespace regio::table {

std::string format_ids(const IdSample& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.first.size(); ++i) out += (i ? ", " : "") + ids.first[i];
    if (ids.count > ids.first.size()) out += " and " + std::to_string(ids.count - ids.first.size()) + " more";
    return out;
}

}  // namespace regio::table
