#include "regio/compare/compare_run.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/table/region_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::compare {
namespace {

// The named columns of a CSV file as counts (empty cells are an error: a
// count that is not there cannot be validated).
CountTable read_counts(const std::string& path, const std::string& id, const std::vector<std::string>& columns) {
    const io::CsvTable csv = io::read_csv_table(path);
    CountTable t;
    t.source = path;
    const std::size_t id_column = csv.column(id);
    for (const auto& row : csv.rows) t.ids.push_back(row[id_column]);
    for (const auto& name : columns) {
        const std::size_t c = csv.column(name);
        std::vector<double> values;
        for (std::size_t r = 0; r < csv.rows.size(); ++r) {
            const double v = csv.number(r, c);
            if (std::isnan(v)) throw DataError("empty count", Where{path, {}, csv.lines[r], {}, name});
            values.push_back(v);
        }
        t.columns.push_back(name);
        t.values.push_back(std::move(values));
    }
    return t;
}

std::vector<std::string> with_suffix(const std::vector<std::string>& columns, const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(c + suffix);
    return out;
}

// Percentages to 1e-4 points: enough for any reading, and the same text on every platform.
double rounded(double percent) { return std::round(percent * 1e4) / 1e4; }
// Totals of carried counts to 1e-6 (sums of shares are not integers; 158184.00000000003 says nothing).
double rounded_total(double count) { return std::round(count * 1e6) / 1e6; }

void write_table(const CompareRequest& request, const CompareResult& result, const io::TableOutput& output) {
    std::vector<std::string> names, columns, worst, worst_parent;
    for (const auto& e : result.errors) {
        names.push_back(e.estimate);
        columns.push_back(e.column);
        worst.push_back(e.worst_region);
    }
    table::RegionTable t("estimate", names);
    t.add_text_column("column", columns);
    t.add_text_column("worst_region", worst);
    auto& regions = t.add_column("regions", table::ColumnKind::Integer);
    auto& zero = t.add_column("zero_reference", table::ColumnKind::Integer);
    auto& med = t.add_column("median_ape", table::ColumnKind::Real);
    auto& max = t.add_column("worst_ape", table::ColumnKind::Real);
    auto& ref_total = t.add_column("reference_total", table::ColumnKind::Real);
    auto& est_total = t.add_column("estimate_total", table::ColumnKind::Real);
    for (std::size_t i = 0; i < result.errors.size(); ++i) {
        const auto& e = result.errors[i];
        regions.values[i] = static_cast<double>(e.regions);
        zero.values[i] = static_cast<double>(e.zero_reference);
        med.values[i] = rounded(e.median_ape);
        max.values[i] = rounded(e.worst_ape);
        ref_total.values[i] = rounded_total(e.reference_total);
        est_total.values[i] = rounded_total(e.estimate_total);
    }
    if (!request.parents.empty()) {
        // Checks come in the same (estimate, column) order as the errors.
        auto& diff = t.add_column("parents_max_abs_difference", table::ColumnKind::Real);
        auto& exact = t.add_column("parents_exact", table::ColumnKind::Integer);
        for (std::size_t i = 0; i < result.checks.size(); ++i) {
            diff.values[i] = result.checks[i].max_abs_difference;
            exact.values[i] = result.checks[i].exact ? 1 : 0;
        }
    }
    io::write_region_table(t, nullptr, output);
}

}  // namespace

bool CompareResult::exact() const {
    return std::all_of(checks.begin(), checks.end(), [](const ParentCheck& c) { return c.exact; });
}

nlohmann::ordered_json CompareResult::to_json(const CompareRequest& request) const {
    nlohmann::ordered_json j;
    j["command"] = "compare";
    j["reference"] = request.reference;
    j["regions"] = regions;
    nlohmann::ordered_json estimates = nlohmann::ordered_json::array();
    for (const auto& e : request.estimates) estimates.push_back({{"name", e.name}, {"path", e.path}, {"suffix", e.suffix}});
    j["estimates"] = estimates;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& e : errors)
        rows.push_back({{"estimate", e.estimate}, {"column", e.column}, {"regions", e.regions}, {"zero_reference", e.zero_reference},
                        {"median_ape", rounded(e.median_ape)}, {"worst_ape", rounded(e.worst_ape)}, {"worst_region", e.worst_region},
                        {"reference_total", rounded_total(e.reference_total)}, {"estimate_total", rounded_total(e.estimate_total)}});
    j["errors"] = rows;
    if (!request.parents.empty()) {
        nlohmann::ordered_json checks_json = nlohmann::ordered_json::array();
        for (const auto& c : checks)
            checks_json.push_back({{"estimate", c.estimate}, {"column", c.column}, {"parents", c.parents},
                                   {"max_abs_difference", c.max_abs_difference}, {"worst_parent", c.worst_parent}, {"exact", c.exact}});
        j["parents"] = {{"path", request.parents}, {"digits", request.parent_digits}, {"tolerance", request.tolerance},
                        {"exact", exact()}, {"checks", checks_json}};
    }
    j["summary"] = summary();
    return j;
}

std::string CompareResult::summary() const {
    std::string line = fmt::format("validation on {} regions:", regions);
    std::vector<std::string> order;
    for (const auto& e : errors)
        if (std::find(order.begin(), order.end(), e.estimate) == order.end()) order.push_back(e.estimate);
    for (std::size_t k = 0; k < order.size(); ++k) {
        std::vector<double> medians;
        const ColumnErrors* worst = nullptr;
        for (const auto& e : errors)
            if (e.estimate == order[k]) {
                medians.push_back(e.median_ape);
                if (!worst || e.worst_ape > worst->worst_ape) worst = &e;
            }
        line += fmt::format("{} {} median APE {:.1f} %, worst {:.1f} % ({} in {})", k ? ";" : "", order[k], median(medians),
                            worst->worst_ape, worst->column, worst->worst_region);
    }
    if (!checks.empty()) {
        std::size_t parents = checks.front().parents;
        line += exact() ? fmt::format("; {} unchanged parents exact", parents)
                        : fmt::format("; {} unchanged parents NOT exact", parents);
    }
    return line;
}

CompareResult run(const CompareRequest& request, const ProgressRange& progress) {
    if (request.estimates.empty()) throw UsageError("name at least one estimate");
    if (request.columns.empty()) throw UsageError("name the columns to compare");
    if (!request.parents.empty() && request.parent_digits == 0)
        throw UsageError("the parent check needs the parent's id length (--parent-digits)");
    for (std::size_t i = 0; i < request.estimates.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (request.estimates[i].name == request.estimates[k].name)
                throw UsageError("two estimates are named '" + request.estimates[i].name + "'");
    if (io::extension_of(request.output) != "csv") throw UsageError("the validation table is written as CSV: name it .csv");
    std::vector<std::string> inputs{request.reference};
    for (const auto& e : request.estimates) inputs.push_back(e.path);
    if (!request.parents.empty()) inputs.push_back(request.parents);
    const io::TableOutput output{request.output, request.overwrite, inputs};
    io::check_table_output(output);

    progress(0.0, "reading the reference");
    const CountTable reference = read_counts(request.reference, request.id, request.columns);
    const CountTable parents = request.parents.empty() ? CountTable{} : read_counts(request.parents, request.id, request.columns);
    CompareResult result;
    result.regions = reference.ids.size();
    for (std::size_t k = 0; k < request.estimates.size(); ++k) {
        const Estimate& e = request.estimates[k];
        progress(0.1 + 0.8 * static_cast<double>(k) / static_cast<double>(request.estimates.size()), "comparing " + e.name);
        const auto columns = with_suffix(request.columns, e.suffix);
        const CountTable estimate = read_counts(e.path, request.id, columns);
        for (auto& errors : column_errors(reference, estimate, columns, e.name)) result.errors.push_back(std::move(errors));
        if (!request.parents.empty())
            for (auto& check : parent_checks(parents, estimate, columns, request.columns, request.parent_digits, request.tolerance, e.name))
                result.checks.push_back(std::move(check));
    }
    write_table(request, result, output);
    progress(1.0, "done");
    if (!result.exact()) {
        const auto bad = std::find_if(result.checks.begin(), result.checks.end(), [](const ParentCheck& c) { return !c.exact; });
        throw DataError(fmt::format("exact check failed: {} summed over parent {} differs from the parent's count by {:.6g} ({}); "
                                    "the validation table was written",
                                    bad->column + (bad->estimate.empty() ? "" : " of " + bad->estimate), bad->worst_parent,
                                    bad->max_abs_difference, request.parents),
                        Where{request.output}, "the estimate moved counts across the border of a unit that did not change");
    }
    return result;
}

}  // namespace regio::compare
