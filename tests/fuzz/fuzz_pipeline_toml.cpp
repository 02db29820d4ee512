// Fuzz target: pipeline files (src/regio/pipeline/pipeline.*), loaded and
// checked as `regio run` does before it runs anything: load_pipeline, then
// check_pipeline, and each step's command line, inputs and outputs.
//
// The harness works in its own empty scratch directory (the current
// directory of the fuzzing process), where the pipeline file is the only
// file. check_pipeline looks at the input files a step names; it is skipped
// for files outside that directory (absolute paths, "..") so that an input
// can never make the harness read devices or the host's files.
#include "fuzz_support.hpp"

#include "regio/pipeline/pipeline.hpp"

#include <filesystem>

using namespace regio;

namespace {

fuzz::ScratchFile& pipeline_file() {
    static fuzz::ScratchFile file("pipeline.toml");
    return file;
}

bool stays_in_scratch_directory(const pipeline::Pipeline& p) {
    auto inside = [](const std::string& value) { return value.empty() || (value.front() != '/' && value.find("..") == std::string::npos); };
    if (!inside(p.out_dir)) return false;
    for (const auto& step : p.steps)
        for (const auto& arg : step.args)
            if (!inside(arg.value)) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::filesystem::current_path(pipeline_file().directory());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = pipeline_file().write(data, size);
    fuzz::expect_only_regio_errors([&] {
        const pipeline::Pipeline p = pipeline::load_pipeline(path);
        fuzz::require(!p.steps.empty(), "an accepted pipeline without steps");
        const std::string out_dir = p.out_dir.empty() ? "out" : p.out_dir;
        if (stays_in_scratch_directory(p)) (void)pipeline::check_pipeline(p, out_dir);
        for (const auto& step : p.steps) {
            (void)pipeline::command_line(p, step, out_dir);
            (void)pipeline::step_inputs(step);
            (void)pipeline::step_outputs(step, out_dir);
        }
    });
    return 0;
}
