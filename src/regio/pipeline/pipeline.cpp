#include "regio/pipeline/pipeline.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/pipeline/step_content_checks.hpp"
#include "regio/pipeline/step_option_checks.hpp"
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

std::string under(const std::string& out_dir, const std::string& path, Destination destination) {
    if (destination == Destination::DatabaseTable) return path;  // a database output (issue #16) lives where it says
    return std::filesystem::path(path).is_absolute() ? path : (std::filesystem::path(out_dir) / path).string();
}

// The option `key` of the step's command. A step whose command is unknown
// (reported as such) gets the option of that name of the first command that
// has one, so that its other problems (an output written twice) are reported too.
const OptionInfo* option_of(const CommandCatalog& catalog, const Step& step, const std::string& key) {
    if (const CommandInfo* command = catalog.find(step.run)) return command->option(key);
    for (const auto& command : catalog.commands())
        if (const OptionInfo* o = command.option(key)) return o;
    return nullptr;
}

bool is_input(const CommandCatalog& catalog, const Step& step, const std::string& key) {
    const OptionInfo* o = option_of(catalog, step, key);
    return o && o->kind == OptionKind::Input;
}

// A path as compared with others: absolute, "." and ".." resolved lexically.
std::string comparable(const std::string& path) { return std::filesystem::absolute(path).lexically_normal().string(); }

}  // namespace

bool is_output(const CommandCatalog& catalog, const Step& step, const std::string& key) {
    const OptionInfo* o = option_of(catalog, step, key);
    return o && o->kind == OptionKind::Output;
}

void resolve_inputs(Pipeline& p, const CommandCatalog& catalog) {
    for (auto& step : p.steps)
        for (auto& a : step.args) {
            Reference ref;
            if (a.flag || !is_input(catalog, step, a.key) || parse_reference(a.value, ref)) continue;
            // A shipped style is named, not a path (map --style rate).
            if (a.key == "style" && a.value.find('/') == std::string::npos && !a.value.ends_with(".toml")) continue;
            // "-" (standard input) is refused by the check, under its own name.
            if (a.value.empty() || a.value == "-" || std::filesystem::path(a.value).is_absolute() || io::is_data_source_name(a.value))
                continue;
            a.value = (std::filesystem::path(p.base_dir) / a.value).lexically_normal().string();
        }
}

Pipeline load_pipeline(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IoError("no such pipeline file", Where{path});
    toml::table t = parse_toml_file(path);
    Pipeline p;
    p.path = path;
    if (const auto* head = t["pipeline"].as_table()) {
        p.name = (*head)["name"].value_or(std::string());
        p.out_dir = (*head)["out"].value_or(std::string("out"));
        p.base_dir = (*head)["base"].value_or(std::string("."));
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
        p.base_dir = ".";
    }
    p.base_dir = (std::filesystem::path(path).parent_path() / p.base_dir).lexically_normal().string();
    if (p.base_dir == ".") p.base_dir.clear();
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
                const auto arg_line = static_cast<std::int64_t>(value.source().begin.line);
                const Where where{path, {}, arg_line, {}, std::string(key.str())};
                if (const auto b = value.value_exact<bool>()) {  // not value<bool>(): it reads 2 as true
                    if (*b) step.args.push_back({std::string(key.str()), "true", true, arg_line});
                    continue;
                }
                step.args.push_back({std::string(key.str()), value_text(value, where), false, arg_line});
            }
        p.steps.push_back(std::move(step));
    }
    return p;
}

std::vector<std::string> check_pipeline(const Pipeline& p, const CommandCatalog& catalog, const std::string& out_dir) {
    std::vector<std::string> problems;
    std::map<std::string, std::size_t> index;
    std::map<std::string, std::string> written;  // path -> step
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
        const Step& s = p.steps[i];
        const std::string who = "step " + (s.name.empty() ? "#" + std::to_string(i + 1) : s.name) + " (line " + std::to_string(s.line) + ")";
        if (s.name.empty()) problems.push_back(who + ": has no name");
        else if (!index.emplace(s.name, i).second) problems.push_back(who + ": the name '" + s.name + "' is used twice");
        const CommandInfo* command = catalog.find(s.run);
        if (!command) problems.push_back(who + ": unknown command '" + s.run + "'");
        else check_step_options(*command, s, who, problems);
        for (const auto& a : s.args) {
            // A step's stdin and stdout are not the user's, and the pre-run
            // check would read an input a second time (issue #18 item 8).
            if (!a.flag && a.value == "-" && (is_input(catalog, s, a.key) || is_output(catalog, s, a.key))) {
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
                if (!has || !is_output(catalog, source, ref.key))
                    problems.push_back(who + ": " + a.key + " refers to '" + ref.step + "." + ref.key + "', which that step does not write");
            } else if (is_input(catalog, s, a.key)) {
                const std::string file = io::InputSpec::parse(a.value).path;
                // A database or other data source is checked by opening it.
                const std::string& layer_key = option_of(catalog, s, a.key)->layer_option;
                // (An unknown command, reported above, names no columns.)
                if (io::is_data_source_name(file)) {
                    if (command) check_input_content(*command, s, a, layer_key, who, problems);
                } else if (!std::filesystem::exists(file)) {
                    problems.push_back(who + ": " + a.key + " file '" + file + "' does not exist");
                } else if (command) {
                    check_input_content(*command, s, a, layer_key, who, problems);
                }
            }
        }
        for (const auto& out : step_destinations(catalog, s, out_dir)) {
            std::string written_key = std::filesystem::path(out.path).lexically_normal().string();
            if (out.destination == Destination::DatabaseTable) {
                // A database table: checked like an input, by opening the database (issue #16).
                try {
                    io::check_table_destination({out.path, out.table, {}});
                } catch (const Error& e) {
                    problems.push_back(who + ": " + out.key + ": " + io::redact_secrets(e.what()));
                }
                written_key = io::redact_secrets(out.path) + " table " + out.table;
            }
            const auto [it, fresh] = written.emplace(written_key, s.name);
            if (!fresh) problems.push_back(who + ": " + out.key + " '" + out.path + "' is also written by step " + it->second);
        }
    }
    // An output that is an input (of this step or another): the step would
    // replace what it, or a later run, reads.
    std::map<std::string, std::string> read;  // comparable path -> "step NAME --key"
    for (const Step& s : p.steps)
        for (const auto& input : step_inputs(catalog, s)) read.emplace(comparable(input), "step " + s.name);
    for (std::size_t i = 0; i < p.steps.size(); ++i)
        for (const auto& out : step_destinations(catalog, p.steps[i], out_dir))
            // A database output is a table, compared with the input tables when
            // its command plans it (io::OutputPlan), not a path.
            if (out.destination == Destination::DatabaseTable) continue;
            else if (const auto it = read.find(comparable(out.path)); it != read.end())
                problems.push_back("step " + p.steps[i].name + " (line " + std::to_string(p.steps[i].line) + "): " + out.key + " '" +
                                   out.path + "' is an input of " + it->second + "; an output never replaces an input");
    return problems;
}

std::vector<StepOutput> step_destinations(const CommandCatalog& catalog, const Step& step, const std::string& out_dir) {
    std::vector<StepOutput> out;
    for (const auto& a : step.args) {
        if (a.flag || !is_output(catalog, step, a.key)) continue;
        const OptionInfo& option = *option_of(catalog, step, a.key);
        const Destination destination = destination_of(option, a.value);
        const std::string* table = destination == Destination::DatabaseTable ? arg_value(step, option.layer_option) : nullptr;
        out.push_back({a.key, under(out_dir, a.value, destination), destination, table ? *table : std::string()});
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> step_outputs(const CommandCatalog& catalog, const Step& step, const std::string& out_dir) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& o : step_destinations(catalog, step, out_dir)) out.emplace_back(o.key, o.path);
    return out;
}

std::vector<std::string> step_inputs(const CommandCatalog& catalog, const Step& step) {
    std::vector<std::string> out;
    Reference ref;
    for (const auto& a : step.args)
        if (!a.flag && is_input(catalog, step, a.key) && !parse_reference(a.value, ref)) out.push_back(io::InputSpec::parse(a.value).path);
    return out;
}

std::vector<std::string> command_line(const Pipeline& p, const CommandCatalog& catalog, const Step& step, const std::string& out_dir) {
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
                    for (const auto& [key, path] : step_outputs(catalog, s, out_dir))
                        if (key == ref.key) value = path;
        } else if (is_output(catalog, step, a.key)) {
            value = under(out_dir, value, destination_of(*option_of(catalog, step, a.key), value));
        }
        const OptionInfo* info = option_of(catalog, step, a.key);
        if (a.key == "_" || (info && info->positional)) {  // positional arguments
            argv.push_back(value);
            continue;
        }
        argv.push_back(option);
        argv.push_back(value);
    }
    return argv;
}

}  // namespace regio::pipeline
