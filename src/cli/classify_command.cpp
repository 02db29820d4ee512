// regio classify: class breaks, counts and goodness of fit, to fix breaks
// once and reuse them for every year's map.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "text_options.hpp"

#include "regio/classify/method.hpp"
#include "regio/maps/classify_operation.hpp"

#include <iostream>

namespace regio::cli {
namespace {

struct ClassifyArgs {
    maps::ClassifyRequest request;  // classes: checked by classify::check_class_count, as map's
    std::string method = "quantile";
    bool overwrite = false;
    TextInputArgs text;
};

// Binds the options to a maps::ClassifyRequest and runs it: the breaks go
// to -o or standard output, then the warnings to stderr.
int run(const ClassifyArgs& args) {
    maps::ClassifyRequest request = args.request;
    request.method = classify::parse_method(args.method);
    request.text = args.text.options();
    request.overwrite = args.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    const maps::ClassifyResult result = maps::run(request, ProgressRange(nullptr));
    if (request.output.empty()) std::cout << result.document;
    for (const auto& w : result.warnings) std::cerr << "regio: warning: " << w << '\n';
    return 0;
}

}  // namespace

void add_classify(CLI::App& app, Action& action) {
    auto args = std::make_shared<ClassifyArgs>();
    CLI::App* cmd = app.add_subcommand("classify", "Class breaks, counts and goodness of fit for a value column");
    cmd->add_option("--data", args->request.data, "A CSV table, or FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        ->type_name(kInputLayer)
        ->required();
    cmd->add_option("--data-layer", args->request.data_layer, "Layer (table) of --data, when the source has several");
    cmd->add_option("--field", args->request.field, "The value column or field")->required();
    cmd->add_option("--method", args->method, "quantile, equal, fisher-jenks, std-mean, head-tail, manual, natural-breaks")
        ->capture_default_str();
    cmd->add_option("--classes", args->request.classes, "Number of classes")->capture_default_str();
    cmd->add_option("--breaks", args->request.breaks, "Upper bounds for manual")->delimiter(',');
    cmd->add_option("--seed", args->request.seed, "Seed for natural-breaks (k-means is random)");
    cmd->add_option("-o,--output", args->request.output, "BREAKS.json or BREAKS.csv (default: JSON on stdout)")->type_name(kOutputFile);
    cmd->add_flag("--overwrite", args->overwrite, "Replace the output");
    cmd->footer(R"(Example:
  regio classify --data out/indicators_2024.csv --field value \
    --method fisher-jenks --classes 5 -o out/breaks.json)");
    add_text_options(*cmd, args->text);
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
