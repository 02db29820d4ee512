#include "regio/compare/validation.hpp"

#include "regio/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace regio::compare {
namespace {

std::size_t column_index(const CountTable& t, const std::string& name) {
    const auto it = std::find(t.columns.begin(), t.columns.end(), name);
    if (it == t.columns.end()) throw DataError("no column '" + name + "'", Where{t.source, {}, {}, {}, name});
    return static_cast<std::size_t>(it - t.columns.begin());
}

std::map<std::string, std::size_t> row_index(const CountTable& t) {
    std::map<std::string, std::size_t> rows;
    for (std::size_t r = 0; r < t.ids.size(); ++r)
        if (!rows.emplace(t.ids[r], r).second) throw DataError("id '" + t.ids[r] + "' appears twice", Where{t.source});
    return rows;
}

}  // namespace

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<ColumnErrors> column_errors(const CountTable& reference, const CountTable& estimate,
                                        const std::vector<std::string>& estimate_columns, const std::string& estimate_name) {
    const auto estimate_rows = row_index(estimate);
    const auto reference_rows = row_index(reference);
    for (const auto& id : estimate.ids)
        if (!reference_rows.count(id))
            throw DataError("region '" + id + "' is not in the reference " + reference.source, Where{estimate.source},
                            "both tables must cover the same regions (the same vintage)");
    std::vector<std::size_t> matched;  // estimate row of each reference row
    for (const auto& id : reference.ids) {
        const auto it = estimate_rows.find(id);
        if (it == estimate_rows.end())
            throw DataError("region '" + id + "' of the reference " + reference.source + " is missing", Where{estimate.source},
                            "both tables must cover the same regions (the same vintage)");
        matched.push_back(it->second);
    }
    std::vector<ColumnErrors> out;
    for (std::size_t c = 0; c < reference.columns.size(); ++c) {
        const auto& ref = reference.values[c];
        const auto& est = estimate.values[column_index(estimate, estimate_columns[c])];
        ColumnErrors e;
        e.estimate = estimate_name;
        e.column = reference.columns[c];
        std::vector<double> apes;
        for (std::size_t r = 0; r < reference.ids.size(); ++r) {
            const double want = ref[r];
            const double got = est[matched[r]];
            e.reference_total += want;
            e.estimate_total += got;
            if (!(want > 0)) {
                ++e.zero_reference;
                continue;
            }
            const double ape = std::abs(got - want) / want * 100.0;
            apes.push_back(ape);
            if (ape > e.worst_ape || e.worst_region.empty()) {
                e.worst_ape = ape;
                e.worst_region = reference.ids[r];
            }
        }
        e.regions = apes.size();
        e.median_ape = median(std::move(apes));
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<ParentCheck> parent_checks(const CountTable& parents, const CountTable& estimate,
                                       const std::vector<std::string>& estimate_columns, const std::vector<std::string>& columns,
                                       std::size_t parent_digits, double tolerance, const std::string& estimate_name) {
    const auto parent_rows = row_index(parents);
    std::vector<std::size_t> parent_of;  // parent row of each estimate row
    std::vector<bool> has_region(parents.ids.size(), false);
    for (const auto& id : estimate.ids) {
        const auto it = parent_rows.find(id.substr(0, parent_digits));
        if (id.size() < parent_digits || it == parent_rows.end())
            throw DataError("region '" + id + "' has no parent '" + id.substr(0, parent_digits) + "' in " + parents.source,
                            Where{estimate.source}, "the parent of a region is the first " + std::to_string(parent_digits) + " characters of its id");
        parent_of.push_back(it->second);
        has_region[it->second] = true;
    }
    for (std::size_t p = 0; p < parents.ids.size(); ++p)
        if (!has_region[p]) throw DataError("parent '" + parents.ids[p] + "' has no region in " + estimate.source, Where{parents.source});
    std::vector<ParentCheck> out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto& want = parents.values[column_index(parents, columns[c])];
        const auto& est = estimate.values[column_index(estimate, estimate_columns[c])];
        std::vector<double> sums(parents.ids.size(), 0.0);
        for (std::size_t r = 0; r < estimate.ids.size(); ++r) sums[parent_of[r]] += est[r];
        ParentCheck check;
        check.estimate = estimate_name;
        check.column = columns[c];
        check.parents = parents.ids.size();
        for (std::size_t p = 0; p < parents.ids.size(); ++p) {
            const double diff = std::abs(sums[p] - want[p]);
            if (diff > check.max_abs_difference || check.worst_parent.empty()) {
                check.max_abs_difference = diff;
                check.worst_parent = parents.ids[p];
            }
            if (!(diff <= tolerance * std::max(1.0, std::abs(want[p])))) check.exact = false;
        }
        out.push_back(std::move(check));
    }
    return out;
}

}  // namespace regio::compare
