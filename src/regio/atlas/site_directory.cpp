#include "regio/atlas/site_directory.hpp"

#include "regio/error.hpp"

#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace regio::atlas {
namespace {

constexpr const char* kMarker = ".regio-atlas";

bool is_within(const fs::path& inner, const fs::path& outer) {
    const fs::path a = fs::weakly_canonical(inner), b = fs::weakly_canonical(outer);
    auto ai = a.begin();
    for (auto bi = b.begin(); bi != b.end(); ++bi, ++ai)
        if (ai == a.end() || *ai != *bi) return false;
    return true;
}

}  // namespace

SiteDirectory::SiteDirectory(fs::path final_dir, Overwrite overwrite, const fs::path& run_dir) : m_final(std::move(final_dir)) {
    if (m_final.empty()) throw UsageError("-o SITE_DIR is required");
    if (is_within(run_dir, m_final))
        throw UsageError("the site '" + m_final.string() + "' would replace the run directory '" + run_dir.string() + "'",
                         Where{}, "write the atlas into a new directory, e.g. " + (run_dir / "atlas").string());
    if (fs::exists(m_final)) {
        if (overwrite == Overwrite::No)
            throw UsageError("output '" + m_final.string() + "' exists", Where{}, "give --overwrite to replace an atlas");
        if (!fs::is_directory(m_final) || !fs::exists(m_final / kMarker))
            throw UsageError("'" + m_final.string() + "' exists and is not an atlas written by regio; it is not replaced");
    }
    const fs::path parent = m_final.has_parent_path() ? m_final.parent_path() : fs::path(".");
    if (!fs::is_directory(parent)) throw IoError("the directory of the site does not exist", Where{parent.string()});
    m_staging = parent / (".regio-atlas-" + m_final.filename().string() + "-" + std::to_string(::getpid()));
    fs::remove_all(m_staging);
    fs::create_directory(m_staging);
    write(kMarker, "regio atlas\n");
}

SiteDirectory::~SiteDirectory() {
    if (m_committed) return;
    std::error_code ignored;
    fs::remove_all(m_staging, ignored);
}

void SiteDirectory::write(const std::string& relative, const std::string& content) {
    const fs::path path = m_staging / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    out.close();
    if (!out) throw IoError("write failed", Where{(m_final / relative).string()});
    ++m_files;
    m_bytes += content.size();
    if (path.extension() == ".html" && content.size() > m_largest) {
        m_largest = content.size();
        m_largest_name = relative;
    }
}

void SiteDirectory::copy(const fs::path& from, const std::string& relative) {
    const fs::path path = m_staging / relative;
    fs::create_directories(path.parent_path());
    std::error_code ec;
    fs::copy_file(from, path, fs::copy_options::overwrite_existing, ec);
    if (ec) throw IoError("cannot copy into the site: " + ec.message(), Where{from.string()});
    ++m_files;
    m_bytes += fs::file_size(path);
}

void SiteDirectory::commit() {
    const fs::path old = m_staging.parent_path() / (".regio-atlas-old-" + m_final.filename().string() + "-" + std::to_string(::getpid()));
    std::error_code ec;
    if (fs::exists(m_final)) {
        fs::rename(m_final, old, ec);
        if (ec) throw IoError("cannot replace the site: " + ec.message(), Where{m_final.string()});
    }
    fs::rename(m_staging, m_final, ec);
    if (ec) throw IoError("cannot move the site into place: " + ec.message(), Where{m_final.string()});
    m_committed = true;
    fs::remove_all(old, ec);
}

}  // namespace regio::atlas
