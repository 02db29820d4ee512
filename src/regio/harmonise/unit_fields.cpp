#include "regio/harmonise/unit_fields.hpp"

#include "regio/io/region_attributes.hpp"

#include <unordered_map>

namespace regio::harmonise {

std::vector<std::string> unit_names(const regions::RegionSource& side, const std::string& field,
                                    const geometry::RegionSet& regions) {
    const io::InputSpec input = side.input();
    auto columns = io::read_text_fields(input, {side.id, field});
    const std::vector<std::string> ids = columns[side.id];
    const std::vector<std::string> names = columns[field];
    std::unordered_map<std::string, std::string> by_id;
    for (std::size_t i = 0; i < ids.size() && i < names.size(); ++i) by_id.emplace(ids[i], names[i]);
    std::vector<std::string> out;
    out.reserve(regions.size());
    for (const auto& id : regions.ids) {
        const auto it = by_id.find(id);
        out.push_back(it == by_id.end() ? std::string() : it->second);
    }
    return out;
}

}  // namespace regio::harmonise
