#pragma once
// regio atlas: a static, self-contained site from what a run produced
// (manifest, indicator table, the maps' regions and styles, crosswalk report,
// segregation and validation tables when present): index.html, a page per
// indicator series, a page per region, a method page. Templates are files
// under styles/atlas/; data are always escaped; nothing is fetched from
// outside the site; a suppressed value appears nowhere; re-runs give
// byte-identical files. The site is built in a temporary directory beside
// SITE_DIR and renamed into place only when complete.
#include "regio/atlas/site_text.hpp"
#include "regio/progress.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace regio::atlas {

enum class Overwrite { No, Yes };

struct AtlasRequest {
    std::string run;        // RUN_DIR or MANIFEST.json
    std::string site_dir;   // SITE_DIR
    std::string title;      // default: the pipeline's name
    Language language = Language::English;
    Overwrite overwrite = Overwrite::No;
    std::string templates;  // default: find_templates()
    std::string report;     // the JSON report ("": none; see atlas_report.hpp)
    int map_width = 640;    // pixels
    double simplify = 0.8;  // display simplification, pixels
};

struct AtlasResult {
    std::string site_dir;
    std::size_t indicator_pages = 0, region_pages = 0, other_pages = 0;
    std::size_t series = 0, regions = 0, downloads = 0;
    std::size_t files = 0;
    std::uintmax_t bytes = 0, largest_page_bytes = 0;
    std::string largest_page;
    std::size_t confidential_cells = 0;  // suppressed cells shown as confidential (value withheld)
    std::vector<std::string> warnings;
    double regions_seconds = 0;  // reading the run and the regions, simplifying, neighbours
    double seconds = 0;

    [[nodiscard]] nlohmann::ordered_json to_json() const;
    [[nodiscard]] std::string summary() const;  // one line
};

// Writes the site and then the report. Throws UsageError (SITE_DIR exists
// without Overwrite::Yes, or is not an atlas, or would replace the run; the
// report's refusals first), IoError, DataError, ConfigError.
AtlasResult run(const AtlasRequest& request, const ProgressRange& progress);

}  // namespace regio::atlas
