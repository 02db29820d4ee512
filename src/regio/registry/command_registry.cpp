#include "regio/registry/command_registry.hpp"

#include "regio/aggregate/aggregate_grid_command.hpp"
#include "regio/aggregate/aggregate_points_command.hpp"
#include "regio/atlas/atlas_command.hpp"
#include "regio/compare/compare_command.hpp"
#include "regio/degurba/degurba_command.hpp"
#include "regio/harmonise/crosswalk_apply_command.hpp"
#include "regio/harmonise/crosswalk_build_command.hpp"
#include "regio/harmonise/crosswalk_chain_command.hpp"
#include "regio/indicators/indicators_command.hpp"
#include "regio/maps/classify_command.hpp"
#include "regio/maps/map_command.hpp"
#include "regio/regionalise/regionalise_command.hpp"
#include "regio/segregation/segregation_command.hpp"

namespace regio::registry {

std::vector<options::CommandEntry> commands() {
    return {
        aggregate::aggregate_points_command(),
        aggregate::aggregate_grid_command(),
        harmonise::crosswalk_build_command(),
        harmonise::crosswalk_apply_command(),
        harmonise::crosswalk_chain_command(),
        maps::classify_command(),
        degurba::degurba_command(),
        regionalise::regionalise_command(),
        indicators::indicators_command(),
        maps::map_command(),
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

}  // namespace regio::registry
