#pragma once
// Inputs as users name them: a file, "FILE:LAYER", or any GDAL data source
// (a connection string such as "PG:dbname=gis", a /vsizip/ path, a URL),
// with the layer named by a companion option (--regions-layer NAME) where the
// source text itself may contain colons.
#include <string>

namespace regio::io {

struct InputSpec {
    std::string path;   // the data source exactly as GDAL opens it (may hold a password)
    std::string layer;  // empty: the only layer
    // A query run by the data source instead of a layer (--points-sql,
    // --regions-sql); in a database its rows are streamed through a cursor.
    std::string sql;
    // The encoding of the layer's text when the layer does not declare one
    // (--encoding; see OgrText); empty: UTF-8. Not part of the text form.
    std::string encoding;

    // An existing path or a data source name (see is_data_source_name) is
    // taken whole; otherwise the text after the last ':' is the layer name.
    static InputSpec parse(const std::string& text);
    // With a companion layer option: a non-empty layer_option names the
    // layer and the text is the data source, whole (colons and all).
    static InputSpec parse(const std::string& text, const std::string& layer_option);

    // True when path names a local file or directory rather than a
    // connection string or virtual file system path.
    [[nodiscard]] bool is_local() const;
    // The source as messages, reports and manifests show it: passwords
    // replaced by *** (see redact_secrets).
    [[nodiscard]] std::string display() const;
    [[nodiscard]] std::string display_path() const;
};

// A connection string or URL rather than a file: "/vsi..." paths, URLs
// ("scheme://..."), and driver prefixes in capitals ("PG:", "WFS:", "OAPIF:",
// "MSSQL:", "ODBC:", "MySQL:"). Such text is never split at a colon.
bool is_data_source_name(const std::string& text);

// The text with every password removed: "password=..." (libpq keywords, also
// quoted values) and the password of "scheme://user:password@host" become
// "***". Used on every source name before it reaches a message or a report.
std::string redact_secrets(const std::string& text);

}  // namespace regio::io
