#include "regio/regionalise/groups.hpp"

#include "regio/error.hpp"

#include <unordered_map>

namespace regio::regionalise {

Groups groups_from_keys(const std::vector<std::string>& keys) {
    Groups g;
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& key : keys) {
        const auto [it, fresh] = index.emplace(key, g.names.size());
        if (fresh) g.names.push_back(key);
        g.of_unit.push_back(it->second);
    }
    return g;
}

Groups single_group(std::size_t units) { return Groups{std::vector<std::size_t>(units, 0), {""}}; }

std::vector<std::string> id_prefixes(const std::vector<std::string>& ids, std::size_t length) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const auto& id : ids) {
        // A shorter id has no higher unit we could name: refusing beats
        // silently making the whole id a group.
        if (id.size() < length)
            throw DataError("unit id '" + id + "' is shorter than --within-prefix " + std::to_string(length));
        out.push_back(id.substr(0, length));
    }
    return out;
}

}  // namespace regio::regionalise
