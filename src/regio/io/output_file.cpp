#include "regio/io/output_file.hpp"

#include "regio/io/output_plan.hpp"

#include <algorithm>
#include <cctype>

namespace regio::io {

std::string extension_of(const std::filesystem::path& path) {
    if (is_stdout_name(path.string())) return "csv";
    std::string ext = path.extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

OutputFile::OutputFile(std::filesystem::path final_path, Overwrite overwrite, const std::vector<std::string>& inputs)
    : m_plan(std::make_unique<OutputPlan>(overwrite, inputs)) {
    m_output = &m_plan->add("output", final_path.string());
}

OutputFile::~OutputFile() = default;

const std::filesystem::path& OutputFile::temp_path() const { return m_output->temp_path(); }
const std::filesystem::path& OutputFile::final_path() const { return m_output->final_path(); }

void OutputFile::commit() { m_plan->commit(); }

}  // namespace regio::io
