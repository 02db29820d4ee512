#include "regio/harmonise/crosswalk_build_noise.hpp"

#include "regio/harmonise/crosswalk_build_operation.hpp"
#include "regio/harmonise/unit_fields.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"

#include <algorithm>

namespace regio::harmonise {
namespace {

std::vector<std::string> prefixes(const geometry::RegionSet& set, std::size_t n, const std::string& option) {
    std::vector<std::string> out;
    out.reserve(set.size());
    for (const auto& id : set.ids) {
        if (id.size() < n)
            throw DataError("unit id '" + id + "' is shorter than the " + std::to_string(n) + " characters of " + option,
                            Where{set.file, set.layer, {}, {}, set.id_field}, "every id must start with its parent's code");
        out.push_back(id.substr(0, n));
    }
    return out;
}

// Every unit needs a parent: an empty field would put it in a parent of its own.
void check_parents(const std::vector<std::string>& parents, const geometry::RegionSet& set, const std::string& field) {
    for (std::size_t i = 0; i < parents.size(); ++i)
        if (parents[i].empty())
            throw DataError("unit " + set.ids[i] + " has no parent in field " + field, Where{set.file, set.layer, {}, {}, field},
                            "--within needs a parent code for every unit of both vintages");
}

}  // namespace

NoiseSetup noise_setup(const CrosswalkBuildRequest& args, const geometry::RegionSet& from, const geometry::RegionSet& to) {
    NoiseSetup setup;
    if (args.boundary_tolerance >= 0) {
        setup.options.tolerance_m = args.boundary_tolerance;
        setup.tolerance_source = "option";
    } else {
        // The coarser of the two scales the file names give, if any.
        double inferred = 0;
        for (const auto* side : {&args.from, &args.to})
            if (const auto d = tolerance_from_file_name(io::InputSpec::parse(side->regions).path))
                inferred = std::max(inferred, *d);
        setup.options.tolerance_m = inferred;
        setup.tolerance_source = inferred > 0 ? "map scale in the file name" : "none";
    }
    if (args.within_prefix > 0 && !args.within.empty()) throw UsageError("--within-prefix and --within name the parents twice: give one");
    if (args.within_prefix > 0) {
        const auto n = static_cast<std::size_t>(args.within_prefix);
        setup.options.from_parents = prefixes(from, n, "--within-prefix");
        setup.options.to_parents = prefixes(to, n, "--within-prefix");
        setup.parents = "prefix " + std::to_string(n);
    } else if (!args.within.empty()) {
        const auto eq = args.within.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == args.within.size())
            throw UsageError("--within takes FROM_FIELD=TO_FIELD, got '" + args.within + "'", {},
                             "e.g. --within BEZ=BEZ for a district field in both vintages");
        const std::string from_field = args.within.substr(0, eq), to_field = args.within.substr(eq + 1);
        setup.options.from_parents = unit_names(args.from, from_field, from);
        setup.options.to_parents = unit_names(args.to, to_field, to);
        check_parents(setup.options.from_parents, from, from_field);
        check_parents(setup.options.to_parents, to, to_field);
        setup.parents = args.within;
    }
    return setup;
}

}  // namespace regio::harmonise
