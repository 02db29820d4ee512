#pragma once
// Everything the pages of one atlas share, computed once: the run, the
// indicator series with their classes and ranks, the regions as drawn, each
// region's parent and the value of all regions together. The page builders
// (pages_*.cpp) only read it.
#include "regio/atlas/indicator_series.hpp"
#include "regio/atlas/region_maps.hpp"
#include "regio/atlas/run_inputs.hpp"
#include "regio/atlas/site_templates.hpp"
#include "regio/atlas/site_text.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace regio::atlas {

struct Download {
    std::string name;  // file name under downloads/
    std::uintmax_t bytes = 0;
    std::string sha256;
};

struct SiteContext {
    Language lang = Language::English;
    std::string title;
    const RunInputs* run = nullptr;
    const IndicatorTable* table = nullptr;
    const std::map<std::string, Series>* previous = nullptr;  // earlier vintages by series key (merge_vintages)
    const RegionMaps* maps = nullptr;
    std::vector<SeriesClasses> classes;                      // per series
    std::vector<std::map<std::string, std::size_t>> ranks;   // per series, among the map's regions
    std::vector<std::size_t> published;                      // per series: regions with a value
    std::vector<std::optional<double>> overall;              // per series: all regions together
    std::vector<std::string> parents;                        // per region: parent id ("" if none)
    std::vector<std::string> sources;                        // source notes of the maps, once each
    std::vector<Download> downloads;
    std::map<std::string, std::size_t> region_index;         // id -> position in maps

    [[nodiscard]] const std::string& w(const std::string& key) const { return word(lang, key); }
    // "12.4 %", "-3.1 pp", or the words for no data and confidential.
    [[nodiscard]] std::string value_text(const Series& series, const Cell* cell) const;
    [[nodiscard]] std::string number_text(const Series& series, double value) const;
    // A change with its sign; a change of a percentage is in points.
    [[nodiscard]] std::string change_text(const Series& series, double change) const;
    [[nodiscard]] std::string group_label(const Series& series) const;
    [[nodiscard]] const Cell* cell(std::size_t series, const std::string& region) const;
    [[nodiscard]] bool has_previous(std::size_t series) const;
    [[nodiscard]] bool has_any_previous() const { return previous && !previous->empty(); }
    // Current minus previous vintage, when both are published.
    [[nodiscard]] std::optional<double> change(std::size_t series, const std::string& region) const;
};

// Every page gets: lang, site_title, page_title, root ("" or "../"), w.* words,
// version, pipeline, sources, has_segregation, has_validation.
PageData common_data(const SiteContext& site, const std::string& page_title, const std::string& root);

// Page builders: the rendered HTML.
std::string index_page(const SiteContext& site, const Templates& templates);
std::string regions_page(const SiteContext& site, const Templates& templates);
std::string method_page(const SiteContext& site, const Templates& templates);
std::string table_page(const SiteContext& site, const Templates& templates, const std::string& heading, const std::string& csv_path,
                       const std::vector<std::string>& paragraphs);
std::string indicator_page(const SiteContext& site, const Templates& templates, std::size_t series);
std::string region_page(const SiteContext& site, const Templates& templates, std::size_t region);

}  // namespace regio::atlas
