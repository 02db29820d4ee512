#include "regio/pipeline/pipeline.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"
#include "regio/io/csv_header.hpp"
#include "regio/io/text_input.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/toml_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <strings.h>

namespace regio::pipeline {
namespace {

const std::set<std::string> kCommands = {"aggregate points", "aggregate grid", "crosswalk build", "crosswalk apply",
                                         "crosswalk chain",  "classify",       "map",             "indicators",
                                         "degurba",          "regionalise",    "compare",
                                         "atlas",            "segregation"};
const std::set<std::string> kOutputKeys = {"output", "changes", "gpkg", "map", "report", "units-out", "clusters", "local",
                                           "ptable-output", "assignments"};
// Options whose values are input files (FILE or FILE:LAYER).
const std::set<std::string> kInputKeys = {"regions", "points",     "grid",     "grid-table", "grid-layer", "weights",
                                          "from",    "to",         "data",     "crosswalk",  "layer",      "style",
                                          "definitions", "units",  "land",     "built-up", "minus",
                                          "reference", "estimate", "second", "parents", "outline"};
// The option naming the layer of an input apart from its source (issue #16):
// the source text may hold colons (a connection string, a /vsizip/ path).
const std::map<std::string, std::string> kLayerKeys = {
    {"regions", "regions-layer"}, {"points", "points-layer"},   {"from", "from-layer"},       {"to", "to-layer"},
    {"layer", "layer-name"},      {"units", "units-layer"},     {"grid-layer", "grid-layer-name"},
    {"data", "data-layer"},       {"weights", "weights-layer"}, {"outline", "outline-layer"}};

std::string value_text(const toml::node& node, const Where& where) {
    if (const auto s = node.value<std::string>()) return *s;
    if (const auto i = node.value<std::int64_t>()) return std::to_string(*i);
    // Whole numbers as integers (options such as --width take them), others as
    // the shortest text that reads back to the same double: std::to_string's
    // six decimals turned 1e-7 into "0" and 0.1234567 into "0.123457".
    if (const auto d = node.value<double>()) {
        if (std::trunc(*d) == *d && std::fabs(*d) < 0x1p53) return std::to_string(static_cast<std::int64_t>(*d));
        return fmt::format("{}", *d);
    }
    if (const auto* array = node.as_array()) {
        std::string joined;
        for (const auto& item : *array) joined += (joined.empty() ? "" : ",") + value_text(item, where);
        return joined;
    }
    throw ConfigError("values must be text, numbers, true or arrays", where);
}

struct Reference {
    std::string step;
    std::string key;
};

bool parse_reference(const std::string& value, Reference& ref) {
    if (value.size() < 2 || value[0] != '@') return false;
    const auto dot = value.find('.', 1);
    ref.step = value.substr(1, dot == std::string::npos ? std::string::npos : dot - 1);
    ref.key = dot == std::string::npos ? "output" : value.substr(dot + 1);
    return true;
}

std::string under(const std::string& out_dir, const std::string& path) {
    if (io::is_data_source_name(path)) return path;  // a database output (issue #16) lives where it says
    return std::filesystem::path(path).is_absolute() ? path : (std::filesystem::path(out_dir) / path).string();
}

// --- Content checks: CSV headers and vector layers, before anything runs. ---

const std::string* arg_value(const Step& s, const std::string& key) {
    for (const auto& a : s.args)
        if (a.key == key && !a.flag) return &a.value;
    return nullptr;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// (option, name) pairs: the names that option gives, split at commas when it is a list.
struct NameUse {
    std::string option;
    std::string name;
};

void add_names(const Step& s, const std::string& option, bool list, std::vector<NameUse>& out) {
    const std::string* v = arg_value(s, option);
    if (!v || v->empty() || v->front() == '@') return;
    if (list)
        for (const auto& item : split_list(*v)) out.push_back({option, item});
    else
        out.push_back({option, *v});
}

// Columns of the CSV input `key` that the step's options name.
std::vector<NameUse> csv_columns_used(const Step& s, const std::string& key) {
    std::vector<NameUse> used;
    if (key == "data") {
        if (s.run == "map") {
            add_names(s, "data-id", false, used);
            add_names(s, "field", false, used);
            add_names(s, "facet", false, used);
        } else if (s.run == "indicators") {
            add_names(s, "id", false, used);
            if (const auto* r = arg_value(s, "rollup"); r && *r != "nuts") add_names(s, "rollup", false, used);
        } else if (s.run == "crosswalk apply") {
            add_names(s, "id", false, used);
            add_names(s, "extensive", true, used);
            // --intensive takes COLUMN:DENOMINATOR: both are columns (issue #18).
            std::vector<NameUse> intensive;
            add_names(s, "intensive", true, intensive);
            for (const auto& u : intensive) {
                const auto colon = u.name.find(':');
                used.push_back({u.option, u.name.substr(0, colon)});
                if (colon != std::string::npos) used.push_back({u.option, u.name.substr(colon + 1)});
            }
        } else if (s.run == "regionalise") {
            add_names(s, arg_value(s, "data-id") ? "data-id" : "id", false, used);
            if (const auto* t = arg_value(s, "threshold"))
                for (const auto& item : split_list(*t))
                    if (const auto ge = item.find(">="); ge != std::string::npos && ge > 0) used.push_back({"threshold", item.substr(0, ge)});
        } else if (s.run == "classify") {
            add_names(s, "field", false, used);
        } else if (s.run == "segregation") {
            add_names(s, "id", false, used);
            add_names(s, "group", true, used);
            add_names(s, "total", false, used);
            add_names(s, "within", false, used);
        }
    } else if (key == "points") {
        add_names(s, "x", false, used);
        add_names(s, "y", false, used);
        add_names(s, "weight", true, used);
        add_names(s, "by", false, used);
    } else if (key == "reference" || key == "parents") {  // compare
        add_names(s, "id", false, used);
        add_names(s, "columns", true, used);
    } else if (key == "grid-table") {
        add_names(s, "cell-id", false, used);
        add_names(s, "value", true, used);
    }
    return used;
}

// Fields of the vector input `key` that the step's options name.
std::vector<NameUse> vector_fields_used(const Step& s, const std::string& key) {
    std::vector<NameUse> used;
    if (key == "regions") {
        add_names(s, (s.run == "indicators" || s.run == "segregation") && arg_value(s, "regions-id") ? "regions-id" : "id", false, used);
    } else if (key == "layer") {
        add_names(s, "id", false, used);
        add_names(s, "name", false, used);
        if (!arg_value(s, "data")) add_names(s, "field", false, used);
    } else if (key == "from" || key == "to") {
        add_names(s, key + "-id", false, used);
        add_names(s, key + "-name", false, used);
    } else if (key == "grid-layer") {
        add_names(s, "value", true, used);
    } else if (key == "outline") {
        add_names(s, "outline-id", false, used);
        add_names(s, "outline-label", false, used);
    } else if (key == "units") {
        if (s.run == "degurba") {
            add_names(s, "unit-id", false, used);
            add_names(s, "unit-name", false, used);
        } else {
            add_names(s, "id", false, used);
            add_names(s, "within", false, used);
        }
    }
    return used;
}

// The columns of a delimited text file (plain or gzip), read by the rule of
// every CSV reader (io::parse_csv_header, with the step's --delimiter and
// --encoding; a spreadsheet's "sep=" line honoured). nullopt: empty file;
// throws regio::Error for a header the step would refuse.
std::optional<std::vector<std::string>> csv_header(const std::string& path, const Step& s) {
    io::TextFile in(path);
    std::string data;
    char chunk[65536];
    std::size_t got = sizeof chunk;
    io::TextOptions options;
    if (const std::string* named = arg_value(s, "delimiter")) options.delimiter = io::parse_delimiter(*named);
    if (const std::string* named = arg_value(s, "encoding"); named && !io::is_utf8_name(*named)) options.encoding = *named;
    std::size_t pos = 0;
    std::int64_t line_number = 1;
    while (true) {
        std::size_t end = io::find_record_end(std::string_view(data).substr(pos));
        while (pos + end == data.size() && got == sizeof chunk) {  // the record may go on: read more
            got = in.read(chunk, sizeof chunk);
            data.append(chunk, got);
            end = io::find_record_end(std::string_view(data).substr(pos));
        }
        std::string_view line = std::string_view(data).substr(pos, end);
        if (pos == 0) line = io::strip_bom(line);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() && pos + end >= data.size()) return std::nullopt;
        pos += end + 1;
        if (line.empty()) {
            ++line_number;
            continue;
        }
        if (const auto sep = io::separator_line(line)) {
            if (!options.delimiter) options.delimiter = *sep;
            ++line_number;
            continue;
        }
        return io::parse_csv_header(line, options, path, line_number).columns;
    }
}

void check_csv_input(const Step& s, const std::string& key, const std::string& path, const std::string& who,
                     std::vector<std::string>& problems) {
    const std::vector<NameUse> used = csv_columns_used(s, key);
    if (used.empty()) return;
    std::optional<std::vector<std::string>> header;
    try {
        header = csv_header(path, s);
    } catch (const Error& e) {
        problems.push_back(who + ": " + key + " file: " + e.what());
        return;
    }
    if (!header) {
        problems.push_back(who + ": " + key + " file '" + path + "' has no header line");
        return;
    }
    const bool any_case = key == "points";  // the point reader also matches columns case-insensitively
    std::string list;
    for (const auto& c : *header) list += (list.empty() ? "" : ", ") + c;
    for (const auto& u : used) {
        const bool found = std::any_of(header->begin(), header->end(), [&](const std::string& c) {
            return c == u.name || (any_case && strcasecmp(c.c_str(), u.name.c_str()) == 0);
        });
        if (!found)
            problems.push_back(who + ": " + u.option + " names column '" + u.name + "', which is not in " + key + " file '" + path +
                               "' (columns: " + list + ")");
    }
}

void check_vector_input(const Step& s, const std::string& key, const std::string& value, const std::string& who,
                        std::vector<std::string>& problems) {
    // The layer may be named apart (--regions-layer and the like, issue #16).
    std::string layer_option;
    if (const auto companion = kLayerKeys.find(key); companion != kLayerKeys.end())
        if (const std::string* named = arg_value(s, companion->second)) layer_option = *named;
    const io::InputSpec spec = io::InputSpec::parse(value, layer_option);
    try {
        io::ensure_gdal();
        io::CplErrorCapture capture;
        io::DatasetPtr ds = io::open_vector(spec.path);
        OGRLayer& layer = io::select_layer(*ds, spec.path, spec.layer);
        const Where where{spec.path, layer.GetName()};
        for (const auto& u : vector_fields_used(s, key)) {
            try {
                io::find_field(layer, u.name, where);
            } catch (const Error& e) {
                problems.push_back(who + ": " + u.option + " names field '" + u.name + "', which is not in " + key + ": " + e.what());
            }
        }
        if (!layer.GetSpatialRef())
            problems.push_back(who + ": " + key + " layer '" + spec.display() + "' has no CRS");
    } catch (const Error& e) {
        problems.push_back(who + ": " + key + ": " + e.what());
    }
}

void check_input_content(const Step& s, const Arg& a, const std::string& who, std::vector<std::string>& problems) {
    static const std::set<std::string> kVectorKeys = {"regions", "layer", "from", "to", "units", "grid-layer", "outline"};
    const std::string path = io::InputSpec::parse(a.value).path;
    if (std::filesystem::is_directory(path)) return;
    const bool csv = io::is_text_table_name(path);
    if (csv && (a.key == "data" || a.key == "points" || a.key == "grid-table" || a.key == "reference" || a.key == "parents"))
        check_csv_input(s, a.key, path, who, problems);
    else if (kVectorKeys.count(a.key)) check_vector_input(s, a.key, a.value, who, problems);
}

}  // namespace

bool is_output_key(const std::string& key) { return kOutputKeys.count(key) > 0; }

Pipeline load_pipeline(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IoError("no such pipeline file", Where{path});
    toml::table t = parse_toml_file(path);
    Pipeline p;
    p.path = path;
    if (const auto* head = t["pipeline"].as_table()) {
        p.name = (*head)["name"].value_or(std::string());
        p.out_dir = (*head)["out"].value_or(std::string("out"));
        if (const auto* allow = (*head)["allow_outside"].node()) {
            const Where where{path, {}, static_cast<std::int64_t>(allow->source().begin.line), {}, "allow_outside"};
            const auto* dirs = allow->as_array();
            if (!dirs) throw ConfigError("allow_outside must be an array of absolute directories", where);
            for (const auto& dir : *dirs) {
                const auto text = dir.value<std::string>();
                if (!text || !std::filesystem::path(*text).is_absolute())
                    throw ConfigError("allow_outside must list absolute directories", where);
                if (!std::filesystem::is_directory(*text))
                    throw ConfigError("allow_outside: '" + *text + "' is not an existing directory", where);
                p.allow_outside.push_back(*text);
            }
        }
    } else {
        p.out_dir = "out";
    }
    const auto* steps = t["step"].as_array();
    if (!steps || steps->empty()) throw ConfigError("no [[step]] entries", Where{path});
    for (const auto& node : *steps) {
        const auto* s = node.as_table();
        const auto line = static_cast<std::int64_t>(node.source().begin.line);
        if (!s) throw ConfigError("a [[step]] must be a table", Where{path, {}, line});
        Step step;
        step.line = line;
        step.name = (*s)["name"].value_or(std::string());
        step.run = (*s)["run"].value_or(std::string());
        for (const auto& [key, value] : *s) {
            const std::string k(key.str());
            if (k != "name" && k != "run" && k != "args")
                throw ConfigError("unknown key '" + k + "' in a step (name, run, args)", Where{path, {}, line});
        }
        if (const auto* args = (*s)["args"].as_table())
            for (const auto& [key, value] : *args) {
                const Where where{path, {}, static_cast<std::int64_t>(value.source().begin.line), {}, std::string(key.str())};
                if (const auto b = value.value_exact<bool>()) {  // not value<bool>(): it reads 2 as true
                    if (*b) step.args.push_back({std::string(key.str()), "true", true});
                    continue;
                }
                step.args.push_back({std::string(key.str()), value_text(value, where), false});
            }
        p.steps.push_back(std::move(step));
    }
    return p;
}

std::vector<std::string> check_pipeline(const Pipeline& p, const std::string& out_dir) {
    std::vector<std::string> problems;
    std::map<std::string, std::size_t> index;
    std::map<std::string, std::string> written;  // path -> step
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
        const Step& s = p.steps[i];
        const std::string who = "step " + (s.name.empty() ? "#" + std::to_string(i + 1) : s.name) + " (line " + std::to_string(s.line) + ")";
        if (s.name.empty()) problems.push_back(who + ": has no name");
        else if (!index.emplace(s.name, i).second) problems.push_back(who + ": the name '" + s.name + "' is used twice");
        if (!kCommands.count(s.run)) problems.push_back(who + ": unknown command '" + s.run + "'");
        for (const auto& a : s.args) {
            // A step's stdin and stdout are not the user's, and the pre-run
            // check would read an input a second time (issue #18 item 8).
            if (a.value == "-" && (kInputKeys.count(a.key) || is_output_key(a.key))) {
                problems.push_back(who + ": " + a.key + " '-' (standard input or output) cannot be used in a pipeline; name a file");
                continue;
            }
            Reference ref;
            if (parse_reference(a.value, ref)) {
                const auto it = index.find(ref.step);
                if (it == index.end() || it->second >= i) {
                    problems.push_back(who + ": " + a.key + " refers to '" + ref.step + "', which is not an earlier step");
                    continue;
                }
                const Step& source = p.steps[it->second];
                const bool has = std::any_of(source.args.begin(), source.args.end(), [&](const Arg& x) { return x.key == ref.key; });
                if (!has || !is_output_key(ref.key))
                    problems.push_back(who + ": " + a.key + " refers to '" + ref.step + "." + ref.key + "', which that step does not write");
            } else if (kInputKeys.count(a.key)) {
                const std::string file = io::InputSpec::parse(a.value).path;
                // A database or other data source is checked by opening it.
                if (io::is_data_source_name(file)) check_input_content(s, a, who, problems);
                else if (!std::filesystem::exists(file)) problems.push_back(who + ": " + a.key + " file '" + file + "' does not exist");
                else check_input_content(s, a, who, problems);
            }
        }
        for (const auto& [key, path] : step_outputs(s, out_dir)) {
            std::string written_key = std::filesystem::path(path).lexically_normal().string();
            if (io::is_data_source_name(path)) {
                // A database table: checked like an input, by opening the database (issue #16).
                const std::string* table = arg_value(s, key == "gpkg" ? "gpkg-layer" : "output-layer");
                try {
                    io::check_table_destination({path, table ? *table : std::string(), {}});
                } catch (const Error& e) {
                    problems.push_back(who + ": " + key + ": " + io::redact_secrets(e.what()));
                }
                written_key = io::redact_secrets(path) + " table " + (table ? *table : std::string());
            }
            const auto [it, fresh] = written.emplace(written_key, s.name);
            if (!fresh) problems.push_back(who + ": " + key + " '" + path + "' is also written by step " + it->second);
        }
    }
    return problems;
}

std::vector<std::pair<std::string, std::string>> step_outputs(const Step& step, const std::string& out_dir) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& a : step.args)
        if (is_output_key(a.key)) out.emplace_back(a.key, under(out_dir, a.value));
    return out;
}

std::vector<std::string> step_inputs(const Step& step) {
    std::vector<std::string> out;
    Reference ref;
    for (const auto& a : step.args)
        if (kInputKeys.count(a.key) && !parse_reference(a.value, ref)) out.push_back(io::InputSpec::parse(a.value).path);
    return out;
}

std::vector<std::string> command_line(const Pipeline& p, const Step& step, const std::string& out_dir) {
    std::vector<std::string> argv;
    for (std::size_t start = 0; start < step.run.size();) {
        const auto space = step.run.find(' ', start);
        argv.push_back(step.run.substr(start, space == std::string::npos ? std::string::npos : space - start));
        if (space == std::string::npos) break;
        start = space + 1;
    }
    // The atlas publishes the run it is part of: its input is the output directory.
    if (step.run == "atlas") argv.push_back(out_dir);
    for (const auto& a : step.args) {
        const std::string option = "--" + a.key;
        if (a.flag) {
            argv.push_back(option);
            continue;
        }
        std::string value = a.value;
        Reference ref;
        if (parse_reference(value, ref)) {
            for (const Step& s : p.steps)
                if (s.name == ref.step)
                    for (const auto& [key, path] : step_outputs(s, out_dir))
                        if (key == ref.key) value = path;
        } else if (is_output_key(a.key)) {
            value = under(out_dir, value);
        }
        if (a.key == "crosswalks" || a.key == "_") {  // positional arguments
            argv.push_back(value);
            continue;
        }
        argv.push_back(option);
        argv.push_back(value);
    }
    return argv;
}

}  // namespace regio::pipeline
