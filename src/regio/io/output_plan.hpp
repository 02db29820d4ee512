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
#include "regio/io/output_file.hpp"

#include <deque>
#include <filesystem>
#include <string>
#include <vector>

namespace regio::io {

// Whether an output may be "-" (standard output): only CSV outputs may.
enum class StdoutUse { Refused, Csv };

class PlannedOutput {
public:
    PlannedOutput(std::string option, std::filesystem::path final_path, std::filesystem::path temp_path)
        : m_option(std::move(option)), m_final(std::move(final_path)), m_temp(std::move(temp_path)) {}

    // The option that named it ("-o", "--report"), for messages.
    [[nodiscard]] const std::string& option() const { return m_option; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return m_final; }
    // Where to write: same directory and extension as the final path.
    [[nodiscard]] const std::filesystem::path& temp_path() const { return m_temp; }
    // The final path as text: what every message names, never the temporary.
    [[nodiscard]] std::string shown() const { return is_stdout() ? "standard output" : m_final.string(); }
    // Written to standard output ("-") when the plan is committed.
    [[nodiscard]] bool is_stdout() const { return is_stdout_name(m_final.string()); }

private:
    std::string m_option;
    std::filesystem::path m_final;
    std::filesystem::path m_temp;
};

class OutputPlan {
public:
    // `inputs` are never overwritten (empty entries are ignored).
    OutputPlan(Overwrite overwrite, std::vector<std::string> inputs);
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

    // Renames every planned output into place, all or none. IoError when an
    // output was not written or cannot be moved into place.
    void commit();

    [[nodiscard]] Overwrite overwrite() const { return m_overwrite; }
    [[nodiscard]] const std::vector<std::string>& inputs() const { return m_inputs; }

private:
    void remove_temporaries() noexcept;
    void create_directory_of(const std::filesystem::path& final_path);
    void remove_created_directories() noexcept;
    void copy_to_stdout(const PlannedOutput& out) const;

    Overwrite m_overwrite;
    std::vector<std::string> m_inputs;
    std::deque<PlannedOutput> m_outputs;  // a deque: add() keeps references valid
    std::vector<std::filesystem::path> m_created_directories;  // outermost first
    bool m_committed = false;
};

}  // namespace regio::io
