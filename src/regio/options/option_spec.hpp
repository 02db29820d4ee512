#pragma once
// An option of a command, declared once in the library next to the operation
// it feeds (issue #13: one registry). The front-ends take their options from
// these declarations: the CLI builds its CLI11 options from them
// (src/cli/declared_options.cpp), the pipeline checks steps against them, and
// the man pages and completions are generated from the CLI built from them.
// A declaration names where the parsed value goes (a field of the command's
// request or arguments), so a front-end binds values without knowing the
// command.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace regio::options {

// Value names that mark an option as naming a file (also what --help and the
// man pages show as its value): input files, vector layers (FILE[:LAYER] or
// any GDAL source), rasters (FILE[:BAND]), directories; output files and
// directories. The pipeline reads inputs and outputs of a step from them.
inline constexpr const char* kInputFile = "FILE";
inline constexpr const char* kInputLayer = "FILE[:LAYER]";
inline constexpr const char* kInputRaster = "FILE[:BAND]";
inline constexpr const char* kInputDirectory = "DIR";
inline constexpr const char* kOutputFile = "OUTPUT";
inline constexpr const char* kOutputDirectory = "OUTPUT_DIR";

// A check of the value, made by the front-end while parsing (usage errors).
struct ValueCheck {
    enum class Kind { None, Range, NonNegative, Positive, OneOf };
    Kind kind = Kind::None;
    double low = 0, high = 0;          // Range, inclusive
    std::vector<std::string> choices;  // OneOf (numbers written as text for numeric options)
    bool ignore_case = false;          // OneOf: any case, stored as the listed spelling
};

// A value that overrides a base only when given on the command line: degurba's
// rule and threshold options over its preset (../shared/spec/degurba.md).
// `value` holds the default shown in help; the front-end sets `given` when it
// parses a value into it.
template <class T>
struct Overridable {
    T value{};
    bool given = false;
};

// Where a parsed value goes. Flags bind a bool; lists take every value given
// (and each split at `delimiter` when it has one).
using Target = std::variant<std::string*, std::vector<std::string>*, bool*, int*, unsigned*, long*, std::size_t*,
                            double*, std::optional<double>*, std::optional<int>*, std::optional<std::size_t>*,
                            std::optional<std::string>*, std::vector<double>*, std::vector<std::size_t>*, std::vector<long>*,
                            Overridable<int>*, Overridable<double>*, Overridable<std::string>*>;

// The columns (of a CSV input) or fields (of a vector layer) that an option's
// value names, so that a pipeline can check them before any step runs
// (issue #13: what each command reads of its inputs, declared with it).
enum class NameForm {
    Single,      // the value is one name
    List,        // names separated by commas
    Pairs,       // COLUMN or COLUMN:DENOMINATOR, separated by commas: both are names
    Thresholds,  // NAME>=N, separated by commas: the part before ">="
};
struct ColumnUse {
    std::string input;          // the input option whose columns or fields these are ("data")
    NameForm form = NameForm::Single;
    std::string unless_given;   // not when this option is given ("data-id" names them instead)
    std::string unless_value;   // not when the value is this ("nuts": a rule, not a column)
};

struct OptionSpec {
    std::string names;       // as on the command line: "-o,--output", "--regions"; a positional's name: "crosswalks"
    std::string help;        // one line
    std::string value_name;  // one of the k* names above for files; "" for the value type's own name
    bool required = false;
    bool show_default = false;  // help shows the target's value at declaration time
    char delimiter = '\0';      // list values may also be given as one comma-separated value
    bool repeatable = false;    // a list option given several times collects every value, one per use
    std::vector<std::string> excludes;  // options that may not be given with this one ("--points-layer")
    std::vector<std::string> needs;     // options that must be given with this one
    ValueCheck check;
    std::vector<ColumnUse> names_columns;  // of which inputs the value names columns or fields
};

struct Declaration {
    OptionSpec spec;
    Target target;
};

}  // namespace regio::options
