// One page per region (area profile, after the ONS area reports): every
// indicator with its rank among all regions and within its parent, the value
// of all regions together, the change, the neighbours' values, a locator
// map and short generated sentences.
#include "regio/atlas/site_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::atlas {

namespace mu = kainjow::mustache;

namespace {

// Rank of `region` among the regions with the same parent.
std::optional<std::pair<std::size_t, std::size_t>> rank_in_parent(const SiteContext& site, std::size_t series, std::size_t region) {
    const std::string& parent = site.parents[region];
    if (parent.empty()) return std::nullopt;
    const Cell* own = site.cell(series, site.maps->ids[region]);
    if (!own || !own->value) return std::nullopt;
    std::size_t rank = 1, count = 0;
    for (std::size_t r = 0; r < site.maps->ids.size(); ++r) {
        if (site.parents[r] != parent) continue;
        const Cell* c = site.cell(series, site.maps->ids[r]);
        if (!c || !c->value) continue;
        ++count;
        if (*c->value > *own->value) ++rank;
    }
    return std::make_pair(rank, count);
}

}  // namespace

std::string region_page(const SiteContext& site, const Templates& templates, std::size_t region) {
    const RegionMaps& maps = *site.maps;
    const std::string& id = maps.ids[region];
    const std::string& name = maps.names[region];
    PageData d = common_data(site, name, "../");
    d.set("name", name);
    d.set("id", id);
    d.set("parent", site.parents[region]);
    d.set("has_parent", !site.parents[region].empty());
    d.set("width", std::to_string(maps.width));
    d.set("height", std::to_string(maps.height));
    d.set("d", maps.paths[region]);
    const geometry::Box& box = maps.boxes[region];
    const bool has_box = !box.empty();
    d.set("cx", fmt::format("{:.1f}", has_box ? (box.xmin + box.xmax) / 2 : 0.0));
    d.set("cy", fmt::format("{:.1f}", has_box ? (box.ymin + box.ymax) / 2 : 0.0));
    // A ring around small regions so that they can be found on the map.
    d.set("r", fmt::format("{:.1f}", has_box ? std::max(8.0, std::hypot(box.width(), box.height()) / 2 + 4) : 0.0));
    const bool has_change = site.has_any_previous();
    d.set("has_change", has_change);

    mu::data sentences{mu::data::type::list};
    mu::data rows{mu::data::type::list};
    const auto& neighbours = maps.neighbours[region];
    mu::data neighbour_rows{mu::data::type::list};
    for (std::size_t s = 0; s < site.table->series.size(); ++s) {
        const Series& series = site.table->series[s];
        const Cell* c = site.cell(s, id);
        PageData row;
        row.set("file", file_stem(series.key()));
        row.set("label", series.label);
        row.set("group_label", site.group_label(series));
        row.set("value_text", site.value_text(series, c));
        const auto rank = site.ranks[s].find(id);
        const std::size_t n = site.published[s];
        row.set("rank_text", rank == site.ranks[s].end() ? "" : fmt::format("{} / {}", rank->second, n));
        const auto in_parent = rank_in_parent(site, s, region);
        row.set("parent_rank_text", in_parent ? fmt::format("{} / {}", in_parent->first, in_parent->second) : "");
        const auto& overall = site.overall[s];
        row.set("city_text", overall ? site.number_text(series, *overall) : "");
        if (has_change) {
            const auto change = site.change(s, id);
            row.set("change_text", change ? site.change_text(series, *change) : "");
        }
        rows.push_back(row);
        if (rank != site.ranks[s].end()) {
            std::string sentence = fmt::format("{} ({}): {}, {} {} {} {}.", series.label, site.group_label(series), site.value_text(series, c),
                                               ordinal(rank->second, site.lang), site.w("highest_of"), n, site.w("regions_counted"));
            if (overall) sentence += fmt::format(" {}: {}.", site.w("city"), site.number_text(series, *overall));
            sentences.push_back(sentence);
        }
        PageData nrow;
        nrow.set("label", series.label);
        nrow.set("group_label", site.group_label(series));
        nrow.set("value_text", site.value_text(series, c));
        mu::data values{mu::data::type::list};
        for (const std::size_t nb : neighbours) values.push_back(site.value_text(series, site.cell(s, maps.ids[nb])));
        nrow.set("values", values);
        neighbour_rows.push_back(nrow);
    }
    d.set("sentences", sentences);
    d.set("rows", rows);
    mu::data neighbour_list{mu::data::type::list};
    for (const std::size_t nb : neighbours) {
        PageData item;
        item.set("name", maps.names[nb]);
        item.set("file", file_stem(maps.ids[nb]));
        neighbour_list.push_back(item);
    }
    d.set("neighbours", neighbour_list);
    d.set("neighbour_rows", neighbour_rows);
    d.set("has_neighbours", !neighbours.empty());
    return templates.render("region", d);
}

}  // namespace regio::atlas
