#include "regio/atlas/site_context.hpp"

#include "regio/render/facets.hpp"

namespace regio::atlas {

namespace mu = kainjow::mustache;

std::string SiteContext::number_text(const Series& series, double value) const {
    std::string text = format_number(value, 1, lang);
    if (series.unit == "%") text += lang == Language::German ? " %" : "%";
    else if (series.unit == "pp") text += lang == Language::German ? " Pp." : " pp";
    return text;
}

std::string SiteContext::change_text(const Series& series, double change) const {
    std::string text = format_number(change, 1, lang);
    if (text[0] != '-' && text != format_number(0, 1, lang)) text = "+" + text;
    if (series.unit == "%" || series.unit == "pp") text += lang == Language::German ? " Pp." : " pp";
    return text;
}

std::string SiteContext::value_text(const Series& series, const Cell* cell) const {
    if (cell && cell->value) return number_text(series, *cell->value);
    if (cell && render::is_confidential_flag(cell->flag)) return w("confidential");
    return w("no_data");
}

std::string SiteContext::group_label(const Series& series) const {
    std::string g = series.group;
    for (char& c : g)
        if (c == '_') c = ' ';
    return g;
}

const Cell* SiteContext::cell(std::size_t series, const std::string& region) const {
    const auto& cells = table->series[series].cells;
    const auto it = cells.find(region);
    return it == cells.end() ? nullptr : &it->second;
}

bool SiteContext::has_previous(std::size_t series) const {
    return previous && previous->count(table->series[series].key()) > 0;
}

std::optional<double> SiteContext::change(std::size_t series, const std::string& region) const {
    if (!has_previous(series)) return std::nullopt;
    const Cell* now = cell(series, region);
    if (!now || !now->value) return std::nullopt;
    const Series& before = previous->at(table->series[series].key());
    const auto it = before.cells.find(region);
    if (it != before.cells.end() && it->second.value) return *now->value - *it->second.value;
    return std::nullopt;
}

PageData common_data(const SiteContext& site, const std::string& page_title, const std::string& root) {
    PageData d;
    d.set("lang", language_code(site.lang));
    d.set("site_title", site.title);
    d.set("page_title", page_title);
    d.set("root", root);
    d.set("version", site.run->regio_version.substr(0, site.run->regio_version.find('\n')));
    d.set("pipeline", site.run->pipeline_name);
    PageData words;
    for (const char* key : {"atlas", "indicators", "indicator", "regions", "region", "method", "downloads", "file", "size", "sources",
                            "value", "numerator", "denominator", "flag", "class", "rank", "rank_in_parent", "legend", "distribution",
                            "table", "definition", "footnotes", "change", "neighbours", "locator", "profile", "city", "segregation",
                            "validation", "crosswalk", "disclosure", "software", "inputs", "checksum", "what", "where", "when", "skip",
                            "map_alt", "sort_hint"})
        words.set(key, site.w(key));
    d.set("w", words);
    mu::data sources{mu::data::type::list};
    for (const auto& s : site.sources) sources.push_back(s);
    d.set("sources", sources);
    d.set("has_segregation", site.run->segregation.has_value());
    d.set("has_validation", site.run->validation.has_value());
    return d;
}

}  // namespace regio::atlas
