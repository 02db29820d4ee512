#include "regio/registry/command_registry.hpp"

#include "regio/aggregate/aggregate_grid_command.hpp"
#include "regio/atlas/atlas_command.hpp"
#include "regio/compare/compare_command.hpp"
#include "regio/segregation/segregation_command.hpp"

#include <stdexcept>
#include <string>

namespace regio::registry {

std::vector<options::CommandEntry> commands() {
    return {
        aggregate::aggregate_grid_command(),
        compare::compare_command(),
        atlas::atlas_command(),
        segregation::segregation_command(),
    };
}

std::vector<options::CommandGroup> command_groups() {
    return {
        {"aggregate", "Aggregate points or grid cells onto regions"},
        {"crosswalk", "Harmonise geographies over time: build, apply and chain crosswalks"},
    };
}

options::CommandEntry command(std::string_view words) {
    for (auto& entry : commands()) {
        std::string joined;
        for (const auto& w : entry.words) joined += (joined.empty() ? "" : " ") + w;
        if (joined == words) return entry;
    }
    throw std::logic_error("no command '" + std::string(words) + "' in the registry");
}

}  // namespace regio::registry
