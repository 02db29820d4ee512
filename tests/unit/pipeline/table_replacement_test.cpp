// Which database tables a run may replace (issue #16), without a server: the
// tables a previous run recorded, and where an output option's value goes.
#include "regio/pipeline/command_catalog.hpp"
#include "regio/pipeline/table_replacement.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace table_replacement_test {

using namespace regio::pipeline;
namespace fs = std::filesystem;

namespace {

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("regio_table_replacement_test_" + std::to_string(::getpid()));
    ScratchDir() {
        fs::remove_all(path);
        fs::create_directories(path / "run");
    }
    ~ScratchDir() { fs::remove_all(path); }
};

void write_manifest(const fs::path& run, const std::string& pipeline) {
    std::ofstream(run / "manifest.json") << R"({"pipeline": {"path": ")" << pipeline << R"("},
  "steps": [{"name": "counts", "outputs": [
      {"key": "output", "destination": "PG:dbname=stats password=***", "layer": "public.counts", "rows": 5},
      {"key": "report", "path": "counts.report.json"}]},
    {"name": "failed", "outputs": []}],
  "files": ["counts.report.json"],
  "tables": [{"destination": "PG:dbname=stats", "layer": "stats.earlier"}]})";
}

}  // namespace

TEST_CASE("table replacement: the tables the previous run of the same pipeline recorded") {
    ScratchDir dir;
    const std::string pipeline = (dir.path / "p.toml").string();
    const std::string run = (dir.path / "run").string();
    CHECK(tables_of_previous_run(run, pipeline).empty());  // no manifest: nothing made
    write_manifest(dir.path / "run", pipeline);
    const std::set<MadeTable> made = tables_of_previous_run(run, pipeline);
    CHECK(made == std::set<MadeTable>{{"PG:dbname=stats password=***", "public.counts"}, {"PG:dbname=stats", "stats.earlier"}});
    // Another pipeline's manifest: its tables are not this pipeline's.
    CHECK(tables_of_previous_run(run, (dir.path / "other.toml").string()).empty());
}

TEST_CASE("table replacement: regio run --overwrite replaces any table, without a look") {
    // The connection is never opened: nothing to check.
    const std::vector<TableWrite> writes{{"step a (line 3)", "output", "PG:dbname=nowhere_at_all", "t"}};
    CHECK(check_table_replacements(writes, {}, ReplaceTables::Any).empty());
    CHECK(check_table_replacements({}, {}, ReplaceTables::MadeByThisPipeline).empty());
}

TEST_CASE("table replacement: where an output option's value goes") {
    OptionInfo output{"output", OptionKind::Output};
    output.layer_option = "output-layer";
    const OptionInfo report{"report", OptionKind::Output};
    CHECK(destination_of(output, "PG:dbname=stats") == Destination::DatabaseTable);
    CHECK(destination_of(output, "counts.csv") == Destination::File);
    CHECK(destination_of(output, "-") == Destination::StandardOutput);
    // No table option: a data source name is no table this option writes.
    CHECK(destination_of(report, "PG:dbname=stats") == Destination::File);
}

}  // namespace table_replacement_test
