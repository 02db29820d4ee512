#include "regio/atlas/site_templates.hpp"

#include "regio/error.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace regio::atlas {
namespace {

const char* const kTemplates[] = {"head", "foot", "index", "indicator", "region", "regions", "method", "table"};
const char* const kAssets[] = {"atlas.css", "atlas.js"};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("missing atlas template", Where{path.string()}, "the templates live in styles/atlas/ (or give --templates DIR)");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

Templates::Templates(const std::string& dir) : m_dir(dir) {
    for (const char* name : kTemplates) {
        const fs::path path = fs::path(dir) / (std::string(name) + ".mustache");
        m_text[name] = read_text(path);
        kainjow::mustache::mustache parsed(m_text[name]);
        if (!parsed.is_valid()) throw ConfigError("template does not parse: " + parsed.error_message(), Where{path.string()});
        m_parsed.emplace(name, std::move(parsed));
    }
    for (const char* name : kAssets) m_text[name] = read_text(fs::path(dir) / name);
}

std::string Templates::render(const std::string& name, PageData data) const {
    const std::string& head = m_text.at("head");
    const std::string& foot = m_text.at("foot");
    data.set("head", kainjow::mustache::partial([&head] { return head; }));
    data.set("foot", kainjow::mustache::partial([&foot] { return foot; }));
    auto& page = m_parsed.at(name);
    std::string html = page.render(data);
    if (!page.is_valid()) throw ConfigError("template failed: " + page.error_message(), Where{(fs::path(m_dir) / (name + ".mustache")).string()});
    return html;
}

const std::string& Templates::asset(const std::string& name) const { return m_text.at(name); }

std::string find_templates(const std::string& requested) {
    if (!requested.empty()) return requested;
    if (fs::exists("styles/atlas/index.mustache")) return "styles/atlas";
    // An installed regio (bin/regio) finds them under share/regio/styles.
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "regio" / "styles" / "atlas";
        if (fs::exists(installed / "index.mustache", ec)) return installed.string();
    }
#ifdef REGIO_ATLAS_TEMPLATES
    return REGIO_ATLAS_TEMPLATES;  // the source tree of this build
#else
    return "styles/atlas";
#endif
}

}  // namespace regio::atlas
