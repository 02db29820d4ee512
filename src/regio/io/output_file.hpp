#pragma once
// One output written to a temporary file beside its final place and renamed
// into place only when complete: a reader never sees half a file, a failed run
// leaves nothing behind, and an input is never overwritten. A command with
// several outputs plans them together with OutputPlan (output_plan.hpp);
// OutputFile is a plan of one.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace regio::io {

enum class Overwrite { No, Yes };

class OutputPlan;
class PlannedOutput;

class OutputFile {
public:
    // Throws UsageError when the output exists without Overwrite::Yes, or when
    // it is one of the inputs; IoError when its directory does not exist or
    // refuses a new file.
    OutputFile(std::filesystem::path final_path, Overwrite overwrite, const std::vector<std::string>& inputs);
    ~OutputFile();  // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Where to write: same directory and extension as the final path.
    [[nodiscard]] const std::filesystem::path& temp_path() const;
    [[nodiscard]] const std::filesystem::path& final_path() const;
    [[nodiscard]] const PlannedOutput& planned() const { return *m_output; }
    void commit();

private:
    std::unique_ptr<OutputPlan> m_plan;
    const PlannedOutput* m_output = nullptr;
};

// "-": standard output for outputs (CSV only), standard input for text inputs.
inline bool is_stdout_name(const std::string& path) { return path == "-"; }

// Lower-case extension without the dot ("csv", "gpkg"); "csv" for "-"
// (standard output takes only CSV).
std::string extension_of(const std::filesystem::path& path);

}  // namespace regio::io
