#include "regio/atlas/atlas.hpp"

#include "regio/atlas/atlas_report.hpp"
#include "regio/atlas/site_context.hpp"
#include "regio/atlas/site_directory.hpp"
#include "regio/error.hpp"
#include "regio/render/facets.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace regio::atlas {
namespace {

// The map step that drew the series (its --where picks indicator and group).
const MapStep* map_of(const RunInputs& run, const Series& series) {
    for (const MapStep& m : run.maps) {
        if (m.is_change) continue;
        bool indicator = false, group = false;
        for (const auto& w : m.where) {
            indicator = indicator || w == "indicator=" + series.indicator;
            group = group || w == "group=" + series.group;
        }
        if (indicator && group) return &m;
    }
    return nullptr;
}

// The regions of the atlas: the first map step that maps an indicator table.
const MapStep& regions_step(const RunInputs& run, const std::vector<IndicatorTable>& tables) {
    for (const MapStep& m : run.maps)
        for (const IndicatorTable& t : tables)
            if (!m.data.empty() && fs::exists(m.data) && fs::equivalent(m.data, t.path)) return m;
    if (run.maps.empty())
        throw DataError("the run has no map step: the atlas draws the regions of the run's maps", Where{run.manifest_path},
                        "add a `run = \"map\"` step over the indicator table to the pipeline");
    return run.maps.front();
}

// A region's parent: the longest proper prefix of its id that is a region of
// the table but not of the map (rows that `regio indicators --rollup` adds).
std::vector<std::string> parents_of(const std::vector<std::string>& ids, const IndicatorTable& table) {
    const std::set<std::string> on_map(ids.begin(), ids.end());
    std::set<std::string> upper;
    for (const auto& r : table.regions)
        if (!on_map.count(r)) upper.insert(r);
    std::vector<std::string> parents;
    for (const auto& id : ids) {
        std::string parent;
        for (std::size_t n = id.size() - (id.empty() ? 0 : 1); n > 0 && parent.empty(); --n)
            if (upper.count(id.substr(0, n))) parent = id.substr(0, n);
        parents.push_back(parent);
    }
    return parents;
}

// All regions together: the table's row for a region above every region of
// the map when there is one; else the ratio of the summed numerators and
// denominators, only when every region publishes both (a suppressed cell
// would otherwise be missing from the sum, or recoverable from it).
std::optional<double> overall_value(const Series& series, const std::vector<std::string>& ids, const std::vector<std::string>& table_regions) {
    const std::set<std::string> on_map(ids.begin(), ids.end());
    for (const auto& r : table_regions) {
        if (on_map.count(r)) continue;
        const bool above_all = std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.rfind(r, 0) == 0; });
        const auto it = series.cells.find(r);
        if (above_all && it != series.cells.end()) return it->second.value;
    }
    double num = 0, den = 0, scale = 0;
    for (const auto& id : ids) {
        const auto it = series.cells.find(id);
        if (it == series.cells.end() || !it->second.value || it->second.numerator.empty() || it->second.denominator.empty()) return std::nullopt;
        const double n = std::stod(it->second.numerator), d = std::stod(it->second.denominator);
        if (n > 0 && d > 0 && scale == 0) scale = *it->second.value * d / n;
        num += n;
        den += d;
    }
    if (den <= 0 || scale == 0) return std::nullopt;
    return num / den * scale;
}

}  // namespace

nlohmann::ordered_json AtlasResult::to_json() const {
    nlohmann::ordered_json j;
    j["command"] = "atlas";
    j["site"] = site_dir;
    j["pages"] = {{"indicators", indicator_pages}, {"regions", region_pages}, {"other", other_pages}};
    j["series"] = series;
    j["regions"] = regions;
    j["downloads"] = downloads;
    j["files"] = files;
    j["bytes"] = bytes;
    j["largest_page"] = {{"path", largest_page}, {"bytes", largest_page_bytes}};
    j["confidential_cells"] = confidential_cells;
    j["warnings"] = warnings;
    j["timings"] = {{"regions_s", regions_seconds}, {"total_s", seconds}};
    return j;
}

std::string AtlasResult::summary() const {
    return fmt::format("atlas: {} pages ({} indicators, {} regions, {} other), {} files, {:.1f} MB; largest page {} ({} KB); {} in {:.2f} s",
                       indicator_pages + region_pages + other_pages, indicator_pages, region_pages, other_pages, files,
                       static_cast<double>(bytes) / 1e6, largest_page, largest_page_bytes / 1000, site_dir, seconds);
}

AtlasResult run(const AtlasRequest& request, const ProgressRange& progress) {
    check_report_output(request);
    const auto start = std::chrono::steady_clock::now();
    AtlasResult result;
    result.site_dir = request.site_dir;
    progress(0.0, "reading the run");
    const RunInputs run_inputs = read_run(request.run);
    SiteDirectory site_dir(request.site_dir, request.overwrite, run_inputs.run_dir);
    const Templates templates(find_templates(request.templates));
    if (run_inputs.indicator_tables.empty())
        throw DataError("the run has no indicators step: nothing to publish", Where{run_inputs.manifest_path});
    std::vector<IndicatorTable> tables;
    for (const RunOutput& o : run_inputs.indicator_tables) tables.push_back(read_indicator_table(o.path));
    const Vintages vintages = merge_vintages(tables);
    const IndicatorTable& table = vintages.current;
    progress(0.05, "reading the regions");
    const RegionMaps maps = load_region_maps(regions_step(run_inputs, tables), request.map_width, request.simplify);
    result.regions_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.warnings = maps.warnings;

    SiteContext site;
    site.lang = request.language;
    site.run = &run_inputs;
    site.table = &table;
    site.previous = &vintages.previous;
    site.maps = &maps;
    site.title = !request.title.empty() ? request.title : !run_inputs.pipeline_name.empty() ? run_inputs.pipeline_name : word(site.lang, "atlas");
    for (std::size_t r = 0; r < maps.ids.size(); ++r) site.region_index[maps.ids[r]] = r;
    site.parents = parents_of(maps.ids, table);
    {
        std::size_t missing = 0;
        for (const auto& id : table.regions)
            if (!site.region_index.count(id) && std::find(site.parents.begin(), site.parents.end(), id) == site.parents.end()) ++missing;
        if (missing)
            result.warnings.push_back(fmt::format("{} region(s) of the indicator tables are neither on the map nor a parent of a region on it; they have no page",
                                                  missing));
    }
    for (const Series& s : table.series) {
        site.classes.push_back(classify_series(s, maps.ids, map_of(run_inputs, s)));
        for (const auto& w : site.classes.back().warnings) result.warnings.push_back(s.key() + ": " + w);
        site.ranks.push_back(rank_regions(s, maps.ids));
        site.published.push_back(site.ranks.back().size());
        site.overall.push_back(overall_value(s, maps.ids, table.regions));
        result.confidential_cells += site.classes.back().confidential;
    }
    for (const MapStep& m : run_inputs.maps)
        if (!m.source.empty() && std::find(site.sources.begin(), site.sources.end(), m.source) == site.sources.end()) site.sources.push_back(m.source);

    // Downloads: the run's published tables and maps, exactly as the
    // manifest records them (read_run checked their digests).
    std::set<std::string> names;
    for (const RunOutput& o : run_inputs.downloads) {
        const std::string name = fs::path(o.path).filename().string();
        if (!names.insert(name).second) continue;
        site_dir.copy(o.path, "downloads/" + name);
        site.downloads.push_back({name, fs::file_size(o.path), o.sha256});
    }

    progress(0.1, "writing the pages");
    site_dir.write("assets/atlas.css", templates.asset("atlas.css"));
    site_dir.write("assets/atlas.js", templates.asset("atlas.js"));
    site_dir.write("maps/base.svg", static_map_svg(maps, std::vector<std::string>(maps.ids.size(), "#E0E0E0"), word(site.lang, "regions")));
    for (std::size_t s = 0; s < table.series.size(); ++s) {
        std::vector<std::string> fills;
        for (std::size_t r = 0; r < maps.ids.size(); ++r) fills.push_back(site.classes[s].fill(r));
        const std::string stem = file_stem(table.series[s].key());
        site_dir.write("maps/" + stem + ".svg", static_map_svg(maps, fills, table.series[s].label));
        site_dir.write("indicators/" + stem + ".html", indicator_page(site, templates, s));
        ++result.indicator_pages;
    }
    site_dir.write("index.html", index_page(site, templates));
    site_dir.write("regions.html", regions_page(site, templates));
    site_dir.write("method.html", method_page(site, templates));
    result.other_pages = 3;
    if (run_inputs.segregation) {
        site_dir.write("segregation.html", table_page(site, templates, word(site.lang, "segregation"), run_inputs.segregation->path, {}));
        ++result.other_pages;
    }
    if (run_inputs.validation) {
        site_dir.write("validation.html", table_page(site, templates, word(site.lang, "validation"), run_inputs.validation->path, {}));
        ++result.other_pages;
    }
    for (std::size_t r = 0; r < maps.ids.size(); ++r) {
        site_dir.write("regions/" + file_stem(maps.ids[r]) + ".html", region_page(site, templates, r));
        ++result.region_pages;
        if (r % 64 == 0) progress(0.1 + 0.9 * static_cast<double>(r) / static_cast<double>(maps.ids.size()), "writing the region pages");
    }
    site_dir.commit();
    progress(1.0, "done");
    result.series = table.series.size();
    result.regions = maps.ids.size();
    result.downloads = site.downloads.size();
    result.files = site_dir.files();
    result.bytes = site_dir.bytes();
    result.largest_page = site_dir.largest_page();
    result.largest_page_bytes = site_dir.largest_page_bytes();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    write_report(request, result);
    return result;
}

}  // namespace regio::atlas
