#pragma once
// The error hierarchy of regio. Every error says *where*: file, layer, row or
// feature, field. main() is the one place that turns these into messages and
// exit codes (UsageError -> 2, everything else -> 1).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace regio {

// Where in the input something went wrong. Every part is optional; format()
// joins the known parts as "file:layer: line 12: field 'x'".
struct Where {
    std::string file;
    std::string layer;
    std::optional<std::int64_t> line;     // 1-based text line (CSV)
    std::optional<std::int64_t> feature;  // OGR feature id
    std::string field;

    [[nodiscard]] std::string format() const;
    [[nodiscard]] bool empty() const;
};

class Error : public std::runtime_error {
public:
    Error(std::string what, Where where = {}, std::string hint = {});
    [[nodiscard]] const Where& where() const noexcept { return m_where; }
    [[nodiscard]] const std::string& hint() const noexcept { return m_hint; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }

private:
    Where m_where;
    std::string m_message;
    std::string m_hint;
};

// A file cannot be opened, read or written.
class IoError : public Error { using Error::Error; };
// A CRS is missing, unknown, or two inputs disagree.
class CrsError : public Error { using Error::Error; };
// A geometry is invalid and cannot be repaired, or regions overlap.
class GeometryError : public Error { using Error::Error; };
// A configuration or style file is wrong.
class ConfigError : public Error { using Error::Error; };
// The data themselves are wrong: missing fields, duplicate ids, bad values.
class DataError : public Error { using Error::Error; };
// The command line is wrong (exit code 2).
class UsageError : public Error { using Error::Error; };

}  // namespace regio
