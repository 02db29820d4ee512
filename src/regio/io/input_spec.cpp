#include "regio/io/input_spec.hpp"

#include <filesystem>

namespace regio::io {

InputSpec InputSpec::parse(const std::string& text) {
    if (std::filesystem::exists(text) || text.starts_with("/vsi")) return {text, {}};
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return {text, {}};
    return {text.substr(0, colon), text.substr(colon + 1)};
}

}  // namespace regio::io
