#include "cli_checks.hpp"

#include "xml_check.hpp"

#include <catch2/catch.hpp>

namespace regio_test {

RunResult expect_failure(const std::vector<std::string>& args, int exit_code, const std::string& message, const fs::path& out_dir,
                         const std::vector<std::string>& left) {
    const RunResult r = run_regio(args);
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == exit_code);
    CHECK_THAT(r.err, Catch::Matchers::StartsWith("regio: error: "));
    CHECK_THAT(r.err, Catch::Matchers::Contains(message));
    CHECK(r.out.empty());
    CHECK(list_dir(out_dir) == left);
    return r;
}

void check_renders(const fs::path& svg, const fs::path& dir) {
    const auto rsvg = find_on_path("rsvg-convert");
    if (!rsvg) {
        WARN("rsvg-convert is not on PATH: not rendering " << svg.filename().string());
        return;
    }
    const fs::path png = dir / (svg.stem().string() + ".png");
    const RunResult r = run_program(*rsvg, {"-o", png.string(), svg.string()});
    INFO("rsvg-convert stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    REQUIRE(fs::exists(png));
    CHECK(fs::file_size(png) > 0);
}

bool run_tool(const std::string& tool, const std::vector<std::string>& args) {
    const auto program = find_on_path(tool);
    if (!program) {
        WARN(tool << " is not on PATH: skipping this part of the test");
        return false;
    }
    const RunResult r = run_program(*program, args);
    INFO(tool << " stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return true;
}

std::string run_and_read(const std::vector<std::string>& args, const fs::path& output, RunResult* result) {
    const RunResult r = run_regio(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    if (result) *result = r;
    return read_file(output);
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
    return n;
}

void check_well_formed(const std::string& xml, const std::string& what) {
    std::string why;
    const bool ok = well_formed(xml, why);
    INFO(what << " is not well-formed: " << why);
    CHECK(ok);
}

}  // namespace regio_test
