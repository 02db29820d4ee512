// regio segregation: reading, checking, computing per scope, writing.
#include "regio/segregation/segregation_request.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/regions/checked_regions.hpp"
#include "regio/segregation/multigroup.hpp"
#include "regio/segregation/single_group.hpp"
#include "regio/segregation/segregation_output.hpp"
#include "regio/io/table_format.hpp"
#include "regio/segregation/unit_places.hpp"
#include "regio/segregation/unit_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace regio::segregation {
namespace {

// The indices asked for (or all that apply), checked against the input.
IndexPlan make_plan(const SegregationRequest& r, GroupMode mode) {
    IndexPlan plan;
    plan.contiguity = r.contiguity;
    plan.scales = r.scales;
    plan.bandwidths = r.bandwidths;
    plan.kernel = r.kernel;
    plan.threads = r.threads;
    const bool located = r.geometry != UnitGeometry::None;
    std::vector<Index> asked;
    for (const auto& name : r.indices) {
        const auto index = parse_index(name);
        if (!index) {
            std::string known;
            for (Index i : kAllIndices) known += (known.empty() ? "" : ", ") + std::string(index_name(i));
            throw UsageError("--index: unknown index '" + name + "'", {}, "known indices: " + known);
        }
        if (is_multigroup(*index) && mode != GroupMode::Partition)
            throw UsageError("--index " + name + " needs several --group columns that partition the population");
        if (*index == Index::SpatialDissimilarity && !located)
            throw UsageError("--index spatial_dissimilarity needs the units' geometry", {}, "give --regions or --grid-codes");
        asked.push_back(*index);
    }
    for (Index i : kAllIndices) {
        const bool applies = (!is_multigroup(i) || mode == GroupMode::Partition) && (i != Index::SpatialDissimilarity || located);
        if ((asked.empty() && applies) || std::find(asked.begin(), asked.end(), i) != asked.end()) plan.indices.push_back(i);
    }
    return plan;
}

void check_options(const SegregationRequest& r) {
    if (!r.scales.empty() && r.geometry != UnitGeometry::GridCodes)
        throw UsageError("--scales aggregates grid cells: it needs --grid-codes");
    for (std::int64_t k : r.scales)
        if (k < 1) throw UsageError("--scales: block sizes are whole numbers of cells, at least 1");
    if (!r.bandwidths.empty() && r.geometry == UnitGeometry::None)
        throw UsageError("--bandwidth needs the units' places", {}, "give --regions or --grid-codes");
    for (double b : r.bandwidths)
        if (!(b > 0) || !std::isfinite(b)) throw UsageError("--bandwidth: distances must be positive");
    if (r.geometry == UnitGeometry::Regions && r.regions.empty()) throw UsageError("--regions: name the region layer");
    if (!r.within.empty() && r.within_prefix) throw UsageError("--within and --within-prefix exclude each other");
}

struct Scope {
    std::string key;  // empty: all units
    std::vector<std::size_t> units;
};

std::vector<Scope> scopes_of(const UnitTable& table) {
    std::vector<Scope> scopes(1);
    scopes[0].units.resize(table.composition.units());
    for (std::size_t i = 0; i < scopes[0].units.size(); ++i) scopes[0].units[i] = i;
    std::map<std::string, std::vector<std::size_t>> parts;
    for (std::size_t i = 0; i < table.within_keys.size(); ++i) parts[table.within_keys[i]].push_back(i);
    for (auto& [key, units] : parts) scopes.push_back({key, std::move(units)});
    return scopes;
}

void add_scope_rows(const SegregationRequest& r, const Scope& scope, std::size_t stream, const Composition& all, const Places& all_places,
                    const IndexPlan& plan, SegregationResult& out, const ProgressRange& progress) {
    const bool whole = stream == 0;
    // The whole input is used in place (a million cells are not copied).
    Composition part;
    Places part_places;
    if (!whole) {
        part = select_units(all, scope.units);
        part_places = select_places(all_places, scope.units);
    }
    const Composition& c = whole ? all : part;
    const Places& places = whole ? all_places : part_places;
    std::vector<IndexValue> values = compute_indices(c, places, plan);
    std::size_t undefined = 0;
    if (scope.units.size() < 2)
        for (auto& v : values) v.value = std::nan("");
    for (const auto& v : values) undefined += std::isnan(v.value);
    if (undefined)
        out.warnings.push_back(fmt::format("within '{}' ({} units): {} index values are undefined (a group absent or everybody, or a single unit) "
                                           "and left empty",
                                           scope.key, scope.units.size(), undefined));
    std::vector<SimulatedValue> simulated;
    if (r.simulations) {
        std::vector<double> observed;
        for (const auto& v : values) observed.push_back(v.value);
        simulated = simulate(c, places, plan, observed, {r.simulations, r.seed, r.threads}, stream, progress);
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
        const IndexValue& v = values[k];
        SegregationRow row{scope.key, std::string(index_name(v.index)), v.group, v.scale, v.bandwidth, v.value, std::nullopt};
        if (r.simulations) row.simulated = simulated[k];
        out.rows.push_back(std::move(row));
    }
}

// Theil's decomposition of M over the --within groups, checked: between +
// within must give the total (a failed check is an error, not a footnote).
void add_decomposition(const UnitTable& table, const std::vector<Scope>& scopes, SegregationResult& out) {
    std::vector<std::size_t> part_of(table.composition.units());
    for (std::size_t s = 1; s < scopes.size(); ++s)
        for (std::size_t i : scopes[s].units) part_of[i] = s - 1;
    const MutualInformationSplit split = split_mutual_information(partition_counts(table.composition), part_of, scopes.size() - 1);
    if (!(std::abs(split.between + split.within - split.total) <= 1e-9 * std::max(1.0, split.total)))
        throw DataError(fmt::format("mutual information does not decompose: between {} + within {} != total {}", split.between, split.within,
                                    split.total));
    out.decomposition = MutualInformationReport{split.total, split.between, split.within};
    out.rows.push_back({{}, "mutual_information_between", {}, 0, 0, split.between, std::nullopt});
    out.rows.push_back({{}, "mutual_information_within", {}, 0, 0, split.within, std::nullopt});
}

void add_local(const UnitTable& table, SegregationResult& out) {
    const Composition& c = table.composition;
    out.local_groups = c.groups;
    for (const auto& g : c.counts) out.location_quotients.push_back(location_quotients(g, c.totals));
    out.local_entropy = local_entropy(partition_counts(c));
}

}  // namespace

SegregationResult run(const SegregationRequest& r, const ProgressRange& progress) {
    const auto start = std::chrono::steady_clock::now();
    // Every output, the report too, is checked before any work and committed
    // together at the end. The checks come in the order they always had:
    // with a report, the outputs before the options.
    if (r.report.empty()) check_options(r);
    io::OutputPlan output_plan = io::OutputPlan::reading(r.overwrite, {r.data_input(), r.regions_input()});
    const std::vector<std::string> other_files = r.report.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.report};
    const PlannedOutputs outputs = plan_outputs(r, output_plan, other_files);
    const io::PlannedOutput* report_output = report::plan_report_apart(output_plan, r.report, r.output);
    if (!r.report.empty()) check_options(r);
    progress(0, "reading");
    UnitTable table = read_unit_table(r);
    const IndexPlan plan = make_plan(r, table.composition.mode);
    if (r.simulations) check_whole_counts(table, r);
    const bool contiguity = std::find(plan.indices.begin(), plan.indices.end(), Index::SpatialDissimilarity) != plan.indices.end();
    UnitPlaces located = locate_units(r, table, contiguity ? ContiguityNeed::Yes : ContiguityNeed::No,
                                      local_has_geometry(r) ? ShapeNeed::Yes : ShapeNeed::No);
    // Without --local the ids have served (checks, places, within): a million
    // grid codes are 30 MB better spent on the indices.
    if (r.local.empty()) table.ids = {};

    SegregationResult out;
    out.neighbour_pairs = located.neighbour_pairs;
    out.warnings = std::move(located.warnings);
    out.region_fixes = std::move(located.region_fixes);
    const std::vector<Scope> scopes = scopes_of(table);
    out.within_groups = scopes.size() - 1;
    progress(0.1, "indices");
    for (std::size_t s = 0; s < scopes.size(); ++s) {
        const ProgressRange part = progress.sub(0.1 + 0.8 * static_cast<double>(s) / static_cast<double>(scopes.size()),
                                                0.1 + 0.8 * static_cast<double>(s + 1) / static_cast<double>(scopes.size()));
        add_scope_rows(r, scopes[s], s, table.composition, located.places, plan, out, part);
        if (s == 0 && scopes.size() > 1 && table.composition.mode == GroupMode::Partition &&
            std::find(plan.indices.begin(), plan.indices.end(), Index::MutualInformation) != plan.indices.end())
            add_decomposition(table, scopes, out);
    }
    if (!r.local.empty()) add_local(table, out);
    if (!r.local.empty()) out.unit_ids = table.ids.strings();
    out.composition = std::move(table.composition);
    out.shapes = std::move(located.shapes);
    progress(0.95, "writing");
    write_outputs(r, out, outputs);
    for (const io::PlannedOutput* written : {outputs.indices, outputs.local})
        if (written && written->format() && *written->format() != io::TableFormat::Csv)
            out.outputs.push_back(report::WrittenTable::of(*written));
    const auto seconds_since_start = [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    if (report_output) {
        out.seconds = seconds_since_start();
        nlohmann::ordered_json report = out.to_json(r);
        regions::add_region_fixes(report, out.region_fixes);
        report::write_report_text(*report_output, report);
    }
    output_plan.commit();
    out.seconds = seconds_since_start();
    progress(1, "done");
    return out;
}

}  // namespace regio::segregation
