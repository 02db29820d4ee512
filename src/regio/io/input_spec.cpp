#include "regio/io/input_spec.hpp"

#include <cctype>
#include <filesystem>
#include <regex>

namespace regio::io {

bool is_data_source_name(const std::string& text) {
    if (text.starts_with("/vsi")) return true;
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon < 2) return false;  // "C:" would be a drive letter
    if (text.compare(colon, 3, "://") == 0) return true;         // a URL or URI
    const std::string prefix = text.substr(0, colon);
    if (prefix == "MySQL" || prefix == "MongoDBv3") return true;
    // GDAL's connection-string prefixes are capitals (PG, WFS, OAPIF, MSSQL,
    // ODBC, OCI, ES); a file name in capitals with no extension is unlikely.
    for (char c : prefix)
        if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

InputSpec InputSpec::parse(const std::string& text) {
    // Asked without throwing: a text that cannot be a path (a name too long
    // for the file system) is simply not an existing one.
    std::error_code not_a_path;
    if (std::filesystem::exists(text, not_a_path) || is_data_source_name(text)) return {text, {}};
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return {text, {}};
    return {text.substr(0, colon), text.substr(colon + 1)};
}

InputSpec InputSpec::parse(const std::string& text, const std::string& layer_option) {
    if (layer_option.empty()) return parse(text);
    return {text, layer_option};
}

bool InputSpec::is_local() const { return !is_data_source_name(path); }

std::string InputSpec::display_path() const { return redact_secrets(path); }

std::string InputSpec::display() const {
    const std::string source = display_path();
    if (layer.empty()) return source;
    // A connection string cannot carry the layer after a colon unambiguously.
    return is_local() ? source + ":" + layer : source + " (layer " + layer + ")";
}

std::string redact_secrets(const std::string& text) {
    // libpq keyword form: password=secret, password = 'se cret', PASSWORD=...
    // (An unquoted value ends at a blank or a double quote, so a connection
    // string inside a JSON report stays valid JSON; a value already redacted
    // is left alone, so that redacting twice changes nothing.)
    static const std::regex keyword(R"((password\s*=\s*)(?!\*\*\*(?:[\s":]|$))('(?:[^'\\]|\\.)*'|[^\s"\\]+))", std::regex::icase);
    // URI form: scheme://user:secret@host
    static const std::regex uri(R"((://[^/:@\s"]*:)(?!\*\*\*@)[^@\s"]*@)");
    std::string out = std::regex_replace(text, keyword, "$1***");
    return std::regex_replace(out, uri, "$1***@");
}

}  // namespace regio::io
