#pragma once
// The site is written into a temporary directory beside SITE_DIR and renamed
// into place when complete: a reader never sees half a site, a failed run
// leaves nothing behind. An existing SITE_DIR is replaced only with
// Overwrite::Yes and only when it is an atlas regio wrote (it holds the
// marker file .regio-atlas), so that a mistyped -o never deletes a run's
// outputs or anything else.
#include "regio/atlas/atlas.hpp"

#include <filesystem>
#include <string>

namespace regio::atlas {

class SiteDirectory {
public:
    // `run_dir`: the run's directory, which the site must not replace.
    SiteDirectory(std::filesystem::path final_dir, Overwrite overwrite, const std::filesystem::path& run_dir);
    ~SiteDirectory();
    SiteDirectory(const SiteDirectory&) = delete;
    SiteDirectory& operator=(const SiteDirectory&) = delete;

    // Writes `content` to `relative` (directories created as needed).
    void write(const std::string& relative, const std::string& content);
    void copy(const std::filesystem::path& from, const std::string& relative);
    void commit();

    [[nodiscard]] std::size_t files() const { return m_files; }
    [[nodiscard]] std::uintmax_t bytes() const { return m_bytes; }
    [[nodiscard]] std::uintmax_t largest_page_bytes() const { return m_largest; }
    [[nodiscard]] const std::string& largest_page() const { return m_largest_name; }

private:
    std::filesystem::path m_final;
    std::filesystem::path m_staging;
    bool m_committed = false;
    std::size_t m_files = 0;
    std::uintmax_t m_bytes = 0, m_largest = 0;
    std::string m_largest_name;
};

}  // namespace regio::atlas
