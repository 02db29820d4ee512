#include "regio/style/style_catalog.hpp"

#include "regio/error.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace regio::style {

std::vector<std::string> style_directories() {
    std::vector<fs::path> candidates{"styles"};
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "regio" / "styles");
#ifdef REGIO_STYLES_DIR
    candidates.emplace_back(REGIO_STYLES_DIR);
#endif
    std::vector<std::string> out;
    for (const auto& dir : candidates) {
        if (!fs::is_directory(dir, ec)) continue;
        const std::string text = dir.string();
        // The same directory reached twice (run from the checkout) is listed once.
        const bool seen = std::any_of(out.begin(), out.end(), [&](const std::string& d) { return fs::equivalent(d, dir, ec); });
        if (!seen) out.push_back(text);
    }
    return out;
}

std::vector<ShippedStyle> shipped_styles() {
    std::map<std::string, ShippedStyle> by_name;
    for (const auto& dir : style_directories()) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            const std::string name = file.stem().string();
            if (by_name.count(name)) continue;
            ShippedStyle style{name, file.string(), {}};
            try {
                style.description = toml::parse_file(file.string())["description"].value_or(std::string());
            } catch (const toml::parse_error&) {
                style.description = "(not a valid style file)";  // `--style` on it says where
            }
            by_name.emplace(name, std::move(style));
        }
    }
    std::vector<ShippedStyle> out;
    for (auto& [name, style] : by_name) out.push_back(std::move(style));
    return out;
}

std::string resolve_style(const std::string& name_or_path) {
    std::error_code ec;
    if (name_or_path.empty() || fs::exists(name_or_path, ec) || name_or_path.find('/') != std::string::npos ||
        (name_or_path.size() > 5 && name_or_path.ends_with(".toml")))
        return name_or_path;
    const auto styles = shipped_styles();
    for (const auto& style : styles)
        if (style.name == name_or_path) return style.path;
    std::string names;
    for (const auto& style : styles) names += (names.empty() ? "" : ", ") + style.name;
    throw UsageError("unknown style '" + name_or_path + "': give a style file or one of the shipped styles (" +
                         (names.empty() ? std::string("none found") : names) + ")",
                     {}, "regio styles lists them with where they were found");
}

}  // namespace regio::style
