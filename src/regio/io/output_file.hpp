#pragma once
// An output written to a temporary file beside its final place and renamed
// into place only when complete: a reader never sees half a file, a failed run
// leaves nothing behind, and an input is never overwritten.
#include <filesystem>
#include <string>
#include <vector>

namespace regio::io {

enum class Overwrite { No, Yes };

class OutputFile {
public:
    // Throws UsageError when the output exists without Overwrite::Yes, or when
    // it is one of the inputs; IoError when its directory does not exist.
    OutputFile(std::filesystem::path final_path, Overwrite overwrite, const std::vector<std::string>& inputs);
    ~OutputFile();  // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Where to write: same directory and extension as the final path.
    [[nodiscard]] const std::filesystem::path& temp_path() const { return m_temp; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return m_final; }
    void commit();

private:
    std::filesystem::path m_final;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

// Lower-case extension without the dot ("csv", "gpkg").
std::string extension_of(const std::filesystem::path& path);

}  // namespace regio::io
