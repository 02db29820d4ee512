#pragma once
// Indicator definitions: ratios of count columns per population group, with
// gaps against a reference group and the disclosure rules of
// ../shared/spec/indicators.md §4-§5. Read from TOML by read_definitions()
// (definitions_toml.hpp; the schema is documented there).
#include "regio/indicators/disclosure.hpp"
#include "regio/indicators/ptable_builder.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::indicators {

// Migrant groups are defined by citizenship or by country of birth; the
// definition is carried on every value and two are never compared (spec §1).
enum class GroupDefinition { Citizenship, Birth };
std::string_view definition_name(GroupDefinition d);

struct GroupSet {
    std::vector<std::string> values;  // e.g. national, eu, non_eu
    std::string reference;            // gaps are value(group) - value(reference); may be empty without gaps
    GroupDefinition definition = GroupDefinition::Citizenship;
};

// A column template: "{group}" is replaced by a group value. Several
// templates are summed (e.g. the labour force = employed + unemployed).
using Terms = std::vector<std::string>;

// [disclosure] method: suppression (spec §5, the default) or the cell-key
// method (issue #17): every cell published with consistent noise.
enum class DisclosureMethod : std::uint8_t { Suppression, CellKey };

struct CellKeySettings {
    std::string ptable_file;                  // ptable = "FILE.csv" (relative to the definitions file), or
    std::optional<PTableParameters> parameters;  // max_perturbation, variance, min_published, p_stay
    // The key-sum columns of `aggregate points --cell-keys` for a group's
    // cells and for the total cells.
    std::string key_column = "cellkey_count_{group}";
    std::string total_key_column = "cellkey_count";
};

// How one indicator is protected: the [disclosure] table sets the default,
// an [[indicator]] may choose its own method and ptable (issue #17: e.g. one
// indicator suppressed, another perturbed).
struct Protection {
    DisclosureMethod method = DisclosureMethod::Suppression;
    CellKeySettings cell_key;  // with method = CellKey
};

struct Indicator {
    std::string name;
    std::string label;
    std::string age_band;
    Terms numerator;
    Terms denominator;
    Terms total_numerator;    // all groups together; empty: no "total" row
    Terms total_denominator;
    double scale = 1;         // 100 for percentages
    bool gap = false;         // add <group>_gap rows: value(group) - value(reference)
    std::vector<std::string> groups;  // the groups of this indicator (the global list unless overridden)
    std::optional<Protection> protection;  // its own method; nullopt: the [disclosure] default

    [[nodiscard]] bool has_total() const { return !total_numerator.empty(); }
    [[nodiscard]] bool per_group_denominator() const;
    // The label with the age band: "Employment rate (20-64)".
    [[nodiscard]] std::string full_label() const;
};

struct Definitions {
    std::string source;  // file name, for messages
    DisclosureRules disclosure;
    DisclosureMethod method = DisclosureMethod::Suppression;
    CellKeySettings cell_key;
    GroupSet groups;
    std::vector<Indicator> indicators;
};

// The method (and ptable settings) that protects `indicator`: its own, else
// the [disclosure] default.
Protection protection_of(const Definitions& definitions, const Indicator& indicator);
// Whether any indicator is protected by `method`.
bool uses_method(const Definitions& definitions, DisclosureMethod method);
std::string_view method_name(DisclosureMethod method);

// The group name of the all-groups row, reserved.
inline constexpr const char* kTotalGroup = "total";

// A template with "{group}" replaced by `group`.
std::string expand(const std::string& term, const std::string& group);

// One input column a definition needs, and who needs it (for messages).
struct ColumnUse {
    std::string column;
    std::string indicator;
    std::string key;  // numerator, denominator, total_numerator, total_denominator
    std::string group;
};
std::vector<ColumnUse> required_columns(const Definitions& definitions);

// Throws DataError naming the data file, the column, and the indicator and
// key of the definitions that need it, for the first column not in `available`.
void check_columns(const Definitions& definitions, const std::vector<std::string>& available, const std::string& data_source);

}  // namespace regio::indicators
