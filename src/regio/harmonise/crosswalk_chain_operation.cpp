#include "regio/harmonise/crosswalk_chain_operation.hpp"

#include "regio/error.hpp"
#include "regio/harmonise/crosswalk_build_outputs.hpp"
#include "regio/io/table_format.hpp"
#include "regio/harmonise/crosswalk_check.hpp"
#include "regio/harmonise/crosswalk_files.hpp"
#include "regio/report/report_output.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/table/id_list.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace regio::harmonise {
namespace {

// The share columns every table is checked on: the area shares, and the
// weight shares when all tables have them (the chain then carries them).
std::vector<ShareColumn> checked_shares(bool weighted) {
    return weighted ? std::vector{ShareColumn::Area, ShareColumn::Weight} : std::vector{ShareColumn::Area};
}

void add_gap_warnings(const ChainLink& link, std::vector<std::string>& warnings) {
    if (!link.discontinued.empty())
        warnings.push_back(fmt::format("{}: {} units of the middle vintage have no successor (discontinued: {}); "
                                       "{} sources going into them are not carried (--strict refuses this)",
                                       link.crosswalk, link.discontinued.size(), table::format_first_ids(link.discontinued),
                                       link.dropped_sources.size()));
    if (!link.new_units.empty())
        warnings.push_back(fmt::format("{}: {} units of the middle vintage have no predecessor (new: {}); "
                                       "their targets get nothing from the chain (--strict refuses this)",
                                       link.crosswalk, link.new_units.size(), table::format_first_ids(link.new_units)));
}

}  // namespace

// Chain's warnings are shown after its summary line, so they are kept in the
// result for the front-end, not passed to `warn`.
CrosswalkChainResult run(const CrosswalkChainRequest& request, const ProgressRange& progress, const WarningFn& /*warn*/) {
    if (request.crosswalks.size() < 2) throw UsageError("chain needs at least two crosswalks: A_B.csv B_C.csv [C_D.csv ...]");
    // The chained crosswalk is a table without geometry (issue #16): CSV
    // ("-": standard output), a database table, or a GeoPackage, GeoJSON or
    // Parquet table as crosswalk apply writes its output; FlatGeobuf refused.
    io::OutputPlan outputs(request.overwrite, request.crosswalks);
    const io::PlannedOutput& chained_output =
        outputs.add_table("--output", {request.output, request.output_layer, request.output_format});
    io::check_attribute_table_format(chained_output);
    // Every table is checked before any is composed.
    progress(0.0, "reading the crosswalks");
    std::vector<Crosswalk> tables;
    for (const auto& path : request.crosswalks) tables.push_back(read_crosswalk(path));
    const bool weighted = std::all_of(tables.begin(), tables.end(), [](const auto& t) { return t.has_weights; });
    for (const auto& t : tables) check_crosswalk(t, checked_shares(weighted));
    const io::PlannedOutput* report_output = outputs.add_optional("--report", request.report);

    CrosswalkChainResult result;
    // Near-boundary shares compose only when every table has them: a table
    // without them (built with no tolerance) says nothing, which is not 0.
    result.tables_with_near_boundary = static_cast<std::size_t>(
        std::count_if(tables.begin(), tables.end(), [](const auto& t) { return t.has_near_boundary; }));
    if (result.tables_with_near_boundary > 0 && result.tables_with_near_boundary < tables.size())
        result.warnings.push_back("the near-boundary shares are dropped: only " + std::to_string(result.tables_with_near_boundary) +
                                  " of the " + std::to_string(tables.size()) +
                                  " crosswalks have them (build all with --boundary-tolerance)");
    Crosswalk chained = tables[0];
    for (std::size_t i = 1; i < request.crosswalks.size(); ++i) {
        progress(static_cast<double>(i) / static_cast<double>(tables.size()), "composing");
        ChainLinkResult link = chain_with_gaps(chained, tables[i], request.crosswalks[i], request.middle_gaps);
        chained = std::move(link.chained);
        result.links.push_back({request.crosswalks[i], std::move(link.discontinued), std::move(link.new_units),
                                std::move(link.dropped_sources)});
        add_gap_warnings(result.links.back(), result.warnings);
    }
    // The composed table must itself move every source whole before it is written.
    chained.file = io::redact_secrets(request.output);
    try {
        check_crosswalk(chained, checked_shares(weighted));
    } catch (const DataError& e) {
        throw DataError("the chained crosswalk fails its check (not written): " + e.message(), Where{chained.file});
    }
    write_crosswalk_table(chained, chained_output);
    result.rows = chained.rows.size();
    result.near_boundary_composed = chained.has_near_boundary;
    if (chained_output.format() && *chained_output.format() != io::TableFormat::Csv)
        result.outputs.push_back(report::WrittenTable::of(chained_output));
    if (report_output) report::write_report_text(*report_output, result.to_json(request));
    outputs.commit();
    progress(1.0, "done");
    return result;
}

nlohmann::ordered_json CrosswalkChainResult::to_json(const CrosswalkChainRequest& request) const {
    nlohmann::ordered_json links_json = nlohmann::ordered_json::array();
    for (const auto& link : links)
        links_json.push_back({{"crosswalk", link.crosswalk},
                              {"middle_discontinued", link.discontinued},
                              {"middle_new", link.new_units},
                              {"sources_dropped", link.dropped_sources}});
    nlohmann::ordered_json j;
    j["command"] = "crosswalk chain";
    j["crosswalks"] = request.crosswalks;
    j["middle_gaps"] = request.middle_gaps == MiddleGaps::Strict ? "strict" : "carried";
    j["links"] = links_json;
    j["rows"] = rows;
    if (tables_with_near_boundary > 0)
        j["near_boundary"] = near_boundary_composed ? "composed: 1 - (1 - u1)(1 - u2) per path, weighted by what it carries"
                                                    : "dropped: not every crosswalk has it";
    if (!outputs.empty()) j["outputs"] = report::outputs_json(outputs);
    return j;
}

std::string CrosswalkChainResult::summary() const { return fmt::format("chain: {} rows", rows); }

}  // namespace regio::harmonise
