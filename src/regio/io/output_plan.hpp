#pragma once
// All outputs of one command, planned and checked before any is written and
// committed together (issue #12: a command with two outputs used to write the
// first and then refuse the second, leaving half a result).
//
//   OutputPlan plan(overwrite, inputs);
//   const PlannedOutput& table = plan.add("-o", args.output);       // checked now
//   const PlannedOutput* report = plan.add_optional("--report", args.report);
//   ... the work ...
//   write_region_table(result, &regions, table);                      // to table.temp_path()
//   if (report) write_output_text(*report, json);
//   plan.commit();                                                     // all renamed into place
//
// add() checks each output at once: not an input, not planned twice, absent
// unless Overwrite::Yes, its directory exists and accepts a new file. Each
// output is written to a temporary file beside its final place (same
// directory, so the rename is atomic), registered with the interrupt
// handling (LiveTemporaries). commit() renames them all; if one rename fails
// the ones already done are rolled back (replaced files restored from hard
// links), so existing files stay untouched. Without commit() the destructor
// removes every temporary.
//
// Missing output directories are created by add() once its checks passed
// (issue #18 item 8); a plan that is not committed removes the ones it made
// (only when empty), so a failed run leaves no empty directories behind.
//
// "-" names standard output (issue #18 item 8), accepted only where the
// caller says the output is CSV (StdoutUse::Csv) and for one output of the
// plan. It is written to a temporary file like any other output and copied
// to standard output by commit(), after the files are in place, so a failed
// run prints nothing.
#include "regio/io/input_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/table_format.hpp"

#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace regio::io {

class DatabaseTable;

// A region table's destination as the user named it (issue #16): a file or
// a database (-o PG:... --output-layer [SCHEMA.]NAME), its layer, and the
// format (--of; empty: by the extension).
struct TableDestination {
    std::string path;
    std::string layer;
    std::string format;
};

// Checks a table destination on its own, as a pipeline does before a run:
// the format, and for a database that it opens and has the schema (an
// existing table is not an error here: a pipeline replaces its outputs).
void check_table_destination(const TableDestination& destination);

// A database table named as an output, as the database resolves it: the
// schema filled in ("public.counts"), and whether the table exists now (a
// pipeline's check before its run replaces anything; issue #16). Errors as
// DatabaseTable's (connection, schema, name).
struct DatabaseTableState {
    std::string qualified;
    bool exists = false;
};
DatabaseTableState database_table_state(const std::string& connection, const std::string& table);

// Whether an output may be "-" (standard output): only CSV outputs may.
enum class StdoutUse { Refused, Csv };

class PlannedOutput {
public:
    PlannedOutput(std::string option, std::filesystem::path final_path, std::filesystem::path temp_path);
    // A table in a database: no file, no temporary file (see DatabaseTable).
    PlannedOutput(std::string option, std::unique_ptr<DatabaseTable> database);
    ~PlannedOutput();
    PlannedOutput(PlannedOutput&&) noexcept;
    PlannedOutput& operator=(PlannedOutput&&) = delete;

    // The option that named it ("-o", "--report"), for messages.
    [[nodiscard]] const std::string& option() const { return m_option; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return m_final; }
    // Where to write: same directory and extension as the final path.
    [[nodiscard]] const std::filesystem::path& temp_path() const { return m_temp; }
    // The final path as text: what every message names, never the temporary;
    // a database table as "PG:... (table SCHEMA.NAME)" without the password.
    [[nodiscard]] std::string shown() const { return is_stdout() ? "standard output" : m_shown; }
    // Written to standard output ("-") when the plan is committed.
    [[nodiscard]] bool is_stdout() const { return is_stdout_name(m_final.string()); }

    // A table output's format (none: planned by add(), by its extension) and
    // layer name (empty: the file's stem).
    [[nodiscard]] std::optional<TableFormat> format() const { return m_format; }
    [[nodiscard]] const std::string& layer() const { return m_layer; }
    // The file's final path, or a database's connection without the password.
    [[nodiscard]] std::string destination() const { return m_database ? m_destination : m_final.string(); }
    // The database table this output writes, or nullptr for a file.
    [[nodiscard]] DatabaseTable* database() const { return m_database.get(); }
    // Rows written (recorded by the table writers for reports and manifests).
    void record_rows(std::size_t rows) const { m_rows = rows; }
    [[nodiscard]] std::optional<std::size_t> rows() const { return m_rows; }

private:
    friend class OutputPlan;
    std::string m_option;
    std::filesystem::path m_final;
    std::filesystem::path m_temp;
    std::string m_shown;
    std::string m_destination;  // a database's, without its password
    std::optional<TableFormat> m_format;
    std::string m_layer;
    std::unique_ptr<DatabaseTable> m_database;
    mutable std::optional<std::size_t> m_rows;  // set while writing through a const reference
    bool m_left_out = false;                     // OutputPlan::leave_out: not committed
};

class OutputPlan {
public:
    // `inputs` are never overwritten (empty entries are ignored).
    OutputPlan(Overwrite overwrite, std::vector<std::string> inputs);
    // Inputs with their layers: a database table that is an input is never
    // an output either (issue #16).
    static OutputPlan reading(Overwrite overwrite, const std::vector<InputSpec>& inputs);
    ~OutputPlan();  // removes every temporary unless committed
    OutputPlan(const OutputPlan&) = delete;
    OutputPlan& operator=(const OutputPlan&) = delete;

    // Plans and checks one output. UsageError: also an input, planned twice
    // ("-o and --report name the same file"), exists without Overwrite::Yes;
    // IoError: its directory is missing or refuses a new file (permission
    // denied, read-only file system), naming the path and the reason. The
    // reference stays valid for the life of the plan.
    // "-" is a UsageError unless `stdout_use` is StdoutUse::Csv, and for a
    // second output.
    const PlannedOutput& add(const std::string& option, const std::string& path, StdoutUse stdout_use = StdoutUse::Refused);
    // nullptr when `path` is empty (an optional output not asked for).
    const PlannedOutput* add_optional(const std::string& option, const std::string& path,
                                      StdoutUse stdout_use = StdoutUse::Refused);

    // A region table's output: a file as add() plans it, with the format of
    // --of or its extension (UsageError naming the choices), or a database
    // table, checked now (connection, schema, exists only with --overwrite,
    // not an input; at most one per plan) and committed last in commit().
    const PlannedOutput& add_table(const std::string& option, const TableDestination& destination);

    // Renames every planned output into place, all or none; a database
    // table is committed after the files are in place (which are rolled back
    // when its commit fails). IoError when an
    // output was not written or cannot be moved into place.
    void commit();

    // Takes a file output out of the plan before the commit: its temporary is
    // removed and its final place left as it was (a directory made for it
    // goes again when empty). For an output that a failed check means not to
    // write while the others are still committed: compare's report after a
    // failed exact check (the validation table is kept for inspection).
    void leave_out(const PlannedOutput& output);

    [[nodiscard]] Overwrite overwrite() const { return m_overwrite; }
    [[nodiscard]] const std::vector<std::string>& inputs() const { return m_inputs; }

private:
    OutputPlan(Overwrite overwrite, std::vector<std::string> inputs, std::vector<InputSpec> input_tables);
    void remove_temporaries() noexcept;
    void create_directory_of(const std::filesystem::path& final_path);
    void remove_created_directories() noexcept;
    void copy_to_stdout(const PlannedOutput& out) const;

    Overwrite m_overwrite;
    std::vector<std::string> m_inputs;
    std::vector<InputSpec> m_input_tables;  // database inputs
    std::deque<PlannedOutput> m_outputs;  // a deque: add() keeps references valid
    std::vector<std::filesystem::path> m_created_directories;  // outermost first
    bool m_committed = false;
};

}  // namespace regio::io
