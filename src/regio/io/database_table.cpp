#include "regio/io/database_table.hpp"

#include "regio/error.hpp"
#include "regio/interrupt/live_temporaries.hpp"
#include "regio/io/input_spec.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <unistd.h>

namespace regio::io {
namespace {

// GDAL's PostgreSQL messages span lines and may quote the connection.
std::string clean(const std::string& message) { return one_line(redact_secrets(message)); }

// A name no other run uses: the pid and the time (the name vanishes at commit).
std::string temporary_name() {
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "regio_tmp_%d_%08llx", static_cast<int>(::getpid()),
                  static_cast<unsigned long long>(now) & 0xffffffffULL);
    return buffer;
}

// The keywords of a "PG:key=value key='quoted value'" connection string.
std::map<std::string, std::string> connection_keywords(const std::string& text) {
    std::map<std::string, std::string> out;
    std::size_t i = text.find(':') + 1;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        const std::size_t eq = text.find('=', i);
        if (eq == std::string::npos) break;
        std::string key = text.substr(i, eq - i);
        while (!key.empty() && key.back() == ' ') key.pop_back();
        i = eq + 1;
        while (i < text.size() && text[i] == ' ') ++i;
        std::string value;
        if (i < text.size() && text[i] == '\'') {
            for (++i; i < text.size() && text[i] != '\''; ++i) {
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                value += text[i];
            }
            ++i;
        } else {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) value += text[i++];
        }
        out[key] = value;
    }
    return out;
}

}  // namespace

std::string sql_literal(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string sql_identifier(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool same_database(const std::string& a, const std::string& b) {
    if (!a.starts_with("PG:") || !b.starts_with("PG:")) return a == b;
    const auto ka = connection_keywords(a), kb = connection_keywords(b);
    for (const char* key : {"host", "hostaddr", "port", "dbname", "service"}) {
        const auto ia = ka.find(key), ib = kb.find(key);
        if ((ia == ka.end() ? "" : ia->second) != (ib == kb.end() ? "" : ib->second)) return false;
    }
    return true;
}

DatabaseTable::DatabaseTable(const std::string& connection, const std::string& table, Overwrite overwrite)
    : m_connection(connection), m_shown(redact_secrets(connection)), m_temp_name(temporary_name()), m_overwrite(overwrite) {
    if (table.empty())
        throw UsageError("a database output needs the table's name", Where{m_shown}, "add --output-layer [SCHEMA.]NAME");
    if (const auto dot = table.find('.'); dot != std::string::npos) {
        m_schema = table.substr(0, dot);
        m_name = table.substr(dot + 1);
    } else {
        m_name = table;
    }
    if (m_name.empty() || m_name.size() > 63 || (m_schema.empty() && table.find('.') != std::string::npos))
        throw UsageError("'" + table + "' is not a table name (at most 63 characters, [SCHEMA.]NAME)", Where{m_shown});
    ensure_gdal();
    CplErrorCapture capture;
    m_ds.reset(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR));
    if (!m_ds) throw IoError("cannot open the database: " + clean(capture.last_error("connection failed")), Where{m_shown});
    if (std::string(m_ds->GetDriverName()) != "PostgreSQL")
        throw UsageError("not a PostgreSQL database", Where{m_shown});
    if (m_schema.empty()) m_schema = query_text("SELECT current_schema()");
    if (query_text("SELECT count(*) FROM pg_namespace WHERE nspname = " + sql_literal(m_schema)) == "0")
        throw IoError("no schema '" + m_schema + "' in the database", where(), "create it first: CREATE SCHEMA " + m_schema);
    m_exists = query_text("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " +
                          sql_literal(m_schema) + " AND c.relname = " + sql_literal(m_name)) != "0";
    if (m_exists && overwrite == Overwrite::No)
        throw UsageError("output table " + m_schema + "." + m_name + " exists", Where{m_shown}, "add --overwrite to replace it");
}

DatabaseTable::~DatabaseTable() {
    CplErrorCapture quiet;  // a rollback on the way out says nothing
    if (m_ds && m_in_transaction && !m_committed) m_ds->RollbackTransaction();
    m_ds.reset();
}

Where DatabaseTable::where() const {
    return Where{m_shown + " (table " + (m_schema.empty() ? m_name : m_schema + "." + m_name) + ")"};
}

std::string DatabaseTable::qualified() const { return sql_identifier(m_schema) + "." + sql_identifier(m_name); }
std::string DatabaseTable::temp_qualified() const { return sql_identifier(m_schema) + "." + sql_identifier(m_temp_name); }

std::string DatabaseTable::query_text(const std::string& sql) {
    CplErrorCapture capture;
    ResultSetPtr result(m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr), ResultSetReleaser{m_ds.get()});
    FeaturePtr row(result ? result->GetNextFeature() : nullptr);
    if (!row) throw IoError("the database refused a query: " + clean(capture.last_error("no result")), Where{m_shown});
    return row->GetFieldAsString(0);
}

void DatabaseTable::execute(const std::string& sql) {
    CplErrorCapture capture;
    if (m_layer) m_layer->SyncToDisk();  // ends GDAL's COPY of the rows before another statement
    ResultSetPtr result(m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr), ResultSetReleaser{m_ds.get()});
    const std::string failure = capture.last_error("");
    if (!failure.empty()) throw IoError("the database refused the write: " + clean(failure), where());
}

OGRLayer& DatabaseTable::create_layer(const std::string& crs_wkt, bool with_geometry) {
    if (m_layer) throw IoError("internal error: the table was created twice", where());
    CplErrorCapture capture;
    if (m_ds->StartTransaction() != OGRERR_NONE)
        throw IoError("cannot start a transaction: " + clean(capture.last_error()), Where{m_shown});
    m_in_transaction = true;
    OGRSpatialReference srs;
    srs.importFromWkt(crs_wkt.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList options;
    options.SetNameValue("SCHEMA", m_schema.c_str());
    options.SetNameValue("FID", "fid");
    options.SetNameValue("GEOMETRY_NAME", "geom");
    options.SetNameValue("SPATIAL_INDEX", "GIST");
    options.SetNameValue("LAUNDER", "NO");     // the columns keep regio's names
    options.SetNameValue("PRECISION", "NO");   // float8 and int8, not numeric(w,p)
    const bool geometry = with_geometry && !crs_wkt.empty();
    m_layer = m_ds->CreateLayer(m_temp_name.c_str(), geometry ? &srs : nullptr, geometry ? wkbMultiPolygon : wkbNone, options.List());
    if (!m_layer) throw IoError("cannot create the table: " + clean(capture.last_error()), where());
    return *m_layer;
}

void DatabaseTable::commit() {
    if (m_committed) return;
    if (!m_layer) throw IoError("internal error: the output was planned but not written", where());
    {
        CplErrorCapture capture;
        if (m_layer->SyncToDisk() != OGRERR_NONE || !capture.last_error("").empty())
            throw IoError("cannot write the table: " + clean(capture.last_error()), where());
    }
    // A signal waits until the table is in place (or the commit failed).
    auto hold = interrupt::LiveTemporaries::instance().hold();
    if (m_overwrite == Overwrite::Yes) execute("DROP TABLE IF EXISTS " + qualified());
    execute("ALTER TABLE " + temp_qualified() + " RENAME TO " + sql_identifier(m_name));
    // The table's own objects follow its name (GDAL names them after the table).
    const std::string schema = sql_identifier(m_schema) + ".";
    for (const char* suffix : {"_geom_geom_idx", "_pkey"})
        execute("ALTER INDEX IF EXISTS " + schema + sql_identifier(m_temp_name + suffix) + " RENAME TO " +
                sql_identifier((m_name + suffix).substr(0, 63)));
    execute("ALTER SEQUENCE IF EXISTS " + schema + sql_identifier(m_temp_name + "_fid_seq") + " RENAME TO " +
            sql_identifier((m_name + "_fid_seq").substr(0, 63)));
    CplErrorCapture capture;
    if (m_ds->CommitTransaction() != OGRERR_NONE)
        throw IoError("cannot commit the table: " + clean(capture.last_error()), where());
    m_committed = true;
    m_in_transaction = false;
    m_layer = nullptr;
    m_ds.reset();  // GDAL knows the table by its temporary name: close before anything else asks
}

}  // namespace regio::io
