// The pages around the indicators: the index (what, where, when; every
// indicator with a small map; downloads with sizes and checksums; sources),
// the list of regions, the method page (crosswalk quality, disclosure
// control, segregation indices, software and input checksums), and plain
// tables (segregation, validation) as the run wrote them.
#include "regio/atlas/site_context.hpp"

#include "regio/atlas/disclosure_counts.hpp"
#include "regio/atlas/disclosure_notes.hpp"

#include "regio/io/csv_table.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

namespace regio::atlas {

namespace mu = kainjow::mustache;

namespace {

std::string size_text(std::uintmax_t bytes, Language lang) {
    if (bytes < 1024) return fmt::format("{} B", bytes);
    if (bytes < 1024 * 1024) return format_number(static_cast<double>(bytes) / 1024.0, 1, lang) + " KiB";
    return format_number(static_cast<double>(bytes) / (1024.0 * 1024.0), 1, lang) + " MiB";
}

std::string json_text(const nlohmann::ordered_json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

}  // namespace

std::string index_page(const SiteContext& site, const Templates& templates) {
    PageData d = common_data(site, site.w("indicators"), "");
    const RunInputs& run = *site.run;
    d.set("what", fmt::format("{} {} × {} {}", site.table->series.size(), site.w("series_counted"), site.maps->ids.size(),
                              site.lang == Language::German ? site.w("regions") : site.w("regions_counted")));
    d.set("where", site.maps->source);
    d.set("when", run.pipeline_name.empty() ? run.manifest_path : run.pipeline_name);
    d.set("region_count", std::to_string(site.maps->ids.size()));
    d.set("thumb_width", std::to_string(site.maps->width));
    d.set("thumb_height", std::to_string(site.maps->height));
    mu::data series{mu::data::type::list};
    for (std::size_t s = 0; s < site.table->series.size(); ++s) {
        const Series& x = site.table->series[s];
        PageData item;
        item.set("file", file_stem(x.key()));
        item.set("label", x.label);
        item.set("group_label", site.group_label(x));
        item.set("summary", site.overall[s] ? site.w("city") + ": " + site.number_text(x, *site.overall[s]) : "");
        item.set("has_summary", site.overall[s].has_value());
        series.push_back(item);
    }
    d.set("series", series);
    mu::data downloads{mu::data::type::list};
    for (const Download& dl : site.downloads) {
        PageData item;
        item.set("name", dl.name);
        item.set("size", size_text(dl.bytes, site.lang));
        item.set("sha256", dl.sha256);
        downloads.push_back(item);
    }
    d.set("downloads", downloads);
    return templates.render("index", d);
}

std::string regions_page(const SiteContext& site, const Templates& templates) {
    PageData d = common_data(site, site.w("regions"), "");
    mu::data regions{mu::data::type::list};
    for (std::size_t r = 0; r < site.maps->ids.size(); ++r) {
        PageData item;
        item.set("id", site.maps->ids[r]);
        item.set("name", site.maps->names[r]);
        item.set("file", file_stem(site.maps->ids[r]));
        regions.push_back(item);
    }
    d.set("regions", regions);
    return templates.render("regions", d);
}

std::string method_page(const SiteContext& site, const Templates& templates) {
    const RunInputs& run = *site.run;
    PageData d = common_data(site, site.w("method"), "");
    if (!run.crosswalk_report.is_null()) {
        const auto& x = run.crosswalk_report;
        PageData cw;
        mu::data paragraphs{mu::data::type::list};
        if (x.contains("from") && x.contains("to"))
            paragraphs.push_back(fmt::format("{} ({} units) → {} ({} units)", json_text(x["from"].value("source", nlohmann::ordered_json(""))),
                                             x["from"].value("units", 0), json_text(x["to"].value("source", nlohmann::ordered_json(""))),
                                             x["to"].value("units", 0)));
        std::size_t slivers = x.contains("slivers") && x["slivers"].is_array() ? x["slivers"].size() : 0;
        paragraphs.push_back(fmt::format("pieces: {}; crosswalk rows: {}; slivers dropped: {}", x.value("pieces", 0), x.value("rows", 0), slivers));
        if (x.contains("weights") && x["weights"].is_object())
            paragraphs.push_back("weights: " + json_text(x["weights"].value("source", nlohmann::ordered_json(""))));
        cw.set("paragraphs", paragraphs);
        mu::data changes{mu::data::type::list};
        if (x.contains("changes") && x["changes"].is_object())
            for (const auto& [type, count] : x["changes"].items()) {
                PageData c;
                c.set("type", type);
                c.set("count", json_text(count));
                changes.push_back(c);
            }
        cw.set("has_changes", x.contains("changes") && x["changes"].is_object() && !x["changes"].empty());
        cw.set("changes", changes);
        cw.set("change_type", "type");
        cw.set("change_count", "units");
        mu::data list{mu::data::type::list};
        list.push_back(cw);
        d.set("crosswalk", list);
    }
    // The rules of each indicator, what they did to the last table, and what
    // the site promises about hidden values.
    mu::data disclosure{mu::data::type::list};
    std::map<std::string, std::string> labels;
    for (const Series& s : site.table->series) labels.emplace(s.indicator, s.label);
    for (const std::string& note : disclosure_notes(run.indicators_reports, labels, site.lang)) disclosure.push_back(note);
    if (!run.indicators_report.is_null())
        for (const std::string& sentence : disclosure_counts(run.indicators_report, site.lang)) disclosure.push_back(sentence);
    disclosure.push_back(word(site.lang, "disclosure_nowhere"));
    d.set("disclosure", disclosure);
    mu::data segregation{mu::data::type::list};
    segregation.push_back(word(site.lang, "segregation_explained"));
    d.set("segregation_text", segregation);
    d.set("software", run.regio_version);
    mu::data inputs{mu::data::type::list};
    for (const auto& [path, sha] : run.inputs) {
        PageData i;
        i.set("path", path);
        i.set("sha256", sha);
        inputs.push_back(i);
    }
    d.set("inputs", inputs);
    return templates.render("method", d);
}

std::string table_page(const SiteContext& site, const Templates& templates, const std::string& heading, const std::string& csv_path,
                       const std::vector<std::string>& paragraphs) {
    PageData d = common_data(site, heading, "");
    d.set("heading", heading);
    mu::data text{mu::data::type::list};
    for (const auto& p : paragraphs) text.push_back(p);
    d.set("paragraphs", text);
    const io::CsvTable csv = io::read_csv_table(csv_path);
    mu::data columns{mu::data::type::list};
    for (const auto& c : csv.columns) columns.push_back(c);
    d.set("columns", columns);
    mu::data rows{mu::data::type::list};
    for (const auto& row : csv.rows) {
        mu::data cells{mu::data::type::list};
        for (const auto& cell : row) cells.push_back(cell);
        PageData r;
        r.set("cells", cells);
        rows.push_back(r);
    }
    d.set("rows", rows);
    mu::data download{mu::data::type::list};
    download.push_back(std::filesystem::path(csv_path).filename().string());
    d.set("download", download);
    return templates.render("table", d);
}

}  // namespace regio::atlas
