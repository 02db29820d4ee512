#include "regio/style/map_style.hpp"

#include "regio/classify/method.hpp"
#include "regio/error.hpp"
#include "regio/style/palette.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <set>

namespace regio::style {
namespace {

bool is_colour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

}  // namespace

MapStyleFile load_map_style(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IoError("no such style file", Where{path});
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw ConfigError(std::string(e.description()), Where{path, {}, static_cast<std::int64_t>(e.source().begin.line)});
    }
    static const std::set<std::string> kKeys = {"palette", "reverse", "method", "classes", "breaks", "center",
                                                "nodata_color", "nodata_label", "border_color", "border_width",
                                                "font", "width", "height", "legend_title", "source", "description"};
    for (const auto& [key, value] : t)
        if (!kKeys.count(std::string(key.str())))
            throw ConfigError("unknown key '" + std::string(key.str()) + "'", Where{path, {}, static_cast<std::int64_t>(key.source().begin.line)});
    auto wrong = [&](const char* key, const char* type) {
        return ConfigError(std::string("'") + key + "' must be " + type, Where{path, {}, {}, {}, key});
    };
    MapStyleFile s;
    s.name = std::filesystem::path(path).stem().string();
    auto text = [&](const char* key, std::optional<std::string>& out) {
        if (!t.contains(key)) return;
        const auto v = t[key].value<std::string>();
        if (!v) throw wrong(key, "a string");
        out = *v;
    };
    text("palette", s.palette);
    text("method", s.method);
    text("nodata_color", s.nodata_color);
    text("nodata_label", s.nodata_label);
    text("border_color", s.border_color);
    text("font", s.font);
    text("legend_title", s.legend_title);
    text("source", s.source);
    if (t.contains("reverse")) {
        const auto v = t["reverse"].value<bool>();
        if (!v) throw wrong("reverse", "true or false");
        s.reverse = *v;
    }
    auto integer = [&](const char* key, auto& out, std::int64_t lo, std::int64_t hi) {
        if (!t.contains(key)) return;
        const auto v = t[key].value<std::int64_t>();
        if (!v || *v < lo || *v > hi) throw wrong(key, ("an integer from " + std::to_string(lo) + " to " + std::to_string(hi)).c_str());
        out = static_cast<std::remove_reference_t<decltype(*out)>>(*v);
    };
    integer("classes", s.classes, 1, 20);
    integer("width", s.width, 100, 10000);
    integer("height", s.height, 100, 10000);
    auto number = [&](const char* key, std::optional<double>& out) {
        if (!t.contains(key)) return;
        const auto v = t[key].value<double>();
        if (!v) throw wrong(key, "a number");
        out = *v;
    };
    number("center", s.center);
    number("border_width", s.border_width);
    if (t.contains("breaks")) {
        const auto* array = t["breaks"].as_array();
        if (!array) throw wrong("breaks", "an array of numbers");
        for (const auto& b : *array) {
            const auto v = b.value<double>();
            if (!v) throw wrong("breaks", "an array of numbers");
            s.breaks.push_back(*v);
        }
    }
    for (const auto& [key, c] : {std::pair{"nodata_color", &s.nodata_color}, std::pair{"border_color", &s.border_color}})
        if (*c && !is_colour(**c))
            throw ConfigError("'" + **c + "' is not a colour #RRGGBB", Where{path, {}, {}, {}, key});
    try {
        if (s.method) (void)classify::parse_method(*s.method);
        if (s.palette) (void)kind_of(*s.palette);
    } catch (const Error& e) {
        throw ConfigError(e.message(), Where{path});
    }
    return s;
}

}  // namespace regio::style
