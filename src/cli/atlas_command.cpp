// regio atlas: binds the options to an atlas::AtlasRequest, runs it, prints
// the summary and writes the report.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "report_file.hpp"
#include "terminal_progress.hpp"

#include "regio/atlas/atlas.hpp"

#include <iostream>

namespace regio::cli {
namespace {

struct AtlasArgs {
    std::string run, output, title, lang = "en", templates, report;
    bool overwrite = false, quiet = false;
};

int run(const AtlasArgs& args) {
    atlas::AtlasRequest request;
    request.run = args.run;
    request.site_dir = args.output;
    request.title = args.title;
    request.language = atlas::parse_language(args.lang);
    request.overwrite = args.overwrite ? atlas::Overwrite::Yes : atlas::Overwrite::No;
    request.templates = args.templates;
    const io::TableOutput report_output{args.output + "/index.html", args.overwrite ? io::Overwrite::Yes : io::Overwrite::No, {args.run}};
    if (!args.report.empty()) check_report_output(args.report, report_output);
    TerminalProgress progress(args.quiet);
    const atlas::AtlasResult result = atlas::run(request, ProgressRange(progress.callback()));
    if (!args.report.empty()) write_report(args.report, result.to_json(), report_output);
    if (!args.quiet) {
        for (const auto& w : result.warnings) std::cerr << "regio: warning: " << w << '\n';
        std::cerr << result.summary() << '\n';
    }
    return 0;
}

}  // namespace

void add_atlas(CLI::App& app, Action& action) {
    auto args = std::make_shared<AtlasArgs>();
    CLI::App* cmd = app.add_subcommand("atlas", "Publish a run as a static, self-contained site of maps, tables and area profiles");
    cmd->add_option("run", args->run, "RUN_DIR (with manifest.json) or MANIFEST.json of a `regio run`")->type_name(kInputDirectory)->required();
    cmd->add_option("-o,--output", args->output, "SITE_DIR: the site to write")->type_name(kOutputDirectory)->required();
    cmd->add_option("--title", args->title, "Title of the atlas (default: the pipeline's name)");
    cmd->add_option("--lang", args->lang, "Language of the pages: en or de (default en)");
    cmd->add_option("--templates", args->templates, "Directory of the page templates (default styles/atlas)")->type_name(kInputDirectory);
    cmd->add_flag("--overwrite", args->overwrite, "Replace SITE_DIR if it is an atlas regio wrote");
    cmd->add_option("--report", args->report, "Write a JSON report: pages, sizes, downloads, warnings")->type_name(kOutputFile);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress or summary on stderr");
    cmd->footer(R"(Example:
  regio atlas out -o out/atlas --title "Berlin: integration indicators"
  (then open out/atlas/index.html; it works from file:// and any web server))");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
