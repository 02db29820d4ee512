#include "regio/atlas/atlas_command.hpp"

#include "regio/atlas/atlas.hpp"

#include <memory>

namespace regio::atlas {
namespace {

constexpr const char* kAtlasFooter = R"(Example:
  regio atlas out -o out/atlas --title "Berlin: integration indicators"
  (then open out/atlas/index.html; it works from file:// and any web server))";

class AtlasCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        options.add("run", m_request.run, "RUN_DIR (with manifest.json) or MANIFEST.json of a `regio run`")
            .value_name(options::kInputDirectory)
            .required();
        options.add("-o,--output", m_request.site_dir, "SITE_DIR: the site to write").value_name(options::kOutputDirectory).required();
        options.add("--title", m_request.title, "Title of the atlas (default: the pipeline's name)");
        options.add("--lang", m_lang, "Language of the pages: en or de (default en)");
        options.add("--templates", m_request.templates, "Directory of the page templates (default styles/atlas)")
            .value_name(options::kInputDirectory);
        options.flag("--overwrite", m_overwrite, "Replace SITE_DIR if it is an atlas regio wrote");
        options.add("--report", m_request.report, "Write a JSON report: pages, sizes, downloads, warnings").value_name(options::kOutputFile);
        options.flag("-q,--quiet", m_quiet, "No progress or summary on stderr");
    }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn&) override {
        AtlasRequest request = m_request;
        request.language = parse_language(m_lang);
        request.overwrite = m_overwrite ? Overwrite::Yes : Overwrite::No;
        AtlasResult result = atlas::run(request, progress);
        std::string summary = result.summary() + '\n';
        // The warnings come once the progress has ended, before the summary.
        return {std::move(result.warnings), std::move(summary)};
    }
    [[nodiscard]] bool quiet() const override { return m_quiet; }

private:
    AtlasRequest m_request;
    std::string m_lang = "en";
    bool m_overwrite = false, m_quiet = false;
};

}  // namespace

options::CommandEntry atlas_command() {
    return options::make_entry<AtlasCommand>(
        {"atlas"}, "Publish a run as a static, self-contained site of maps, tables and area profiles", kAtlasFooter);
}

}  // namespace regio::atlas
