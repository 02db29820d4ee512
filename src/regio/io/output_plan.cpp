#include "regio/io/output_plan.hpp"
#include "regio/io/output_utf8.hpp"

#include "regio/error.hpp"
#include "regio/interrupt/live_temporaries.hpp"
#include "regio/io/database_table.hpp"
#include "regio/io/write_failure.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace regio::io {
namespace {

namespace fs = std::filesystem;

fs::path directory_of(const fs::path& path) { return path.has_parent_path() ? path.parent_path() : fs::path("."); }

// A name beside `final_path` that only this process uses: hidden, with the
// pid, the final stem and `kind` ("tmp", "old"), and the final extension (GDAL
// picks drivers by extension).
fs::path sibling(const fs::path& final_path, const char* kind) {
    return directory_of(final_path) /
           (".regio-" + std::to_string(::getpid()) + "-" + final_path.stem().string() + "." + kind + final_path.extension().string());
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Creates and removes a probe file in the directory of `final_path`: the
// directory must accept a new file now, not after an hour of work.
void check_directory_writable(const fs::path& final_path) {
    const fs::path dir = directory_of(final_path);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw IoError("output directory does not exist", Where{dir.string()});
    const fs::path probe = sibling(final_path, "probe");
    auto& live = interrupt::LiveTemporaries::instance();
    live.add(probe);  // an interrupt right now must not leave it behind
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    const int err = errno;
    if (fd >= 0) {
        ::close(fd);
        ::unlink(probe.c_str());
    }
    live.forget(probe);
    if (fd < 0) throw IoError("cannot create the output: " + system_reason(err), Where{final_path.string()});
}

// "schema.name" and "name" name the same table when the names agree (an
// unqualified name may be in any schema of the search path: refused too).
bool same_table(const std::string& a, const std::string& b) {
    const auto da = a.find('.'), db = b.find('.');
    if (da != std::string::npos && db != std::string::npos) return a == b;
    return a.substr(da == std::string::npos ? 0 : da + 1) == b.substr(db == std::string::npos ? 0 : db + 1);
}

// Standard output is written to a temporary file first (see the header).
fs::path stdout_temporary() {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    return dir / (".regio-" + std::to_string(::getpid()) + "-stdout.tmp.csv");
}

}  // namespace

PlannedOutput::PlannedOutput(std::string option, std::filesystem::path final_path, std::filesystem::path temp_path)
    : m_option(std::move(option)), m_final(std::move(final_path)), m_temp(std::move(temp_path)), m_shown(m_final.string()) {}

PlannedOutput::PlannedOutput(std::string option, std::unique_ptr<DatabaseTable> database)
    : m_option(std::move(option)),
      m_shown(database->shown() + " (table " + database->schema() + "." + database->name() + ")"),
      m_destination(database->shown()),
      m_format(TableFormat::PostGis),
      m_layer(database->schema() + "." + database->name()),
      m_database(std::move(database)) {}
PlannedOutput::~PlannedOutput() = default;
PlannedOutput::PlannedOutput(PlannedOutput&&) noexcept = default;

OutputPlan::OutputPlan(Overwrite overwrite, std::vector<std::string> inputs) : OutputPlan(overwrite, std::move(inputs), {}) {}

OutputPlan OutputPlan::reading(Overwrite overwrite, const std::vector<InputSpec>& inputs) {
    std::vector<std::string> paths;
    std::vector<InputSpec> tables;
    for (const auto& input : inputs) {
        paths.push_back(input.path);
        if (!input.is_local()) tables.push_back(input);
    }
    return OutputPlan(overwrite, std::move(paths), std::move(tables));
}

OutputPlan::OutputPlan(Overwrite overwrite, std::vector<std::string> inputs, std::vector<InputSpec> input_tables)
    : m_overwrite(overwrite), m_inputs(std::move(inputs)), m_input_tables(std::move(input_tables)) {
    if (std::count_if(m_inputs.begin(), m_inputs.end(), is_stdout_name) > 1)
        throw UsageError("only one input can be standard input (-)");
}

void check_table_destination(const TableDestination& destination) {
    if (table_format("--output", destination.path, destination.format) == TableFormat::PostGis)
        DatabaseTable(destination.path, destination.layer, Overwrite::Yes);
}

DatabaseTableState database_table_state(const std::string& connection, const std::string& table) {
    const DatabaseTable database(connection, table, Overwrite::Yes);
    return {database.schema() + "." + database.name(), database.existed()};
}

const PlannedOutput& OutputPlan::add_table(const std::string& option, const TableDestination& destination) {
    const TableFormat format = table_format(option, destination.path, destination.format);
    if (format != TableFormat::PostGis) {
        if (!destination.layer.empty() && format == TableFormat::Csv)
            throw UsageError("--output-layer names a table in a database or a layer of a GeoPackage, FlatGeobuf, GeoJSON or "
                             "Parquet file, not of a CSV file");
        // "-": standard output, for CSV only.
        add(option, destination.path, format == TableFormat::Csv ? StdoutUse::Csv : StdoutUse::Refused);
        m_outputs.back().m_format = format;
        m_outputs.back().m_layer = destination.layer;
        return m_outputs.back();
    }
    const std::string shown = redact_secrets(destination.path);
    if (destination.layer.empty())
        throw UsageError(option + " " + shown + ": a database output needs the table's name", {}, "add --output-layer [SCHEMA.]NAME");
    for (const auto& input : m_input_tables)
        if (input.sql.empty() && same_database(input.path, destination.path) && same_table(input.layer, destination.layer))
            throw UsageError("output table " + destination.layer + " is also an input; choose another name", Where{shown});
    for (const auto& earlier : m_outputs)
        if (earlier.database())
            throw UsageError(earlier.option() + " and " + option + " both write into a database; one database output per command");
    auto database = std::make_unique<DatabaseTable>(destination.path, destination.layer, m_overwrite);
    m_outputs.emplace_back(option, std::move(database));
    return m_outputs.back();
}

OutputPlan::~OutputPlan() {
    if (m_committed) return;
    remove_temporaries();
    remove_created_directories();
}

// Creates the missing directories of `final_path` (all levels), after the
// output's own checks; remembered so that a failed run removes them again.
void OutputPlan::create_directory_of(const fs::path& final_path) {
    const fs::path dir = directory_of(final_path);
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    std::vector<fs::path> missing;  // innermost first
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (!p.has_parent_path() || p.parent_path() == p) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (!fs::create_directory(*it, ec) && ec)
            throw IoError("cannot create the output directory: " + ec.message(), Where{it->string()});
        m_created_directories.push_back(*it);
    }
    if (!fs::is_directory(dir, ec)) throw IoError("output directory is not a directory", Where{dir.string()});
}

void OutputPlan::remove_created_directories() noexcept {
    for (auto it = m_created_directories.rbegin(); it != m_created_directories.rend(); ++it) ::rmdir(it->c_str());
    m_created_directories.clear();
}

void OutputPlan::copy_to_stdout(const PlannedOutput& out) const {
    const int fd = ::open(out.temp_path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError("cannot read back: " + system_reason(errno), Where{out.shown()});
    std::vector<char> buffer(std::size_t{1} << 16);
    int err = 0;
    while (err == 0) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) err = errno;
        if (got <= 0) break;
        for (ssize_t done = 0; done < got && err == 0;) {
            const ssize_t n = ::write(STDOUT_FILENO, buffer.data() + done, static_cast<std::size_t>(got - done));
            if (n < 0 && errno != EINTR) err = errno;
            if (n > 0) done += n;
        }
    }
    ::close(fd);
    if (err != 0) throw IoError("cannot write: " + system_reason(err), Where{out.shown()});
}

void OutputPlan::remove_temporaries() noexcept {
    auto& live = interrupt::LiveTemporaries::instance();
    for (const auto& out : m_outputs) {
        if (out.database()) continue;  // rolled back when the plan lets go of it
        interrupt::remove_with_side_files(out.temp_path());
        live.forget(out.temp_path());
    }
}

const PlannedOutput* OutputPlan::add_optional(const std::string& option, const std::string& path, StdoutUse stdout_use) {
    return path.empty() ? nullptr : &add(option, path, stdout_use);
}

const PlannedOutput& OutputPlan::add(const std::string& option, const std::string& path, StdoutUse stdout_use) {
    if (path.empty()) throw UsageError(option + " needs a file name");
    if (is_stdout_name(path)) {
        if (stdout_use != StdoutUse::Csv)
            throw UsageError(option + " -: only CSV outputs can be written to standard output", {}, "name a file");
        for (const auto& earlier : m_outputs)
            if (earlier.is_stdout())
                throw UsageError(earlier.option() + " and " + option + " both name standard output (-)");
        const fs::path temp = stdout_temporary();
        interrupt::LiveTemporaries::instance().add(temp);
        m_outputs.emplace_back(option, fs::path(path), temp);
        return m_outputs.back();
    }
    const fs::path final_path(path);
    for (const auto& earlier : m_outputs)
        if (!earlier.database() && same_file(earlier.final_path(), final_path))
            throw UsageError(earlier.option() + " and " + option + " name the same file");
    std::error_code ec;
    for (const auto& input : m_inputs)
        if (!input.empty() && fs::exists(input, ec) && fs::exists(final_path, ec) && fs::equivalent(input, final_path, ec))
            throw UsageError("output " + path + " is also an input; choose another name");
    if (fs::exists(final_path, ec) && m_overwrite == Overwrite::No)
        throw UsageError("output " + path + " exists", {}, "add --overwrite to replace it");
    if (fs::is_directory(final_path, ec)) throw UsageError("output " + path + " is a directory");
    create_directory_of(final_path);
    check_directory_writable(final_path);
    const fs::path temp = sibling(final_path, "tmp");
    interrupt::LiveTemporaries::instance().add(temp);
    m_outputs.emplace_back(option, final_path, temp);
    return m_outputs.back();
}

void OutputPlan::leave_out(const PlannedOutput& output) {
    for (auto& out : m_outputs) {
        if (&out != &output || out.database()) continue;
        interrupt::remove_with_side_files(out.temp_path());
        interrupt::LiveTemporaries::instance().forget(out.temp_path());
        out.m_left_out = true;
    }
}

void OutputPlan::commit() {
    if (m_committed) return;
    std::error_code ec;
    for (const auto& out : m_outputs)
        if (!out.database() && !out.m_left_out && !fs::exists(out.temp_path(), ec))
            throw IoError("internal error: the output was planned but not written", Where{out.shown()});
    // No output ever holds invalid UTF-8: checked before any is in place.
    for (const auto& out : m_outputs)
        if (!out.database() && !out.m_left_out) check_output_utf8(out.temp_path(), out.shown());
    // An interrupt waits until the whole set is in place or rolled back.
    auto hold = interrupt::LiveTemporaries::instance().hold();
    struct Moved {
        const PlannedOutput* out;
        fs::path backup;  // empty: there was no file before
    };
    std::vector<Moved> moved;
    auto roll_back = [&moved] {
        for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
            if (it->backup.empty()) ::unlink(it->out->final_path().c_str());
            else ::rename(it->backup.c_str(), it->out->final_path().c_str());
        }
    };
    for (const auto& out : m_outputs) {
        if (out.database() || out.is_stdout() || out.m_left_out) continue;  // stdout: copied below, once the files are in place
        fs::path backup;
        if (fs::exists(out.final_path(), ec)) {
            // A hard link keeps the replaced file until the whole set is in place.
            backup = sibling(out.final_path(), "old");
            ::unlink(backup.c_str());
            if (::link(out.final_path().c_str(), backup.c_str()) != 0) backup.clear();
        }
        if (::rename(out.temp_path().c_str(), out.final_path().c_str()) != 0) {
            const int err = errno;
            if (!backup.empty()) ::unlink(backup.c_str());
            roll_back();
            for (const auto& m : moved)
                if (!m.backup.empty()) ::unlink(m.backup.c_str());
            throw IoError("cannot move the finished output into place: " + system_reason(err), Where{out.shown()});
        }
        moved.push_back({&out, backup});
    }
    // The database table last: its commit cannot be undone, the files can.
    for (const auto& out : m_outputs) {
        if (!out.database()) continue;
        try {
            out.database()->commit();
        } catch (...) {
            roll_back();
            for (const auto& m : moved)
                if (!m.backup.empty()) ::unlink(m.backup.c_str());
            throw;
        }
    }
    auto& live = interrupt::LiveTemporaries::instance();
    for (const auto& m : moved) {
        if (!m.backup.empty()) ::unlink(m.backup.c_str());
        live.forget(m.out->temp_path());
    }
    m_committed = true;
    // A directory made only for an output left out is empty: removed (rmdir
    // leaves every directory that holds a committed output).
    if (std::any_of(m_outputs.begin(), m_outputs.end(), [](const PlannedOutput& out) { return out.m_left_out; }))
        remove_created_directories();
    for (const auto& out : m_outputs) {
        if (!out.is_stdout() || out.m_left_out) continue;
        struct RemoveTemporary {
            const fs::path& path;
            ~RemoveTemporary() {
                ::unlink(path.c_str());
                interrupt::LiveTemporaries::instance().forget(path);
            }
        } remove{out.temp_path()};
        copy_to_stdout(out);
    }
}

}  // namespace regio::io
