// The command catalog (issue #13): the pipeline knows the commands and their
// options from the commands' own definitions (`regio docs --catalog` shows
// what it sees). An option that takes a file must be declared an input or an
// output where it is defined (src/cli/option_kinds.hpp); these tests fail
// when one is not.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace command_catalog_cli_test {

using namespace regio_test;

namespace {

const nlohmann::json& catalog() {
    static const TempDir dir;
    static const nlohmann::json parsed = [] {
        const RunResult r = run_regio({"docs", "--catalog", (dir / "catalog.json").string()});
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(read_file(dir / "catalog.json"));
    }();
    return parsed;
}

// Help texts that say an option's value is a file: "FILE[:LAYER]", "A CSV
// table", "BREAKS.json", "Write ...", "a raster", "Directory of".
bool names_a_file(const std::string& help) {
    static const std::regex pattern(
        R"(FILE|\b[A-Z_]+\.(csv|json|toml|gpkg|tif|svg)\b|^(A|An|The) (CSV|raster|SVG|GeoPackage)|^Write |[Rr]aster|^Directory|\.csv or|\.gpkg|\(CSV|CSV\)|^File |CSVs|as a CSV|CSV table|\bwrite\b|\(\.csv\)|this table|style file|_DIR)");
    return std::regex_search(help, pattern);
}

// Value options whose help mentions files without taking one (checked by hand).
const std::set<std::string> kNotFiles = {"crosswalk build --boundary-tolerance", "indicators --output-layer"};

}  // namespace

TEST_CASE("catalog: the commands a pipeline step may run", "[cli][catalog]") {
    std::vector<std::string> names;
    for (const auto& command : catalog()) names.push_back(command["name"]);
    CHECK(names == std::vector<std::string>{"aggregate points", "aggregate grid", "crosswalk build", "crosswalk apply", "crosswalk chain",
                                            "classify", "degurba", "regionalise", "indicators", "map", "compare", "atlas", "segregation",
                                            "styles"});
}

TEST_CASE("catalog: every option whose help names a file is declared an input or an output", "[cli][catalog]") {
    for (const auto& command : catalog())
        for (const auto& option : command["options"]) {
            const std::string who = command["name"].get<std::string>() + " --" + option["name"].get<std::string>();
            const std::string help = option["help"];
            if (option["kind"] != "value" || kNotFiles.count(who)) continue;
            INFO(who << ": " << help);
            CHECK(!names_a_file(help));
        }
}

TEST_CASE("catalog: the help of every input and output says it is a file (the check above can see them)", "[cli][catalog]") {
    for (const auto& command : catalog())
        for (const auto& option : command["options"])
            if (option["kind"] == "input" || option["kind"] == "output") {
                INFO(command["name"].get<std::string>() << " --" << option["name"].get<std::string>() << ": " << option["help"]);
                CHECK(names_a_file(option["help"]));
            }
}

TEST_CASE("catalog: the options the hand-kept tables listed keep their kind", "[cli][catalog]") {
    // The tables src/regio/pipeline/pipeline.cpp kept before issue #13.
    const std::set<std::string> inputs = {"regions", "points", "grid", "grid-table", "grid-layer", "weights", "from",  "to",  "data",
                                          "crosswalk", "layer", "style", "definitions", "units", "land", "built-up", "minus",
                                          "reference", "estimate", "second", "parents"};
    const std::set<std::string> outputs = {"output", "changes", "gpkg", "map", "report", "units-out", "clusters", "local"};
    int checked = 0;
    for (const auto& command : catalog())
        for (const auto& option : command["options"]) {
            const std::string name = option["name"];
            INFO(command["name"].get<std::string>() << " --" << name);
            if (inputs.count(name)) {
                CHECK(option["kind"] == "input");
                ++checked;
            }
            if (outputs.count(name)) {
                CHECK(option["kind"] == "output");
                ++checked;
            }
        }
    CHECK(checked > 40);
}

TEST_CASE("catalog: value types come from the options' own types", "[cli][catalog]") {
    auto option = [](const std::string& command, const std::string& name) {
        for (const auto& c : catalog())
            if (c["name"] == command)
                for (const auto& o : c["options"])
                    if (o["name"] == name) return o;
        FAIL("no option " << command << " --" << name);
        return nlohmann::json();
    };
    CHECK(option("classify", "classes")["type"] == "integer");
    CHECK(option("crosswalk build", "min-share")["type"] == "number");
    CHECK(option("aggregate points", "weight")["type"] == "list");
    CHECK(option("aggregate points", "overwrite")["kind"] == "flag");
    CHECK(option("crosswalk chain", "crosswalks")["positional"] == true);
    CHECK(option("crosswalk build", "from")["required"] == true);
    CHECK(option("map", "outline")["kind"] == "input");  // not in the old tables: it had drifted
}

TEST_CASE("catalog: each input's and output's layer option, by the naming rule", "[cli][catalog]") {
    // NAME-layer, or NAME-name for an option itself called a layer: the
    // pipeline's checks read an input's layer and an output's table through
    // these (issue #13), so a command that names its layer otherwise shows here.
    std::vector<std::string> pairs;
    for (const auto& command : catalog())
        for (const auto& option : command["options"])
            if (option.contains("layer_option"))
                pairs.push_back(command["name"].get<std::string>() + " --" + option["name"].get<std::string>() + " --" +
                                option["layer_option"].get<std::string>());
    CHECK(pairs == std::vector<std::string>{
                       "aggregate points --regions --regions-layer", "aggregate points --points --points-layer",
                       "aggregate points --output --output-layer",   "aggregate grid --regions --regions-layer",
                       "aggregate grid --grid-layer --grid-layer-name", "aggregate grid --output --output-layer",
                       "crosswalk build --from --from-layer",        "crosswalk build --to --to-layer",
                       "crosswalk build --weights --weights-layer",  "crosswalk build --changes --changes-layer",
                       "crosswalk build --output --output-layer",    "crosswalk apply --output --output-layer",
                       "crosswalk chain --output --output-layer",
                       "classify --data --data-layer",               "degurba --grid-layer --grid-layer-name",
                       "degurba --clusters --clusters-layer",        "degurba --units --units-layer",
                       "degurba --units-out --units-out-layer",      "regionalise --units --units-layer",
                       "regionalise --output --output-layer",        "indicators --output --output-layer",
                       "indicators --regions --regions-layer",       "map --layer --layer-name",
                       "map --outline --outline-layer",              "map --gpkg --gpkg-layer",
                       "compare --output --output-layer",            "segregation --data --data-layer",
                       "segregation --regions --regions-layer",
                       "segregation --output --output-layer",        "segregation --local --local-layer"});
}

// Issue #13: the commands are declared in the library's registry and the CLI
// builds its subcommands from the declarations; what the pipeline reads from
// the declarations must be what the built command line takes, option for
// option (name, kind, type, required, positional, help, layer option).
TEST_CASE("catalog: every registered command's declarations are what its command line takes", "[cli][catalog]") {
    const TempDir dir;
    const RunResult r = run_regio({"docs", "--registry-catalog", (dir / "registry.json").string()});
    REQUIRE(r.exit_code == 0);
    const auto registered = nlohmann::json::parse(read_file(dir / "registry.json"));
    REQUIRE(!registered.empty());
    for (const auto& command : registered) {
        INFO(command["name"].get<std::string>());
        const nlohmann::json* built = nullptr;
        for (const auto& c : catalog())
            if (c["name"] == command["name"]) built = &c;
        REQUIRE(built != nullptr);
        CHECK(command.dump(2) == built->dump(2));
    }
}

}  // namespace command_catalog_cli_test
