#pragma once
// What the pipeline knows about regio's commands: their names and options,
// each option's kind (input file, output file, value, flag) and value type.
// The catalog is read from the library's registry (registry_catalog.hpp: each
// command's options as declared next to its operation), so the commands are
// listed once, where they are defined, and the pipeline's checks cannot drift
// from the options the commands take (issue #13: the hand-kept tables had).
// The CLI builds its subcommands from the same declarations; a test compares
// the two (`regio docs --catalog` reads the built command line).
#include "regio/options/option_spec.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regio::pipeline {

enum class OptionKind { Input, Output, Value, Flag };
enum class ValueType { Text, Integer, Number, List };

struct OptionInfo {
    std::string name;  // without the leading --; a positional argument's own name (e.g. "crosswalks")
    OptionKind kind = OptionKind::Value;
    ValueType type = ValueType::Text;
    bool required = false;
    bool positional = false;
    std::string help;
    // The option that names this input's or output's layer or table
    // ("regions" -> "regions-layer", "output" -> "output-layer"; "" if none),
    // by a naming rule (registry_catalog.hpp).
    std::string layer_option;
    // The columns or fields of inputs that the option's value names (from
    // the registry's declarations; not in catalog_json).
    std::vector<options::ColumnUse> names_columns;
};

struct CommandInfo {
    std::string name;  // the command words: "crosswalk build"
    std::string help;
    std::vector<OptionInfo> options;

    [[nodiscard]] const OptionInfo* option(std::string_view name) const;
};

class CommandCatalog {
public:
    void add(CommandInfo command);
    [[nodiscard]] const CommandInfo* find(std::string_view name) const;
    [[nodiscard]] const std::vector<CommandInfo>& commands() const { return m_commands; }
    [[nodiscard]] std::vector<std::string> names() const;

private:
    std::vector<CommandInfo> m_commands;
};

// Where an output option's value sends what a step writes (issue #16).
enum class Destination { File, DatabaseTable, StandardOutput };

// "-": standard output; a data source name (PG:...) given to an option that
// has a table option (--output-layer): a database table, which lives where it
// says (not under the run directory, not a path to confine or compare);
// anything else a file.
Destination destination_of(const OptionInfo& option, const std::string& value);

// "input", "output", "value", "flag"; "text", "integer", "number", "list".
const char* kind_name(OptionKind kind);
const char* type_name(ValueType type);

// The catalog as JSON (for tests and tools): [{name, help, options: [{name,
// kind, type, required, positional, help, layer_option (when it has one)}]}].
std::string catalog_json(const CommandCatalog& catalog);

// Why `value` is not of `type` ("" when it is): "an integer", "a number".
std::string type_problem(ValueType type, const std::string& value);

}  // namespace regio::pipeline
