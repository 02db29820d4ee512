#pragma once
// How delimited-text inputs are read: delimiter and encoding, either named on
// the command line (--delimiter, --encoding) or detected; and the file itself,
// plain or gzip-compressed. Every CSV reader (tables, points, grid tables)
// goes through these, so every command reading text behaves the same.
#include "regio/error.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace regio::io {

struct TextOptions {
    // 0: detected from the header line (',' ';' tab '|', by count outside quotes).
    char delimiter = 0;
    // Empty (or UTF-8): the text must be UTF-8 and invalid bytes are an error
    // naming file, line and field. Otherwise the name of the encoding the text
    // is in (ISO-8859-1, CP1252, ...): it is transcoded to UTF-8 by GDAL's
    // CPLRecode (iconv).
    std::string encoding;
};

// "," ";" "|" "tab" (or "\t", "comma", "semicolon", "pipe") -> the delimiter;
// UsageError otherwise.
char parse_delimiter(const std::string& text);

// The options of --delimiter and --encoding as given (empty: detected,
// UTF-8), checked: UsageError for an unknown delimiter or encoding.
TextOptions text_options(const std::string& delimiter, const std::string& encoding);

// True for an empty name and the spellings of UTF-8.
bool is_utf8_name(const std::string& encoding);

// Throws UsageError when GDAL cannot transcode from `encoding`, or it is not
// a superset of ASCII (UTF-16/32: numbers and delimiters would not be bytes).
void check_encoding(const std::string& encoding);

// `text` in `encoding` as UTF-8 (the text itself when the encoding is UTF-8).
std::string recode_to_utf8(std::string_view text, const std::string& encoding);

// The text of one field as UTF-8: transcoded when an encoding is named,
// otherwise checked; invalid UTF-8 is a DataError at `where` (file, line or
// feature, field) with a hint naming --encoding.
std::string text_as_utf8(std::string_view text, const TextOptions& options, const Where& where);
void require_utf8(std::string_view text, const Where& where);

// "-" names standard input as a text input (issue #18 item 8).
inline bool is_stdin_name(const std::string& path) { return path == "-"; }

// A text file read sequentially, plain or gzip-compressed (recognised by its
// first two bytes, whatever its name; decompressed by GDAL's /vsigzip/).
// "-" reads standard input (plain text only).
class TextFile {
public:
    explicit TextFile(const std::string& path);  // IoError when missing or unreadable
    ~TextFile();
    TextFile(const TextFile&) = delete;
    TextFile& operator=(const TextFile&) = delete;

    // Reads up to `size` bytes; fewer only at the end. IoError on a read error
    // (e.g. a truncated or corrupt gzip stream).
    std::size_t read(char* out, std::size_t size);
    // The whole rest of the file.
    std::string read_all();
    // Fraction read, for progress (of the uncompressed size for gzip).
    [[nodiscard]] double fraction_read() const;
    [[nodiscard]] bool compressed() const { return m_compressed; }

private:
    void open_stdin();

    struct Handle;
    std::string m_path;
    std::unique_ptr<Handle> m_handle;
    bool m_compressed = false;
    std::uint64_t m_size = 0;  // of the uncompressed text (gzip: from its trailer, modulo 2^32)
    std::uint64_t m_read = 0;
};

// ".csv", ".tsv", ".txt", also followed by ".gz"; and "-" (standard input).
bool is_text_table_name(const std::string& path);

}  // namespace regio::io
