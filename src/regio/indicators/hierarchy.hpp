#pragma once
// The output regions of `regio indicators`: the data rows, and with a rollup
// the parent regions whose counts are the sums of their children's (rates are
// never averaged). Parents come by NUTS code prefix (../shared/spec/nuts-lau.md
// §1: each level drops one character, down to the 2-letter country) or from
// a parent-id column.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::indicators {

enum class RollupMode { None, Nuts, Field };

struct HierarchyInput {
    std::string source;                // data file, for messages
    std::string id_field;              // for messages
    std::vector<std::string> ids;      // one per data row
    std::vector<std::int64_t> lines;   // 1-based line of each data row (may be empty)
    RollupMode mode = RollupMode::None;
    std::string parent_field;          // RollupMode::Field
    std::vector<std::string> parents;  // RollupMode::Field: parent id per data row, empty = none
    // RollupMode::Field: rows without values of their own (every used cell
    // empty) that may stand for a parent named by other rows; their own
    // parent field continues the chain upwards.
    std::vector<bool> structural;
};

struct Hierarchy {
    std::vector<std::string> ids;                  // output rows: data rows, then parents
    std::vector<std::optional<std::size_t>> data_row;  // the data row of an output row; nullopt for a parent
    std::vector<std::optional<std::size_t>> parent;    // the parent's output row
    std::vector<int> depth;                         // 0 = top; parents are sorted by depth, deepest first
    std::vector<std::vector<std::size_t>> children;

    [[nodiscard]] std::size_t size() const { return ids.size(); }
    // Output rows in an order where every child comes before its parent.
    [[nodiscard]] std::vector<std::size_t> bottom_up() const;
};

// Throws DataError (naming file, line, id field) for duplicate ids, ids that
// are not NUTS codes (Nuts), a data row that has values of its own and is also
// a parent of another row (mixed levels), self-parents and cycles (Field).
// Structural rows that are not named as a parent are kept as data rows.
Hierarchy build_hierarchy(const HierarchyInput& input);

// The NUTS level of a code (length - 2), or nullopt when it is not a NUTS code
// (^[A-Z]{2}[0-9A-Z]{0,3}$).
std::optional<int> nuts_level(const std::string& code);

}  // namespace regio::indicators
