#pragma once
// Which database tables a run may replace (issue #16). The runner passes
// --overwrite to every step so that a re-run replaces its own outputs; for
// files check_confinement() makes that safe, but a database table named as a
// step's output may be anyone's. So, before the first step, every table a
// step will write is looked up: an existing table is replaced only when the
// previous run of the same pipeline made it (the run directory's
// manifest.json records it: same destination without its password, same
// table), or when the user asked for it (`regio run --overwrite`).
#include <compare>
#include <set>
#include <string>
#include <vector>

namespace regio::pipeline {

// A database table a step of the run will write.
struct TableWrite {
    std::string who;         // "step NAME (line N)"
    std::string key;         // the option: output, gpkg
    std::string connection;  // as the step names it (with any password)
    std::string table;       // as the step names it ([SCHEMA.]NAME)
};

// A table a run wrote, as its manifest records it.
struct MadeTable {
    std::string destination;  // the connection without its password
    std::string table;        // schema-qualified: "public.counts"
    auto operator<=>(const MadeTable&) const = default;
};

// The tables the manifest of an earlier run of `pipeline_path` in `out_dir`
// records (its steps' database outputs and its "tables"); empty when there
// is no such manifest or another pipeline wrote it.
std::set<MadeTable> tables_of_previous_run(const std::string& out_dir, const std::string& pipeline_path);

enum class ReplaceTables { MadeByThisPipeline, Any };

// One line per table that exists and may not be replaced (empty: fine),
// naming the step, its line, the destination (without the password) and the
// table. Opens each database (IoError, UsageError as io::DatabaseTable).
std::vector<std::string> check_table_replacements(const std::vector<TableWrite>& writes, const std::set<MadeTable>& made,
                                                  ReplaceTables replace);

}  // namespace regio::pipeline
