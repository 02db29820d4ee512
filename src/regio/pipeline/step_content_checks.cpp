// The content checks of a step's existing inputs: the CSV columns and vector
// fields its options name, the layers and their CRS. Which option names which
// column is per-command knowledge, kept here; which options are inputs comes
// from the command catalog.
#include "regio/pipeline/step_content_checks.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"
#include "regio/io/csv_header.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/text_input.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <strings.h>

namespace regio::pipeline {

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

namespace {

// (option, name) pairs: the names that option gives, split at commas when it is a list.
struct NameUse {
    std::string option;
    std::string name;
};

// Columns (of a CSV input) or fields (of a vector input) of input `key` that
// the step's options name, as the command declares them (OptionInfo::
// names_columns, from the registry).
std::vector<NameUse> columns_used(const CommandInfo& command, const Step& s, const std::string& key) {
    std::vector<NameUse> used;
    for (const OptionInfo& option : command.options)
        for (const options::ColumnUse& use : option.names_columns) {
            if (use.input != key) continue;
            if (!use.unless_given.empty() && arg_value(s, use.unless_given)) continue;
            const std::string* v = arg_value(s, option.name);
            if (!v || v->empty() || v->front() == '@') continue;
            if (!use.unless_value.empty() && *v == use.unless_value) continue;
            switch (use.form) {
            case options::NameForm::Single: used.push_back({option.name, *v}); break;
            case options::NameForm::List:
                for (const auto& item : split_list(*v)) used.push_back({option.name, item});
                break;
            case options::NameForm::Pairs:  // COLUMN:DENOMINATOR: both are columns (issue #18)
                for (const auto& item : split_list(*v)) {
                    const auto colon = item.find(':');
                    used.push_back({option.name, item.substr(0, colon)});
                    if (colon != std::string::npos) used.push_back({option.name, item.substr(colon + 1)});
                }
                break;
            case options::NameForm::Thresholds:  // NAME>=N
                for (const auto& item : split_list(*v))
                    if (const auto ge = item.find(">="); ge != std::string::npos && ge > 0)
                        used.push_back({option.name, item.substr(0, ge)});
                break;
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

void check_csv_input(const std::vector<NameUse>& used, const Step& s, const std::string& key, const std::string& path,
                     const std::string& who, std::vector<std::string>& problems) {
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

void check_vector_input(const std::vector<NameUse>& used, const Step& s, const std::string& key, const std::string& value,
                        const std::string& layer_key, const std::string& who, std::vector<std::string>& problems) {
    // The layer may be named apart (--regions-layer and the like, issue #16;
    // which option names it, the catalog says). The source text may hold
    // colons (a connection string, a /vsizip/ path).
    std::string layer_option;
    if (!layer_key.empty())
        if (const std::string* named = arg_value(s, layer_key)) layer_option = *named;
    const io::InputSpec spec = io::InputSpec::parse(value, layer_option);
    try {
        io::ensure_gdal();
        io::CplErrorCapture capture;
        io::DatasetPtr ds = io::open_vector(spec.path);
        OGRLayer& layer = io::select_layer(*ds, spec.path, spec.layer);
        const Where where{spec.path, layer.GetName()};
        for (const auto& u : used) {
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

}  // namespace

void check_input_content(const CommandInfo& command, const Step& s, const Arg& a, const std::string& layer_key,
                         const std::string& who, std::vector<std::string>& problems) {
    static const std::set<std::string> kVectorKeys = {"regions", "layer", "from", "to", "units", "grid-layer", "outline"};
    const std::string path = io::InputSpec::parse(a.value).path;
    if (std::filesystem::is_directory(path)) return;
    const std::vector<NameUse> used = columns_used(command, s, a.key);
    // A layer input may be a CSV too (WKT geometry): read it as a layer.
    if (kVectorKeys.count(a.key)) check_vector_input(used, s, a.key, a.value, layer_key, who, problems);
    else if (io::is_text_table_name(path) && !used.empty()) check_csv_input(used, s, a.key, path, who, problems);
}

}  // namespace regio::pipeline
