// regio classify: class breaks, counts and goodness of fit, to fix breaks
// once and reuse them for every year's map.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "text_options.hpp"

#include "regio/classify/classification.hpp"
#include "regio/classify/method.hpp"
#include "regio/classify/options_check.hpp"
#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/render/choropleth_svg.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>

namespace regio::cli {
namespace {

struct ClassifyArgs {
    std::string data, data_layer, field, method = "quantile", output;
    std::size_t classes = 5;  // checked by classify::check_class_count, as map's
    std::vector<double> breaks;
    std::optional<std::uint64_t> seed;
    bool overwrite = false;
    TextInputArgs text;
};

// --data with its layer (--data-layer) and encoding.
io::InputSpec data_input(const ClassifyArgs& args) {
    io::InputSpec input = io::InputSpec::parse(args.data, args.data_layer);
    input.encoding = args.text.options().encoding;
    return input;
}

std::vector<double> read_values(const ClassifyArgs& args) {
    const io::TextOptions text = args.text.options();
    const io::InputSpec input = data_input(args);
    if (input.layer.empty() && io::is_text_table_name(input.path)) {
        const io::CsvTable t = io::read_csv_table(input.path, text);
        const std::size_t col = t.column(args.field);
        std::vector<double> v;
        for (std::size_t r = 0; r < t.rows.size(); ++r) v.push_back(t.number(r, col));
        return v;
    }
    return io::read_numeric_field(input, args.field);
}

int run(const ClassifyArgs& args) {
    const classify::Method method = classify::parse_method(args.method);
    io::OutputPlan outputs(args.overwrite ? io::Overwrite::Yes : io::Overwrite::No, {data_input(args).path});
    const io::PlannedOutput* breaks_output = outputs.add_optional("--output", args.output, io::StdoutUse::Csv);
    classify::Options options;
    options.manual_breaks = args.breaks;
    options.seed = args.seed;
    classify::check_class_count(args.classes, "--classes");
    const io::InputSpec source = data_input(args);
    options.source = Where{source.path, source.layer, {}, {}, args.field};
    const std::vector<double> values = read_values(args);
    std::size_t nodata = 0;
    for (double v : values) nodata += !std::isfinite(v);
    const classify::Classification c = classify::classify(values, method, args.classes, options);
    const auto labels = render::class_labels(c.lowest, c.bins);
    nlohmann::ordered_json j;
    j["method"] = std::string(classify::method_name(method));
    j["k"] = c.k();
    j["requested_k"] = c.requested_k;
    j["lowest"] = c.lowest;
    j["bins"] = c.bins;
    j["counts"] = c.counts;
    j["labels"] = labels;
    j["nodata"] = nodata;
    j["gvf"] = c.gvf;
    j["adcm"] = c.adcm;
    j["warnings"] = c.warnings;
    std::string text;
    if (args.output.empty() || io::extension_of(args.output) == "json") text = j.dump(2) + "\n";
    else if (io::extension_of(args.output) == "csv") {
        text = "class,lower,upper,count,label\n";
        for (std::size_t k = 0; k < c.k(); ++k)
            text += fmt::format("{},{},{},{},\"{}\"\n", k + 1, k == 0 ? c.lowest : c.bins[k - 1], c.bins[k], c.counts[k], labels[k]);
    } else {
        throw UsageError("write breaks as .json or .csv");
    }
    if (args.output.empty()) {
        std::cout << text;
    } else {
        io::write_output_text(*breaks_output, text);
        outputs.commit();
    }
    for (const auto& w : c.warnings) std::cerr << "regio: warning: " << w << '\n';
    return 0;
}

}  // namespace

void add_classify(CLI::App& app, Action& action) {
    auto args = std::make_shared<ClassifyArgs>();
    CLI::App* cmd = app.add_subcommand("classify", "Class breaks, counts and goodness of fit for a value column");
    cmd->add_option("--data", args->data, "A CSV table, or FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        ->type_name(kInputLayer)
        ->required();
    cmd->add_option("--data-layer", args->data_layer, "Layer (table) of --data, when the source has several");
    cmd->add_option("--field", args->field, "The value column or field")->required();
    cmd->add_option("--method", args->method, "quantile, equal, fisher-jenks, std-mean, head-tail, manual, natural-breaks")
        ->capture_default_str();
    cmd->add_option("--classes", args->classes, "Number of classes")->capture_default_str();
    cmd->add_option("--breaks", args->breaks, "Upper bounds for manual")->delimiter(',');
    cmd->add_option("--seed", args->seed, "Seed for natural-breaks (k-means is random)");
    cmd->add_option("-o,--output", args->output, "BREAKS.json or BREAKS.csv (default: JSON on stdout)")->type_name(kOutputFile);
    cmd->add_flag("--overwrite", args->overwrite, "Replace the output");
    cmd->footer(R"(Example:
  regio classify --data out/indicators_2024.csv --field value \
    --method fisher-jenks --classes 5 -o out/breaks.json)");
    add_text_options(*cmd, args->text);
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
