// regio run PIPELINE.toml: the yearly pipeline, checked as a whole first, then
// run step by step (each one a regio command in its own process), with a
// manifest of inputs, outputs and their checksums and each step's report.
#include "commands.hpp"

#include "regio/error.hpp"
#include "regio/io/output_file.hpp"
#include "regio/pipeline/pipeline.hpp"
#include "regio/pipeline/sha256.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace regio::cli {
namespace {

struct RunArgs {
    std::string pipeline;
    std::string out;
    std::string only;
    bool dry_run = false;
    bool quiet = false;
};

// Commands that take --report, --overwrite and --quiet.
const std::set<std::string> kReporting = {"aggregate points", "aggregate grid", "crosswalk build", "crosswalk apply",
                                          "indicators", "regionalise", "segregation"};

int spawn_regio(const std::vector<std::string>& args) {
    std::vector<std::string> all{"regio"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0)
        throw Error("cannot start a step: " + std::string(std::strerror(errno)));
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

void write_json(const std::string& path, const nlohmann::ordered_json& j) {
    io::OutputFile file(path, io::Overwrite::Yes, {});
    {
        std::ofstream out(file.temp_path(), std::ios::binary);
        out << j.dump(2) << '\n';
    }
    file.commit();
}

int run(const RunArgs& args) {
    const pipeline::Pipeline p = pipeline::load_pipeline(args.pipeline);
    const std::string out_dir = args.out.empty() ? p.out_dir : args.out;
    const auto problems = pipeline::check_pipeline(p, out_dir);
    if (!problems.empty()) {
        for (const auto& problem : problems) std::cerr << "regio: error: " << args.pipeline << ": " << problem << '\n';
        throw ConfigError(fmt::format("{} problem(s); nothing was run", problems.size()), Where{args.pipeline});
    }
    if (!args.only.empty() && std::none_of(p.steps.begin(), p.steps.end(), [&](const auto& s) { return s.name == args.only; }))
        throw UsageError("--only: no step named '" + args.only + "'");

    std::filesystem::create_directories(out_dir);
    nlohmann::ordered_json manifest, timings;
    manifest["regio"] = version_text();
    manifest["pipeline"] = {{"path", args.pipeline}, {"name", p.name}, {"sha256", pipeline::sha256_file(args.pipeline)}};
    nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
    std::set<std::string> seen;
    for (const auto& step : p.steps)
        for (const auto& input : pipeline::step_inputs(step))
            if (seen.insert(input).second) inputs.push_back({{"path", input}, {"sha256", pipeline::sha256_file(input)}});
    manifest["inputs"] = inputs;
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const auto& step : p.steps) {
        if (!args.only.empty() && step.name != args.only) continue;
        std::vector<std::string> command = pipeline::command_line(p, step, out_dir);
        const bool reporting = kReporting.count(step.run) > 0;
        const bool has_report = std::any_of(step.args.begin(), step.args.end(), [](const auto& a) { return a.key == "report"; });
        const std::string report = has_report ? "" : (std::filesystem::path(out_dir) / (step.name + ".report.json")).string();
        if (reporting) {
            if (!report.empty()) command.insert(command.end(), {"--report", report});
            if (std::none_of(step.args.begin(), step.args.end(), [](const auto& a) { return a.key == "overwrite"; }))
                command.push_back("--overwrite");  // the out directory belongs to the pipeline
            if (args.quiet) command.push_back("--quiet");
        } else if (step.run == "map" || step.run == "crosswalk chain") {
            command.push_back("--overwrite");
        }
        std::string shown = "regio";
        for (const auto& c : command) shown += " " + c;
        if (args.dry_run) {
            std::cout << step.name << ": " << shown << '\n';
            continue;
        }
        if (!args.quiet) std::cerr << "== " << step.name << ": " << shown << '\n';
        const auto start = std::chrono::steady_clock::now();
        const int code = spawn_regio(command);
        timings[step.name + "_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        nlohmann::ordered_json entry;
        entry["name"] = step.name;
        entry["run"] = step.run;
        entry["command"] = command;
        entry["exit_code"] = code;
        nlohmann::ordered_json outputs = nlohmann::ordered_json::array();
        for (const auto& [key, path] : pipeline::step_outputs(step, out_dir))
            if (std::filesystem::exists(path)) outputs.push_back({{"key", key}, {"path", path}, {"sha256", pipeline::sha256_file(path)}});
        entry["outputs"] = outputs;
        if (reporting && std::filesystem::exists(report.empty() ? "" : report)) {
            std::ifstream in(report);
            nlohmann::ordered_json r = nlohmann::ordered_json::parse(in, nullptr, false);
            if (!r.is_discarded()) {
                r.erase("timings");  // timings live in timings.json: the manifest stays identical on re-runs
                entry["report"] = r;
            }
        }
        steps.push_back(entry);
        if (code != 0) {
            manifest["steps"] = steps;
            write_json((std::filesystem::path(out_dir) / "manifest.json").string(), manifest);
            throw Error(fmt::format("step {} failed (exit {}); later steps were not run", step.name, code), Where{args.pipeline});
        }
    }
    if (args.dry_run) return 0;
    manifest["steps"] = steps;
    write_json((std::filesystem::path(out_dir) / "manifest.json").string(), manifest);
    write_json((std::filesystem::path(out_dir) / "timings.json").string(), timings);
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
    cmd->add_flag("--dry-run", args->dry_run, "Check the file and print the commands, run nothing");
    cmd->add_flag("-q,--quiet", args->quiet, "Quiet steps");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
