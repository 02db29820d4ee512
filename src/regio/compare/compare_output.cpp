#include "regio/compare/compare_output.hpp"

#include "regio/io/table_writer.hpp"
#include "regio/table/region_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::compare {

double rounded_percent(double percent) { return std::round(percent * 1e4) / 1e4; }
double rounded_total(double count) { return std::round(count * 1e6) / 1e6; }

void write_validation_table(const CompareRequest& request, const CompareResult& result, const io::PlannedOutput& output) {
    std::vector<std::string> names, columns, worst;
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
        med.values[i] = rounded_percent(e.median_ape);
        max.values[i] = rounded_percent(e.worst_ape);
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
                        {"median_ape", rounded_percent(e.median_ape)}, {"worst_ape", rounded_percent(e.worst_ape)}, {"worst_region", e.worst_region},
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
    if (table.format != "csv") {
        nlohmann::ordered_json entry{{"destination", table.destination}};
        if (!table.layer.empty()) entry["layer"] = table.layer;
        entry["format"] = table.format;
        entry["rows"] = table.rows;
        j["outputs"] = nlohmann::ordered_json::array({entry});
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

}  // namespace regio::compare
