#pragma once
// `regio classify` as a library operation (issue #13): class breaks, counts,
// legend labels and goodness of fit of one value column, written as JSON or
// CSV so that the breaks can be fixed once and reused for every year's map.
//
// Why here and not in classify/: the operation reads tables (io) and labels
// the classes as the map legends do (render::class_labels); render already
// depends on classify, so classify/ including render/ would make a cycle, and
// render/ itself stays free of io. maps/ holds the publication operations that
// combine io with classify and render (as `regio map` does).
#include "regio/classify/method.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/text_input.hpp"
#include "regio/progress.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::maps {

struct ClassifyRequest {
    std::string data;        // a CSV table, or FILE[:LAYER] or any GDAL data source
    std::string data_layer;  // --data-layer: the layer apart from the source
    io::TextOptions text;    // of a CSV --data and the layer's text (checked by the caller)
    std::string field;       // the value column or field
    classify::Method method = classify::Method::Quantile;
    std::size_t classes = 5;
    std::vector<double> breaks;  // upper bounds for manual
    std::optional<std::uint64_t> seed;  // natural-breaks
    std::string output;  // BREAKS.json or BREAKS.csv; empty: the JSON document is returned for standard output
    io::Overwrite overwrite = io::Overwrite::No;
};

struct ClassifyResult {
    std::string method;
    std::size_t requested_k = 0;
    double lowest = 0;
    std::vector<double> bins;
    std::vector<std::size_t> counts;
    std::vector<std::string> labels;
    std::size_t nodata = 0;  // values that are not finite numbers
    double gvf = 1;
    double adcm = 0;
    std::vector<std::string> warnings;
    std::string document;  // the breaks as written (JSON or CSV text)

    // The breaks as JSON: method, k, requested_k, lowest, bins, counts, labels, nodata, gvf, adcm, warnings.
    [[nodiscard]] nlohmann::ordered_json to_json() const;
    // regio classify prints no summary: the breaks are the output. Empty.
    [[nodiscard]] std::string summary() const { return {}; }
};

// Throws UsageError for a bad class count or method options and for an
// output that is neither .json nor .csv (after classifying, as it always
// has), DataError naming file and field for values that cannot be classified.
// Writes `output` atomically when given. Warnings (duplicate bounds, fewer
// classes) are in the result and go to `warn` once the breaks are written.
ClassifyResult run(const ClassifyRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::maps
