#include "regio/maps/classify_command.hpp"

#include "regio/classify/method.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/maps/classify_operation.hpp"

#include <memory>

namespace regio::maps {
namespace {

constexpr const char* kClassifyFooter = R"(Example:
  regio classify --data out/indicators_2024.csv --field value \
    --method fisher-jenks --classes 5 -o out/breaks.json)";

class ClassifyCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        options
            .add("--data", m_request.data, "A CSV table, or FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
            .value_name(options::kInputLayer)
            .required();
        options.add("--data-layer", m_request.data_layer, "Layer (table) of --data, when the source has several");
        options.add("--field", m_request.field, "The value column or field").required()
            .names_columns_of("data");
        options.add("--method", m_method, "quantile, equal, fisher-jenks, std-mean, head-tail, manual, natural-breaks")
            .show_default();
        options.add("--classes", m_request.classes, "Number of classes")
            .show_default();  // checked by classify::check_class_count, as map's
        options.add("--breaks", m_request.breaks, "Upper bounds for manual").delimiter(',');
        options.add("--seed", m_request.seed, "Seed for natural-breaks (k-means is random)");
        options.add("-o,--output", m_request.output, "BREAKS.json or BREAKS.csv (default: JSON on stdout)")
            .value_name(options::kOutputFile);
        options.flag("--overwrite", m_overwrite, "Replace the output");
        io::declare_text_options(options, m_text);
    }

    // The breaks go to -o or standard output, then the warnings to stderr.
    // No progress: classify has never shown any (it is quick, and its output
    // may be standard output).
    options::CommandOutcome run(const ProgressRange&, const WarningFn&) override {
        ClassifyRequest request = m_request;
        request.method = classify::parse_method(m_method);
        request.text = m_text.options();
        request.overwrite = m_overwrite ? io::Overwrite::Yes : io::Overwrite::No;
        ClassifyResult result = maps::run(request, ProgressRange(nullptr));
        options::CommandOutcome outcome;
        if (request.output.empty()) outcome.standard_output = std::move(result.document);
        outcome.warnings = std::move(result.warnings);
        return outcome;
    }
    // No --quiet: the warnings are always shown.
    [[nodiscard]] bool quiet() const override { return false; }

private:
    ClassifyRequest m_request;
    std::string m_method = "quantile";
    bool m_overwrite = false;
    io::TextInputArgs m_text;
};

}  // namespace

options::CommandEntry classify_command() {
    return options::make_entry<ClassifyCommand>({"classify"},
                                                "Class breaks, counts and goodness of fit for a value column", kClassifyFooter);
}

}  // namespace regio::maps
