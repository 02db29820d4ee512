// regio classify: read one value column, classify it, write the breaks.
#include "regio/maps/classify_operation.hpp"

#include "regio/classify/classification.hpp"
#include "regio/classify/options_check.hpp"
#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/render/choropleth_svg.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::maps {
namespace {

// --data with its layer and encoding.
io::InputSpec data_input(const ClassifyRequest& r) {
    io::InputSpec input = io::InputSpec::parse(r.data, r.data_layer);
    input.encoding = r.text.encoding;
    return input;
}

std::vector<double> read_values(const ClassifyRequest& r) {
    const io::InputSpec input = data_input(r);
    if (input.layer.empty() && io::is_text_table_name(input.path)) {
        const io::CsvTable t = io::read_csv_table(input.path, r.text);
        const std::size_t col = t.column(r.field);
        std::vector<double> v;
        for (std::size_t row = 0; row < t.rows.size(); ++row) v.push_back(t.number(row, col));
        return v;
    }
    return io::read_numeric_field(input, r.field);
}

std::string csv_document(const ClassifyResult& c) {
    std::string text = "class,lower,upper,count,label\n";
    for (std::size_t k = 0; k < c.bins.size(); ++k)
        text += fmt::format("{},{},{},{},\"{}\"\n", k + 1, k == 0 ? c.lowest : c.bins[k - 1], c.bins[k], c.counts[k], c.labels[k]);
    return text;
}

}  // namespace

nlohmann::ordered_json ClassifyResult::to_json() const {
    nlohmann::ordered_json j;
    j["method"] = method;
    j["k"] = bins.size();
    j["requested_k"] = requested_k;
    j["lowest"] = lowest;
    j["bins"] = bins;
    j["counts"] = counts;
    j["labels"] = labels;
    j["nodata"] = nodata;
    j["gvf"] = gvf;
    j["adcm"] = adcm;
    j["warnings"] = warnings;
    return j;
}

ClassifyResult run(const ClassifyRequest& r, const ProgressRange& progress, const WarningFn& warn) {
    io::OutputPlan outputs(r.overwrite, {data_input(r).path});
    const io::PlannedOutput* breaks_output = outputs.add_optional("--output", r.output, io::StdoutUse::Csv);
    classify::Options options;
    options.manual_breaks = r.breaks;
    options.seed = r.seed;
    classify::check_class_count(r.classes, "--classes");
    const io::InputSpec source = data_input(r);
    options.source = Where{source.path, source.layer, {}, {}, r.field};
    progress(0, "reading");
    const std::vector<double> values = read_values(r);
    ClassifyResult out;
    for (double v : values) out.nodata += !std::isfinite(v);
    progress(0.5, "classifying");
    const classify::Classification c = classify::classify(values, r.method, r.classes, options);
    out.method = std::string(classify::method_name(r.method));
    out.requested_k = c.requested_k;
    out.lowest = c.lowest;
    out.bins = c.bins;
    out.counts = c.counts;
    out.labels = render::class_labels(c.lowest, c.bins);
    out.gvf = c.gvf;
    out.adcm = c.adcm;
    out.warnings = c.warnings;
    const std::string format = r.output.empty() ? "json" : io::extension_of(r.output);
    if (format == "json") out.document = out.to_json().dump(2) + "\n";
    else if (format == "csv") out.document = csv_document(out);
    else throw UsageError("write breaks as .json or .csv");
    if (breaks_output) {
        io::write_output_text(*breaks_output, out.document);
        outputs.commit();
    }
    if (warn)
        for (const auto& w : out.warnings) warn(w);
    progress(1, "done");
    return out;
}

}  // namespace regio::maps
