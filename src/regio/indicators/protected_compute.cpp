#include "regio/indicators/protected_compute.hpp"

#include "regio/error.hpp"
#include "regio/indicators/cell_table.hpp"
#include "regio/indicators/ptable_builder.hpp"
#include "regio/indicators/ptable_csv.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace regio::indicators {
namespace {

// The identity of a ptable setting: its file, or its parameters.
std::string ptable_identity(const CellKeySettings& s) {
    if (!s.ptable_file.empty()) return "file:" + s.ptable_file;
    const PTableParameters& p = *s.parameters;
    return fmt::format("D={} V={:.17g} js={} p_stay={}", p.max_perturbation, p.variance, p.min_published,
                       p.p_stay ? fmt::format("{:.17g}", *p.p_stay) : "free");
}

}  // namespace

PTableChoice load_ptables(const Definitions& definitions) {
    PTableChoice choice;
    std::map<std::string, std::shared_ptr<const PTable>> loaded;
    for (const Indicator& ind : definitions.indicators) {
        const Protection p = protection_of(definitions, ind);
        if (p.method != DisclosureMethod::CellKey) {
            choice.emplace_back();
            continue;
        }
        std::shared_ptr<const PTable>& table = loaded[ptable_identity(p.cell_key)];
        if (!table)
            table = std::make_shared<const PTable>(p.cell_key.ptable_file.empty() ? build_ptable(*p.cell_key.parameters)
                                                                                 : read_ptable_csv(p.cell_key.ptable_file));
        choice.push_back(table);
    }
    return choice;
}

Result compute_protected_indicators(const Definitions& definitions, const DataTable& data, const Hierarchy& h, const PTableChoice& ptables,
                                    std::vector<ProtectionOutcome>& outcomes) {
    if (ptables.size() != definitions.indicators.size()) throw Error("compute_protected_indicators: one ptable entry per indicator");
    Result result;
    outcomes.clear();
    std::vector<CellTable> tables;
    for (std::size_t k = 0; k < definitions.indicators.size(); ++k) {
        const Indicator& ind = definitions.indicators[k];
        ProtectionOutcome& outcome = outcomes.emplace_back();
        outcome.protection = protection_of(definitions, ind);
        if ((outcome.protection.method == DisclosureMethod::CellKey) != static_cast<bool>(ptables[k]))
            throw Error("compute_protected_indicators: indicator '" + ind.name + "' has the wrong ptable entry");
        tables.push_back(build_cell_table(ind, data, h, definitions.disclosure));
        if (ptables[k]) {
            perturb_cells(ind, outcome.protection.cell_key, data, h, *ptables[k], tables.back(), outcome.utility);
            continue;
        }
        for (const CellState& s : tables.back().states) {
            outcome.primary += s.reason == Reason::Primary;
            outcome.rate += s.reason == Reason::Rate;
        }
    }
    // As compute_indicators(), over the suppressed indicators only: a count
    // hidden by one may hide cells of another, which need partners in turn.
    HiddenInputs hidden;
    for (std::size_t changed = 1; changed > 0;) {
        changed = 0;
        for (std::size_t k = 0; k < tables.size(); ++k) {
            if (ptables[k]) continue;
            const std::size_t n = protect_cells(tables[k], hidden, h.size());
            outcomes[k].secondary += n;
            changed += n;
        }
    }
    for (const ProtectionOutcome& o : outcomes) {
        result.primary += o.primary;
        result.rate += o.rate;
        result.secondary += o.secondary;
    }
    append_output_rows(definitions, tables, h, result);
    return result;
}

CellKeyUtility perturbed_utility(const std::vector<ProtectionOutcome>& outcomes) {
    std::vector<CellKeyUtility> parts;
    for (const ProtectionOutcome& o : outcomes)
        if (o.protection.method == DisclosureMethod::CellKey) parts.push_back(o.utility);
    return combined_utility(parts);
}

std::vector<std::string> mixed_method_warnings(const Definitions& definitions) {
    std::map<std::string, std::set<std::string>> suppressed_by, perturbed_by;  // count column -> indicators
    for (const ColumnUse& u : required_columns(definitions)) {
        if (u.key == "key_column" || u.key == "total_key_column") continue;
        for (const Indicator& ind : definitions.indicators) {
            if (ind.name != u.indicator) continue;
            auto& by = protection_of(definitions, ind).method == DisclosureMethod::CellKey ? perturbed_by : suppressed_by;
            by[u.column].insert(ind.name);
        }
    }
    std::vector<std::string> warnings;
    for (const auto& [column, perturbing] : perturbed_by) {
        const auto s = suppressed_by.find(column);
        if (s == suppressed_by.end()) continue;
        warnings.push_back(fmt::format("count '{}' is perturbed in indicator '{}' but published exactly where suppression lets "
                                       "indicator '{}' show it: there its noise protects nothing",
                                       column, *perturbing.begin(), *s->second.begin()));
    }
    return warnings;
}

}  // namespace regio::indicators
