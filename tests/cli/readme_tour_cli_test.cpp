// The README cannot drift from the program (issue #18): every command of its
// tour (blocks marked <!-- tour -->, on freshly generated demo data) and of
// its first hour on Berlin (<!-- first-hour -->, on the committed extract
// geodata/berlin) runs in a temporary directory laid out like the checkout,
// with `regio` the binary under test, and must exit 0.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace readme_tour_cli_test {

using namespace regio_test;

namespace {

const fs::path kSource = fs::path(REGIO_TEST_DATA).parent_path().parent_path();

// The ```sh blocks that follow a line `<!-- MARKER -->`, in order.
std::vector<std::string> marked_blocks(const std::string& readme, const std::string& marker) {
    std::vector<std::string> blocks;
    std::istringstream lines(readme);
    std::string line;
    bool marked = false;
    while (std::getline(lines, line)) {
        if (line == "<!-- " + marker + " -->") {
            marked = true;
            continue;
        }
        if (!marked || line.empty()) continue;
        marked = false;
        if (line != "```sh") continue;  // a marker must be followed by a block; checked by the count below
        std::string block;
        while (std::getline(lines, line) && line != "```") block += line + "\n";
        blocks.push_back(block);
    }
    return blocks;
}

std::size_t marker_count(const std::string& readme, const std::string& marker) {
    std::size_t count = 0;
    const std::string line = "<!-- " + marker + " -->";
    for (auto at = readme.find(line); at != std::string::npos; at = readme.find(line, at + 1)) ++count;
    return count;
}

// A directory laid out like the checkout for the README's relative paths:
// geodata/berlin and styles from the checkout, geodata/demo generated, and
// bin/regio the binary under test.
struct Checkout {
    TempDir dir;
    fs::path bin() const { return dir / "bin"; }

    Checkout() {
        const fs::path geodata = dir.subdir("geodata");
        fs::create_directory_symlink(kSource / "geodata" / "berlin", geodata / "berlin");
        fs::create_directory_symlink(kSource / "styles", dir / "styles");
        fs::create_directory(bin());
        fs::create_symlink(REGIO_BINARY, bin() / "regio");
    }

    // The demo city as tools/demo makes it: the committed files and the generated data.
    bool make_demo() const {
        const fs::path demo = dir / "geodata" / "demo";
        fs::create_directories(demo);
        for (const auto& entry : fs::directory_iterator(kSource / "geodata" / "demo"))
            if (entry.is_regular_file()) fs::copy_file(entry.path(), demo / entry.path().filename());
        const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-demo";
        if (!fs::exists(generator)) return false;
        return run_program(generator.string(), {"--out", demo.string()}).exit_code == 0;
    }

    // Runs one block with bash, stopping at the first failing command.
    RunResult run(const std::string& block) const {
        const auto bash = find_on_path("bash");
        REQUIRE(bash);
        const std::string script = "set -euo pipefail\nexport PATH='" + bin().string() +
                                   "':\"$PATH\" GDAL_PAM_ENABLED=NO\n"
                                   "[ \"$(command -v regio)\" = '" + (bin() / "regio").string() + "' ]\n" + block;
        return run_program(*bash, {"-c", script}, dir.path());
    }
};

void run_blocks(const Checkout& checkout, const std::vector<std::string>& blocks) {
    for (const auto& block : blocks) {
        const RunResult r = checkout.run(block);
        INFO("README block:\n" << block << "stderr:\n" << r.err);
        REQUIRE(r.exit_code == 0);
    }
}

}  // namespace

TEST_CASE("readme: every command of the tour runs on the demo data", "[cli][readme]") {
    const std::string readme = read_file(kSource / "README.md");
    const auto blocks = marked_blocks(readme, "tour");
    // Every marker is followed by a block, and the tour shows most commands.
    CHECK(blocks.size() == marker_count(readme, "tour"));
    REQUIRE(blocks.size() >= 5);
    Checkout checkout;
    if (!checkout.make_demo()) {
        WARN("regio-make-demo is not built: skipped");
        return;
    }
    run_blocks(checkout, blocks);
    // What the tour promises to write.
    for (const char* output : {"tour/residents_2023.csv", "tour/crosswalk.csv", "tour/changes.csv", "tour/segregation.csv",
                               "tour/non_eu_share.svg", "out/manifest.json", "out/atlas/index.html"})
        CHECK(fs::exists(checkout.dir / output));
}

TEST_CASE("readme: every command of the first hour runs on the Berlin extract", "[cli][readme][berlin]") {
    const std::string readme = read_file(kSource / "README.md");
    const auto blocks = marked_blocks(readme, "first-hour");
    CHECK(blocks.size() == marker_count(readme, "first-hour"));
    REQUIRE(blocks.size() >= 4);
    Checkout checkout;
    run_blocks(checkout, blocks);
    for (const char* output : {"first-hour/foreigners_2020.svg", "first-hour/validation.csv",
                               "first-hour/degurba_districts.csv", "first-hour/run/manifest.json"})
        CHECK(fs::exists(checkout.dir / output));
    // The pipeline ran twice with an identical manifest (the block compares them too).
    CHECK(read_file(checkout.dir / "first-hour" / "manifest-1.json") ==
          read_file(checkout.dir / "first-hour" / "run" / "manifest.json"));
}

}  // namespace readme_tour_cli_test
