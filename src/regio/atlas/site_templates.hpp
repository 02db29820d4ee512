#pragma once
// The page templates of the atlas: Mustache files under styles/atlas/
// (kainjow::mustache, Debian libkainjow-mustache-dev), loaded at run time so
// that a statistics office can restyle its atlas without a rebuild. Every
// {{variable}} is HTML-escaped by the library; the templates use the
// unescaped form only for markup regio generates itself (the hatch pattern).
#include <kainjow/mustache.hpp>

#include <map>
#include <string>

namespace regio::atlas {

using PageData = kainjow::mustache::data;

class Templates {
public:
    // Loads head, foot and the page templates and the assets atlas.css and
    // atlas.js from `dir`. Throws ConfigError naming the file for a missing
    // file or a template that does not parse.
    explicit Templates(const std::string& dir);

    // Renders page template `name` (e.g. "indicator") with `data`; the
    // partials head and foot are available to every page.
    std::string render(const std::string& name, PageData data) const;
    [[nodiscard]] const std::string& asset(const std::string& name) const;
    [[nodiscard]] const std::string& dir() const { return m_dir; }

private:
    std::string m_dir;
    std::map<std::string, std::string> m_text;  // templates and assets by name
    mutable std::map<std::string, kainjow::mustache::mustache> m_parsed;
};

// Where the templates are: `requested` when given, else styles/atlas under
// the current directory, else the copy installed beside the sources
// (REGIO_ATLAS_TEMPLATES at build time).
std::string find_templates(const std::string& requested);

}  // namespace regio::atlas
