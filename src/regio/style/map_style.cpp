#include "regio/style/map_style.hpp"

#include "regio/classify/method.hpp"
#include "regio/error.hpp"
#include "regio/style/palette.hpp"
#include "regio/style/categories_toml.hpp"
#include "regio/toml_input.hpp"

#include <cmath>
#include <filesystem>
#include <set>

namespace regio::style {
namespace {

bool is_colour(const std::string& s) { return is_hex_colour(s); }

std::int64_t line_of(const toml::node& node) { return static_cast<std::int64_t>(node.source().begin.line); }

// [xmin, ymin, xmax, ymax] in the map CRS, a box that is not empty.
geometry::Box parse_box(const toml::node& node, const std::string& path, const std::string& key) {
    const auto* array = node.as_array();
    std::vector<double> v;
    if (array)
        for (const auto& x : *array)
            if (const auto d = x.value<double>(); d && std::isfinite(*d)) v.push_back(*d);
    if (!array || array->size() != 4 || v.size() != 4 || v[0] >= v[2] || v[1] >= v[3])
        throw ConfigError("'" + key + "' must be [xmin, ymin, xmax, ymax] with xmin < xmax and ymin < ymax (in the map's CRS)",
                          Where{path, {}, line_of(node), {}, key});
    return geometry::Box{v[0], v[1], v[2], v[3]};
}

// [[insets]] blocks: label, ids (prefixes), optional extent.
std::vector<MapInset> parse_insets(const toml::node& node, const std::string& path) {
    const auto* array = node.as_array();
    if (!array) throw ConfigError("'insets' must be [[insets]] tables", Where{path, {}, line_of(node), {}, "insets"});
    std::vector<MapInset> insets;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string name = "insets[" + std::to_string(i + 1) + "]";
        const auto* t = (*array)[i].as_table();
        if (!t) throw ConfigError("'" + name + "' must be a table", Where{path, {}, line_of((*array)[i]), {}, "insets"});
        for (const auto& [key, value] : *t)
            if (key.str() != "label" && key.str() != "ids" && key.str() != "extent")
                throw ConfigError("unknown key '" + std::string(key.str()) + "' (an inset has label, ids and extent)",
                                  Where{path, {}, static_cast<std::int64_t>(key.source().begin.line), {}, name + "." + std::string(key.str())});
        MapInset inset;
        const auto label = (*t)["label"].value<std::string>();
        if (!label || label->empty())
            throw ConfigError("'" + name + ".label' must be a non-empty string", Where{path, {}, line_of(*t), {}, name + ".label"});
        inset.label = *label;
        const auto* ids = (*t)["ids"].as_array();
        if (ids)
            for (const auto& id : *ids)
                if (const auto v = id.value<std::string>(); v && !v->empty()) inset.ids.push_back(*v);
        if (!ids || ids->empty() || inset.ids.size() != ids->size())
            throw ConfigError("'" + name + ".ids' must be a non-empty array of region id prefixes (strings)",
                              Where{path, {}, line_of(*t), {}, name + ".ids"});
        if (const auto* extent = t->get("extent")) inset.extent = parse_box(*extent, path, name + ".extent");
        insets.push_back(std::move(inset));
    }
    // A region whose id starts with prefixes of two insets would belong to
    // both: refuse it here, before any data are read.
    for (std::size_t a = 0; a < insets.size(); ++a)
        for (std::size_t b = a + 1; b < insets.size(); ++b)
            for (const auto& pa : insets[a].ids)
                for (const auto& pb : insets[b].ids)
                    if (pa.starts_with(pb) || pb.starts_with(pa))
                        throw ConfigError("insets '" + insets[a].label + "' (" + pa + ") and '" + insets[b].label + "' (" + pb +
                                              ") overlap: a region id starting with '" + (pa.size() >= pb.size() ? pa : pb) +
                                              "' would be in both",
                                          Where{path, {}, {}, {}, "insets"});
    return insets;
}

}  // namespace

MapStyleFile load_map_style(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IoError("no such style file", Where{path});
    toml::table t = parse_toml_file(path);
    static const std::set<std::string> kKeys = {"palette", "reverse", "method", "classes", "breaks", "center",
                                                "nodata_color", "nodata_label", "confidential_color", "confidential_label",
                                                "border_color", "border_width",
                                                "font", "width", "height", "legend_title", "source", "description",
                                                "extent", "insets", "categories"};
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
    text("confidential_color", s.confidential_color);
    text("confidential_label", s.confidential_label);
    text("border_color", s.border_color);
    text("font", s.font);
    text("legend_title", s.legend_title);
    text("source", s.source);
    if (t.contains("reverse")) {
        const auto v = t["reverse"].value_exact<bool>();  // value<bool>() would read 1 as true
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
    for (const auto& [key, c] : {std::pair{"nodata_color", &s.nodata_color}, std::pair{"confidential_color", &s.confidential_color},
                                 std::pair{"border_color", &s.border_color}})
        if (*c && !is_colour(**c))
            throw ConfigError("'" + **c + "' is not a colour #RRGGBB", Where{path, {}, {}, {}, key});
    if (const auto* extent = t.get("extent")) s.extent = parse_box(*extent, path, "extent");
    if (const auto* insets = t.get("insets")) s.insets = parse_insets(*insets, path);
    if (const auto* categories = t.get("categories")) s.categories = parse_categories(*categories, path);
    try {
        if (s.method) (void)classify::parse_method(*s.method);
        if (s.palette) (void)kind_of(*s.palette);
    } catch (const Error& e) {
        throw ConfigError(e.message(), Where{path});
    }
    return s;
}

}  // namespace regio::style
