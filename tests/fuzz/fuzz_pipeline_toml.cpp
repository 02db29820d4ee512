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

// A few commands as the program's catalog describes them (the fuzz build has
// no command-line tree): inputs, outputs, a positional list, values of each type.
const pipeline::CommandCatalog& catalog() {
    static const pipeline::CommandCatalog c = [] {
        using pipeline::OptionKind;
        using pipeline::ValueType;
        pipeline::CommandCatalog built;
        built.add({"aggregate points", "", {{"regions", OptionKind::Input, ValueType::Text, true, false, ""},
                                            {"id", OptionKind::Value, ValueType::Text, true, false, ""},
                                            {"points", OptionKind::Input, ValueType::Text, true, false, ""},
                                            {"weight", OptionKind::Value, ValueType::List, false, false, ""},
                                            {"threads", OptionKind::Value, ValueType::Integer, false, false, ""},
                                            {"output", OptionKind::Output, ValueType::Text, true, false, ""},
                                            {"report", OptionKind::Output, ValueType::Text, false, false, ""},
                                            {"overwrite", OptionKind::Flag, ValueType::Text, false, false, ""}}});
        built.add({"crosswalk chain", "", {{"crosswalks", OptionKind::Input, ValueType::List, true, true, ""},
                                           {"output", OptionKind::Output, ValueType::Text, true, false, ""}}});
        built.add({"classify", "", {{"data", OptionKind::Input, ValueType::Text, true, false, ""},
                                    {"field", OptionKind::Value, ValueType::Text, true, false, ""},
                                    {"classes", OptionKind::Value, ValueType::Integer, false, false, ""},
                                    {"breaks", OptionKind::Value, ValueType::List, false, false, ""},
                                    {"center", OptionKind::Value, ValueType::Number, false, false, ""},
                                    {"output", OptionKind::Output, ValueType::Text, false, false, ""}}});
        return built;
    }();
    return c;
}

bool stays_in_scratch_directory(const pipeline::Pipeline& p) {
    auto inside = [](const std::string& value) { return value.empty() || (value.front() != '/' && value.find("..") == std::string::npos); };
    if (!inside(p.out_dir)) return false;
    // Inputs are resolved against base_dir (the file's folder and its `base`).
    const auto base = std::filesystem::absolute(p.base_dir.empty() ? "." : p.base_dir).lexically_normal();
    const auto from_scratch = base.lexically_relative(std::filesystem::current_path());
    if (from_scratch.empty() || *from_scratch.begin() == "..") return false;
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
        pipeline::Pipeline p = pipeline::load_pipeline(path);
        const bool contained = stays_in_scratch_directory(p);  // judged on the paths as written
        pipeline::resolve_inputs(p, catalog());
        fuzz::require(!p.steps.empty(), "an accepted pipeline without steps");
        const std::string out_dir = p.out_dir.empty() ? "out" : p.out_dir;
        if (contained) (void)pipeline::check_pipeline(p, catalog(), out_dir);
        for (const auto& step : p.steps) {
            (void)pipeline::command_line(p, catalog(), step, out_dir);
            (void)pipeline::step_inputs(catalog(), step);
            (void)pipeline::step_outputs(catalog(), step, out_dir);
        }
    });
    return 0;
}
