#pragma once
// A table written into a PostGIS database (issue #16: `-o PG:... --output-layer
// [SCHEMA.]NAME`), never seen half-written:
//
//   - checked when planned: the connection opens, the schema exists, the
//     table exists only with Overwrite::Yes;
//   - written inside one transaction under a temporary name
//     (regio_tmp_<pid>_<n>), so the old table stays readable meanwhile;
//   - at commit(), in the same transaction: the old table dropped (when
//     replaced), the new one renamed into place, COMMIT.
//
// A failure, a signal or a kill before the commit leaves the old table (or
// none): the transaction is rolled back by the destructor, or by the server
// when the connection ends with the process (SIGTERM: the signal watcher's
// _exit; SIGKILL). commit() holds the interrupt registry (LiveTemporaries::
// hold), so a signal waits until the table is in place.
#include "regio/io/gdal_handles.hpp"
#include "regio/io/output_file.hpp"

#include <string>

namespace regio::io {

class DatabaseTable {
public:
    // UsageError: the table exists without Overwrite::Yes, or no table name;
    // IoError: the connection fails or the schema does not exist. Messages
    // name the destination without its password.
    DatabaseTable(const std::string& connection, const std::string& table, Overwrite overwrite);
    ~DatabaseTable();  // rolls back unless committed
    DatabaseTable(const DatabaseTable&) = delete;
    DatabaseTable& operator=(const DatabaseTable&) = delete;

    // Starts the transaction and creates the new table under its temporary
    // name: a geometry column "geom" (multipolygons with the CRS's SRID and a
    // GiST index) when crs_wkt is not empty, else a plain table. Once only.
    OGRLayer& create_layer(const std::string& crs_wkt, bool with_geometry);
    // A statement inside the transaction; IoError with the server's message.
    void execute(const std::string& sql);
    // Drops the replaced table, renames the new one into place and commits.
    void commit();

    [[nodiscard]] GDALDataset& dataset() { return *m_ds; }
    // The destination as messages and reports show it: no password.
    [[nodiscard]] const std::string& shown() const { return m_shown; }
    [[nodiscard]] const std::string& schema() const { return m_schema; }
    [[nodiscard]] const std::string& name() const { return m_name; }
    // Whether the table existed when this object was made.
    [[nodiscard]] bool existed() const { return m_exists; }
    // "schema"."name", quoted for SQL.
    [[nodiscard]] std::string qualified() const;
    // The table as written before commit() (for statements on it).
    [[nodiscard]] std::string temp_qualified() const;
    [[nodiscard]] const std::string& connection() const { return m_connection; }
    // For messages: "PG:... (table SCHEMA.NAME)", without the password.
    [[nodiscard]] Where where() const;

private:
    // The first column of the first row of a query.
    std::string query_text(const std::string& sql);

    std::string m_connection;
    std::string m_shown;
    std::string m_schema;
    std::string m_name;
    std::string m_temp_name;
    Overwrite m_overwrite;
    bool m_exists = false;
    DatasetPtr m_ds;
    OGRLayer* m_layer = nullptr;
    bool m_in_transaction = false;
    bool m_committed = false;
};

// A string as an SQL literal ('it''s') and an identifier ("a""b").
std::string sql_literal(const std::string& text);
std::string sql_identifier(const std::string& name);

// True when two PG: connection strings name the same database (host, port,
// dbname and service compared; user and password ignored).
bool same_database(const std::string& a, const std::string& b);

}  // namespace regio::io
