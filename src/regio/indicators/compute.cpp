#include "regio/indicators/compute.hpp"

#include "regio/indicators/cell_table.hpp"

#include <cmath>

namespace regio::indicators {
namespace {

int severity(Flag f) {
    switch (f) {
        case Flag::Ok:
        case Flag::Perturbed: return 0;
        case Flag::ZeroDenominator: return 1;
        case Flag::NoData: return 2;
        case Flag::Suppressed: return 3;
    }
    return 3;
}

}  // namespace

double round_gap(double difference) { return std::round(difference * 10) / 10; }

std::vector<bool> rows_without_values(const Definitions& definitions, const DataTable& data) {
    std::vector<bool> empty(data.ids.size(), true);
    for (const ColumnUse& u : required_columns(definitions)) {
        const auto& values = data_column(data, u.column);
        for (std::size_t r = 0; r < empty.size(); ++r)
            if (!std::isnan(values[r])) empty[r] = false;
    }
    return empty;
}

Result compute_indicators(const Definitions& definitions, const DataTable& data, const Hierarchy& h) {
    Result result;
    std::vector<CellTable> tables;
    for (const Indicator& ind : definitions.indicators) {
        tables.push_back(build_cell_table(ind, data, h, definitions.disclosure));
        for (const CellState& s : tables.back().states) {
            result.primary += s.reason == Reason::Primary;
            result.rate += s.reason == Reason::Rate;
        }
    }
    // Until no indicator suppresses anything more: a count hidden by one may
    // hide cells of another, which need partners in turn.
    HiddenInputs hidden;
    for (std::size_t changed = 1; changed > 0; result.secondary += changed) {
        changed = 0;
        for (CellTable& t : tables) changed += protect_cells(t, hidden, h.size());
    }
    append_output_rows(definitions, tables, h, result);
    return result;
}

void append_output_rows(const Definitions& definitions, const std::vector<CellTable>& tables, const Hierarchy& h, Result& result) {
    const std::string& reference = definitions.groups.reference;
    for (std::size_t r = 0; r < h.size(); ++r) {
        for (std::size_t k = 0; k < definitions.indicators.size(); ++k) {
            const Indicator& ind = definitions.indicators[k];
            const CellTable& t = tables[k];
            std::vector<OutputRow> cells;
            for (std::size_t c = 0; c < t.columns; ++c) {
                const std::size_t i = r * t.columns + c;
                OutputRow row{r, k, c < ind.groups.size() ? ind.groups[c] : kTotalGroup, false, t.states[i].flag, {}, {}, {}};
                const bool published = row.flag == Flag::Ok || row.flag == Flag::Perturbed;
                if (published) row.value = ind.scale * t.num[i] / t.den[i];
                if (published || row.flag == Flag::ZeroDenominator) {
                    row.numerator = t.num[i];
                    row.denominator = t.den[i];
                }
                cells.push_back(std::move(row));
            }
            if (ind.gap) {
                std::size_t ref = 0;
                while (ind.groups[ref] != reference) ++ref;
                for (std::size_t c = 0; c < ind.groups.size(); ++c) {
                    if (c == ref) continue;
                    // §4: a gap with a missing or unpublishable part is missing.
                    const OutputRow& a = cells[c];
                    const OutputRow& b = cells[ref];
                    OutputRow gap{r, k, ind.groups[c] + "_gap", true, severity(a.flag) >= severity(b.flag) ? a.flag : b.flag, {}, {}, {}};
                    if (gap.flag == Flag::Ok || gap.flag == Flag::Perturbed) gap.value = round_gap(*a.value - *b.value);
                    cells.push_back(std::move(gap));
                }
            }
            for (auto& row : cells) {
                ++result.flags[row.flag];
                result.rows.push_back(std::move(row));
            }
        }
    }
}

}  // namespace regio::indicators
