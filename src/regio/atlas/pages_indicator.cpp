// One page per indicator series: the map (a link per region, tooltips from
// the table row), legend, distribution, the sortable table that is the map's
// accessible alternative, footnotes for flagged values and the definition.
#include "regio/atlas/site_context.hpp"

#include "regio/render/choropleth_plan.hpp"
#include "regio/render/facets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace regio::atlas {

namespace mu = kainjow::mustache;

namespace {

std::string sort_key(double v) { return fmt::format("{}", v); }

std::string flag_word(const SiteContext& site, const std::string& flag) {
    if (flag == "ok" || flag == "suppressed" || flag == "zero_denominator" || flag == "no_data" || flag == "perturbed")
        return site.w("flag_" + flag);
    return flag;
}

}  // namespace

std::string indicator_page(const SiteContext& site, const Templates& templates, std::size_t index) {
    const Series& series = site.table->series[index];
    const SeriesClasses& classes = site.classes[index];
    const RegionMaps& maps = *site.maps;
    PageData d = common_data(site, series.label + " · " + site.group_label(series), "../");
    d.set("label", series.label);
    d.set("group_label", site.group_label(series));
    d.set("definition", series.definition);
    d.set("width", std::to_string(maps.width));
    d.set("height", std::to_string(maps.height));
    d.set("hatch", hatch_pattern_svg(classes.confidential_color));
    d.set("caption", series.label + " (" + site.group_label(series) + "); " + std::to_string(maps.ids.size()) + " " + site.w("regions_counted"));
    d.set("method_note", classes.method_note);
    const bool has_change = site.has_previous(index);
    d.set("has_change", has_change);

    // Footnotes: one per flag other than ok that occurs, numbered in order.
    std::map<std::string, std::size_t> flag_counts;
    for (const auto& id : maps.ids)
        if (const Cell* c = site.cell(index, id); c && c->flag != "ok") ++flag_counts[c->flag];
    std::map<std::string, std::size_t> note_of;
    mu::data footnotes{mu::data::type::list};
    for (const auto& [flag, count] : flag_counts) {
        note_of[flag] = note_of.size() + 1;
        PageData f;
        f.set("number", std::to_string(note_of[flag]));
        f.set("text", flag + ": " + flag_word(site, flag));
        f.set("count", std::to_string(count));
        footnotes.push_back(f);
    }
    d.set("footnotes", footnotes);
    d.set("has_footnotes", !flag_counts.empty());

    mu::data regions{mu::data::type::list};
    mu::data rows{mu::data::type::list};
    std::vector<double> values;
    const auto& ranks = site.ranks[index];
    for (std::size_t r = 0; r < maps.ids.size(); ++r) {
        const std::string& id = maps.ids[r];
        const Cell* c = site.cell(index, id);
        const std::string value_text = site.value_text(series, c);
        const int k = classes.region_class[r];
        const std::string class_label = k >= 0 ? classes.labels[static_cast<std::size_t>(k)]
                                        : k == render::kConfidentialClass ? site.w("confidential") : site.w("no_data");
        if (!maps.paths[r].empty()) {
            PageData g;
            g.set("id", id);
            g.set("file", file_stem(id));
            g.set("name", maps.names[r]);
            g.set("value_text", value_text);
            g.set("fill", classes.fill(r));
            g.set("d", maps.paths[r]);
            regions.push_back(g);
        }
        PageData row;
        row.set("id", id);
        row.set("file", file_stem(id));
        row.set("name", maps.names[r]);
        row.set("value_text", value_text);
        row.set("sort", c && c->value ? sort_key(*c->value) : "");
        const auto rank = ranks.find(id);
        row.set("rank", rank == ranks.end() ? "" : std::to_string(rank->second));
        row.set("numerator", c ? c->numerator : "");
        row.set("denominator", c ? c->denominator : "");
        const std::string flag = c ? c->flag : "no_data";
        row.set("flag", flag);
        row.set("flag_text", flag);
        row.set("note", note_of.count(flag) ? std::to_string(note_of[flag]) : "");
        row.set("has_note", note_of.count(flag) > 0);
        row.set("class_label", class_label);
        row.set("class_sort", k >= 0 ? std::to_string(k + 1) : "");
        if (has_change) {
            const auto change = site.change(index, id);
            row.set("change_text", change ? site.change_text(series, *change) : "");
            row.set("change_sort", change ? sort_key(*change) : "");
        }
        rows.push_back(row);
        if (c && c->value) values.push_back(*c->value);
    }
    d.set("regions", regions);
    d.set("rows", rows);

    // Legend and distribution: the classes with their counts, then no data
    // and confidential when there are any (choropleth.md §5.2).
    mu::data legend{mu::data::type::list};
    const std::size_t total = std::max<std::size_t>(1, maps.ids.size());
    const auto add = [&](const std::string& label, const std::string& color, const std::string& swatch, std::size_t count) {
        PageData item;
        item.set("label", label);
        item.set("color", color);
        item.set("swatch_class", swatch);
        item.set("count", std::to_string(count));
        item.set("percent", fmt::format("{:.1f}", 100.0 * static_cast<double>(count) / static_cast<double>(total)));
        legend.push_back(item);
    };
    for (std::size_t k = 0; k < classes.colors.size(); ++k) add(classes.labels[k], classes.colors[k], "", classes.counts[k]);
    if (classes.nodata) add(site.w("no_data"), classes.nodata_color, "", classes.nodata);
    if (classes.confidential) add(site.w("confidential"), classes.confidential_color, "hatch", classes.confidential);
    d.set("legend", legend);

    mu::data stats{mu::data::type::list};
    if (!values.empty()) {
        std::sort(values.begin(), values.end());
        const double median = values.size() % 2 ? values[values.size() / 2] : (values[values.size() / 2 - 1] + values[values.size() / 2]) / 2;
        const std::pair<const char*, double> items[] = {{"min", values.front()}, {"median", median}, {"max", values.back()}};
        for (const auto& [key, v] : items) {
            PageData s;
            s.set("name", site.w(key));
            s.set("value", site.number_text(series, v));
            s.set("last", false);
            stats.push_back(s);
        }
        PageData n;
        n.set("name", site.w("regions_with_value"));
        n.set("value", std::to_string(values.size()) + " / " + std::to_string(maps.ids.size()));
        n.set("last", true);
        stats.push_back(n);
    }
    d.set("stats", stats);
    d.set("definition_text", series.label + (series.definition.empty() ? "" : " — " + series.definition) +
                                 (series.unit.empty() ? "" : " (" + series.unit + ")") + "; " + site.w("indicator") + " '" + series.indicator +
                                 "', group '" + series.group + "'.");
    return templates.render("indicator", d);
}

}  // namespace regio::atlas
