#include "regio/io/output_file.hpp"

#include "regio/error.hpp"
#include "regio/io/output_utf8.hpp"

#include <algorithm>
#include <cctype>
#include <unistd.h>

namespace regio::io {

std::string extension_of(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

OutputFile::OutputFile(std::filesystem::path final_path, Overwrite overwrite, const std::vector<std::string>& inputs)
    : m_final(std::move(final_path)) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& input : inputs) {
        if (input.empty()) continue;
        if (fs::exists(input, ec) && fs::exists(m_final, ec) && fs::equivalent(input, m_final, ec))
            throw UsageError("output " + m_final.string() + " is also an input; choose another name");
    }
    if (fs::exists(m_final, ec) && overwrite == Overwrite::No)
        throw UsageError("output " + m_final.string() + " exists", {}, "add --overwrite to replace it");
    const fs::path dir = m_final.has_parent_path() ? m_final.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw IoError("output directory does not exist", Where{dir.string()});
    m_temp = dir / (".regio-" + std::to_string(::getpid()) + "-" + m_final.stem().string() + ".tmp" +
                    m_final.extension().string());
}

OutputFile::~OutputFile() {
    if (!m_committed) {
        std::error_code ec;
        std::filesystem::remove(m_temp, ec);
    }
}

void OutputFile::commit() {
    check_output_utf8(m_temp, m_final.string());
    std::error_code ec;
    std::filesystem::rename(m_temp, m_final, ec);
    if (ec) throw IoError("cannot move the finished output into place: " + ec.message(), Where{m_final.string()});
    m_committed = true;
}

}  // namespace regio::io
