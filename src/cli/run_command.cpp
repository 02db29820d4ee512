// regio run PIPELINE.toml: the yearly pipeline, checked as a whole first, then
// run step by step (each one a regio command line, run in this process through
// the program's own error boundary: issue #13), with a manifest of inputs,
// outputs and their checksums and each step's report.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "regio/pipeline/registry_catalog.hpp"
#include "pipeline_steps.hpp"
#include "program.hpp"
#include "run_manifest.hpp"
#include "run_context.hpp"

#include "regio/error.hpp"
#include "regio/interrupt/signal_watcher.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/pipeline/confinement.hpp"
#include "regio/pipeline/pipeline.hpp"
#include "regio/pipeline/table_replacement.hpp"
#include "regio/io/sha256.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <unistd.h>

namespace regio::cli {
namespace {

struct RunArgs {
    std::string pipeline;
    std::string out;
    std::string only;
    bool dry_run = false;
    bool quiet = false;
    bool overwrite = false;  // database tables: replace any, not only those an earlier run made
};

// A step's full command line: its options, plus --report (when the file
// names none), --overwrite and --quiet as the runner adds them to every
// command that takes them (step_options). --overwrite is safe only because
// check_confinement() has made sure that every file a step may replace was
// made by an earlier run of this pipeline.
struct StepCommand {
    std::vector<std::string> args;
    std::string report;         // the step's report: the one it names or the one the runner asked for ("" if none)
    bool runner_report = false;  // the runner added --report
};

StepCommand step_command(const CLI::App& root, const pipeline::CommandCatalog& catalog, const pipeline::Pipeline& p,
                         const pipeline::Step& step, const std::string& out_dir, bool quiet) {
    StepCommand c;
    c.args = pipeline::command_line(p, catalog, step, out_dir);
    const StepOptions takes = step_options(root, step.run);
    auto names = [&](const char* key) { return std::any_of(step.args.begin(), step.args.end(), [&](const auto& a) { return a.key == key; }); };
    for (const auto& [key, path] : pipeline::step_outputs(catalog, step, out_dir))
        if (key == "report") c.report = path;
    if (takes.report && c.report.empty()) {
        c.report = (std::filesystem::path(out_dir) / (step.name + ".report.json")).string();
        c.runner_report = true;
        c.args.insert(c.args.end(), {"--report", c.report});
    }
    if (takes.overwrite && !names("overwrite")) c.args.push_back("--overwrite");  // the out directory belongs to the pipeline
    if (takes.quiet && quiet && !names("quiet")) c.args.push_back("--quiet");
    return c;
}

// For each step, the files that the steps after it name on their command
// lines (canonical; layers and queries stripped): a region set read from
// any other file is released from the run's cache once the step is done.
// Every value is taken as a possible file, which can only keep a set longer.
std::vector<std::set<std::string>> files_named_after(const std::vector<StepCommand>& commands) {
    std::vector<std::set<std::string>> after(commands.size());
    std::set<std::string> later;
    for (std::size_t k = commands.size(); k-- > 0;) {
        after[k] = later;
        for (const std::string& arg : commands[k].args) {
            if (arg.rfind("--", 0) == 0 || io::is_data_source_name(arg)) continue;
            std::error_code ec;
            const std::filesystem::path file = std::filesystem::weakly_canonical(io::InputSpec::parse(arg).path, ec);
            if (!ec) later.insert(file.string());
        }
    }
    return after;
}

std::string who(const pipeline::Step& step) { return "step " + step.name + " (line " + std::to_string(step.line) + ")"; }

// Every file the run may write, for check_confinement().
std::vector<pipeline::FileWrite> planned_writes(const CLI::App& root, const pipeline::CommandCatalog& catalog, const pipeline::Pipeline& p,
                                                const std::string& out_dir, const std::string& only) {
    std::vector<pipeline::FileWrite> writes;
    for (const auto& step : p.steps) {
        if (!only.empty() && step.name != only) continue;
        for (const auto& out : pipeline::step_destinations(catalog, step, out_dir))
            if (out.destination == pipeline::Destination::File) writes.push_back({who(step), out.key, out.path});  // a database table is no file
        const StepCommand c = step_command(root, catalog, p, step, out_dir, false);
        if (c.runner_report) writes.push_back({who(step), "report", c.report});
    }
    writes.push_back({"run", "manifest", (std::filesystem::path(out_dir) / "manifest.json").string()});
    writes.push_back({"run", "timings", (std::filesystem::path(out_dir) / "timings.json").string()});
    return writes;
}

// Every database table the run will write, for check_table_replacements().
std::vector<pipeline::TableWrite> planned_tables(const pipeline::CommandCatalog& catalog, const pipeline::Pipeline& p,
                                                 const std::string& out_dir, const std::string& only) {
    std::vector<pipeline::TableWrite> tables;
    for (const auto& step : p.steps)
        if (only.empty() || step.name == only)
            for (const auto& out : pipeline::step_destinations(catalog, step, out_dir))
                if (out.destination == pipeline::Destination::DatabaseTable) tables.push_back({who(step), out.key, out.path, out.table});
    return tables;
}

// Tables an earlier run made are refused one line each, the last with the way out.
void report_table_problems(const std::string& pipeline_path, const std::vector<std::string>& problems) {
    if (problems.empty()) return;
    for (std::size_t i = 0; i + 1 < problems.size(); ++i) std::cerr << "regio: error: " << pipeline_path << ": " << problems[i] << '\n';
    throw ConfigError(problems.back() + "; nothing was run", Where{pipeline_path},
                      "drop the table or name another (--output-layer), or pass regio run --overwrite to replace it");
}

void report_problems(const std::string& pipeline_path, const std::vector<std::string>& problems) {
    if (problems.empty()) return;
    for (const auto& problem : problems) std::cerr << "regio: error: " << pipeline_path << ": " << problem << '\n';
    throw ConfigError(fmt::format("{} problem(s); nothing was run", problems.size()), Where{pipeline_path});
}

int run(const CLI::App& root, const RunArgs& args) {
    const pipeline::CommandCatalog catalog = pipeline::registry_catalog();
    pipeline::Pipeline p = pipeline::load_pipeline(args.pipeline);
    pipeline::resolve_inputs(p, catalog);
    const std::string out_dir = args.out.empty() ? p.out_dir : args.out;
    const std::vector<std::string> problems = pipeline::check_pipeline(p, catalog, out_dir);
    if (!problems.empty() && !args.dry_run) record_rejection(p, args.pipeline, out_dir, problems);
    report_problems(args.pipeline, problems);
    if (!args.only.empty() && std::none_of(p.steps.begin(), p.steps.end(), [&](const auto& s) { return s.name == args.only; }))
        throw UsageError("--only: no step named '" + args.only + "'");
    report_problems(args.pipeline, pipeline::check_confinement(p, out_dir, planned_writes(root, catalog, p, out_dir, args.only)));
    const std::set<pipeline::MadeTable> made_tables = pipeline::tables_of_previous_run(out_dir, args.pipeline);
    report_table_problems(args.pipeline, pipeline::check_table_replacements(
                                             planned_tables(catalog, p, out_dir, args.only), made_tables,
                                             args.overwrite ? pipeline::ReplaceTables::Any : pipeline::ReplaceTables::MadeByThisPipeline));
    std::string foreign;
    std::set<std::string> files;  // every file this pipeline has made (see run_relative), for the next run's check
    for (const auto& f : pipeline::files_of_previous_run(out_dir, args.pipeline, foreign))
        if (std::filesystem::exists(f) && !f.ends_with("manifest.json") && !f.ends_with("timings.json"))
            files.insert(pipeline::run_relative(f, out_dir));

    // From here on a signal between steps is recorded and stops the run after
    // the step; during a step it removes the step's temporaries and ends the
    // run at once, with the manifest recording the interruption (the
    // InterruptEpilogue below).
    interrupt::DeferredSignals signals;
    RunContext context;
    std::filesystem::create_directories(out_dir);
    nlohmann::ordered_json manifest, timings;
    manifest["regio"] = version_text();
    manifest["pipeline"] = {{"path", args.pipeline}, {"name", p.name}, {"sha256", io::sha256_file(args.pipeline)}};
    nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
    std::set<std::string> seen;
    for (const auto& step : p.steps)
        for (const auto& input : pipeline::step_inputs(catalog, step))
            if (!seen.insert(input).second) continue;
            else if (io::is_data_source_name(input))  // a database: named (without its password), not hashed
                inputs.push_back({{"source", io::redact_secrets(input)}});
            else
                inputs.push_back({{"path", input}, {"sha256", io::sha256_file(input)}});
    manifest["inputs"] = inputs;
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    std::set<pipeline::MadeTable> tables = made_tables;  // every table this pipeline has made, for the next run's check
    auto finish = [&](const nlohmann::ordered_json* times) {
        manifest["steps"] = steps;
        manifest["files"] = files;
        record_tables(manifest, tables);
        write_manifest(out_dir, manifest, times);
    };
    std::vector<std::string> summaries;  // steps' one-line summaries (e.g. compare's validation line), repeated at the end
    std::vector<StepCommand> commands;
    for (const auto& step : p.steps) commands.push_back(step_command(root, catalog, p, step, out_dir, args.quiet));
    const std::vector<std::set<std::string>> named_after = files_named_after(commands);
    for (std::size_t step_index = 0; step_index < p.steps.size(); ++step_index) {
        const pipeline::Step& step = p.steps[step_index];
        if (!args.only.empty() && step.name != args.only) continue;
        const StepCommand& command = commands[step_index];
        std::vector<std::string> redacted;  // passwords of connection strings are never shown
        for (const auto& c : command.args) redacted.push_back(io::redact_secrets(c));
        const std::string shown = shell_command(redacted);
        if (args.dry_run) {
            std::cout << step.name << ": " << shown << '\n';
            continue;
        }
        if (signals.received() != 0) break;
        if (!args.quiet) std::cerr << "== " << step.name << ": " << shown << '\n';
        if (step.run == "atlas") finish(nullptr);  // the atlas reads the manifest of the steps before it
        nlohmann::ordered_json entry;
        entry["name"] = step.name;
        entry["run"] = step.run;
        // Recorded without the run's --quiet: how a run talks is no part of what it made.
        entry["command"] = args.quiet ? step_command(root, catalog, p, step, out_dir, false).args : command.args;
        std::string message;
        const auto start = std::chrono::steady_clock::now();
        int code = 0;
        {
            // A signal during the step: its temporaries are removed and the
            // manifest says where the run stopped (written from the watcher).
            nlohmann::ordered_json interrupted_manifest = manifest;
            nlohmann::ordered_json interrupted_steps = steps;
            const interrupt::InterruptEpilogue last_words([=, &args](int sig) mutable {
                nlohmann::ordered_json e = entry;
                e["exit_code"] = 128 + sig;
                e["error"] = std::string("interrupted by ") + interrupt::signal_name(sig);
                e["outputs"] = nlohmann::ordered_json::array();
                e["interrupted"] = interrupt::signal_name(sig);
                interrupted_steps.push_back(e);
                interrupted_manifest["interrupted"] = {{"signal", interrupt::signal_name(sig)}, {"at", "during step " + step.name}};
                interrupted_manifest["steps"] = interrupted_steps;
                interrupted_manifest["files"] = files;
                record_tables(interrupted_manifest, tables);
                try {
                    write_manifest(out_dir, interrupted_manifest, nullptr);
                } catch (const std::exception& x) {
                    std::cerr << "regio: error: " << x.what() << '\n';
                }
                std::cerr << fmt::format("regio: error: {}: interrupted by {} during step {}; unfinished outputs removed; later steps were not run; "
                                         "manifest in {}/manifest.json\n",
                                         args.pipeline, interrupt::signal_name(sig), step.name, out_dir);
            });
            code = run_command_line(command.args, &context, &message);
        }
        timings[step.name + "_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // Not in the manifest (it stays identical on re-runs): the process
        // each step ran in, the same for all (issue #13).
        timings["step_processes"][step.name] = static_cast<long>(::getpid());
        entry["exit_code"] = code;
        if (code != 0) {
            // A failed step made nothing: files left from an earlier run are
            // not its outputs, so none are listed (or hashed).
            entry["error"] = message.empty() ? fmt::format("exit {}", code) : message;
            entry["outputs"] = nlohmann::ordered_json::array();
        } else {
            entry["outputs"] = step_output_entries(catalog, step, out_dir, command.report, files);
            for (const auto& o : entry["outputs"])
                if (o.contains("destination") && o.contains("layer"))
                    tables.insert({o["destination"].get<std::string>(), o["layer"].get<std::string>()});
            add_report(entry, command.report, out_dir, files, summaries);
            context.regions.release_all_but(named_after[step_index]);
        }
        if (const int sig = signals.received(); sig != 0) entry["interrupted"] = interrupt::signal_name(sig);
        steps.push_back(entry);
        if (signals.received() != 0) break;
        if (code != 0) {
            finish(nullptr);
            throw Error(fmt::format("step {} failed (exit {}); later steps were not run", step.name, code), Where{args.pipeline});
        }
    }
    if (args.dry_run) return 0;
    if (const int sig = signals.received(); sig != 0) {
        std::string at = "before the first step";
        if (!steps.empty())
            at = (steps.back().contains("interrupted") ? "during step " : "after step ") + steps.back()["name"].get<std::string>();
        manifest["interrupted"] = {{"signal", interrupt::signal_name(sig)}, {"at", at}};
        finish(nullptr);
        std::cerr << fmt::format("regio: error: {}: interrupted by {} {}; later steps were not run; manifest in {}/manifest.json\n",
                                 args.pipeline, interrupt::signal_name(sig), at, out_dir);
        return 128 + sig;
    }
    // Not in the manifest either: how many region sets the steps loaded, how
    // many loads sharing them saved, and how many were released before the
    // run's end because no later step read their file (RegionCache).
    timings["region_sets"] = {
        {"loaded", context.regions.loads()}, {"shared", context.regions.shared()}, {"released", context.regions.released()}};
    finish(&timings);
    if (!args.quiet) for (const auto& line : summaries) std::cerr << line << '\n';
    if (!args.quiet) std::cerr << fmt::format("run: {} steps done; manifest in {}/manifest.json\n", steps.size(), out_dir);
    return 0;
}

}  // namespace

void add_run(CLI::App& app, Action& action) {
    auto args = std::make_shared<RunArgs>();
    CLI::App* cmd = app.add_subcommand("run", "Run a pipeline file of steps, with a manifest of inputs, outputs and checks");
    cmd->add_option("pipeline", args->pipeline, "PIPELINE.toml")->required();
    cmd->add_option("--out", args->out, "Output directory (default: the file's [pipeline] out, or out)");
    cmd->add_option("--only", args->only, "Run only this step (earlier outputs must exist)");
    cmd->add_flag("--dry-run", args->dry_run, "Check the file and print the commands (shell-quoted), run nothing");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress or summaries from the run or its steps");
    cmd->add_flag("--overwrite", args->overwrite,
                  "Let steps replace existing database tables that no earlier run of this pipeline made (files are never replaced)");
    cmd->footer(R"(Example:
  regio run geodata/demo/pipeline.toml --out out
  regio run pipeline.toml --overwrite   # replace database tables made elsewhere
The file format, with an example: regio help pipeline)");
    cmd->callback([args, &action, &app] { action = [args, &app] { return run(app, *args); }; });
}

}  // namespace regio::cli
