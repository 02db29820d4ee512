#include "fuzz_support.hpp"

#include "regio/error.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace regio::fuzz {

void report_finding(std::string_view what) {
    std::fprintf(stderr, "fuzz finding: %.*s\n", static_cast<int>(what.size()), what.data());
    std::fflush(stderr);
    std::abort();
}

void check_current_exception() {
    try {
        throw;
    } catch (const regio::Error& e) {
        // Expected: bad input gets a regio error. It must say something.
        require(e.what() != nullptr && *e.what() != '\0', "regio::Error with an empty message");
    } catch (const std::exception& e) {
        report_finding(std::string("unexpected exception (not regio::Error): ") + e.what());
    } catch (...) {
        report_finding("unexpected exception of unknown type");
    }
}

ScratchFile::ScratchFile(std::string name) {
    std::string pattern = (std::filesystem::temp_directory_path() / "regio-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) report_finding("cannot create a scratch directory (harness setup)");
    m_directory = pattern;
    m_path = (std::filesystem::path(m_directory) / name).string();
}

ScratchFile::~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove_all(m_directory, ec);
}

const std::string& ScratchFile::write(const std::uint8_t* data, std::size_t size) {
    std::ofstream out(m_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) report_finding("cannot write the scratch file (harness setup)");
    return m_path;
}

}  // namespace regio::fuzz
