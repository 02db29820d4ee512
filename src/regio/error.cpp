#include "regio/error.hpp"

namespace regio {

bool Where::empty() const {
    return file.empty() && layer.empty() && !line && !feature && field.empty();
}

std::string Where::format() const {
    std::string out = file;
    if (!layer.empty()) out += (out.empty() ? "" : ":") + layer;
    auto part = [&out](const std::string& s) {
        if (!out.empty()) out += ": ";
        out += s;
    };
    if (line) part("line " + std::to_string(*line));
    if (feature) part("feature " + std::to_string(*feature));
    if (!field.empty()) part("field '" + field + "'");
    return out;
}

static std::string compose(const std::string& what, const Where& where) {
    return where.empty() ? what : where.format() + ": " + what;
}

Error::Error(std::string what, Where where, std::string hint)
    : std::runtime_error(compose(what, where)),
      m_where(std::move(where)),
      m_message(std::move(what)),
      m_hint(std::move(hint)) {}

}  // namespace regio
