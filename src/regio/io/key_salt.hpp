#pragma once
// The secret salt of the cell-key record keys (issue #17): from a file
// (--key-salt-file) or else the environment variable REGIO_KEY_SALT. The salt
// is never written to any output, report or manifest: whoever knows it can
// recompute every record's key and undo the perturbation.
#include <optional>
#include <string>

namespace regio::io {

inline constexpr const char* kKeySaltVariable = "REGIO_KEY_SALT";

// The file's content without its trailing line end(s), or the variable's
// value. Throws IoError (unreadable file) and UsageError (neither given, or
// an empty salt).
std::string read_key_salt(const std::optional<std::string>& salt_file);

}  // namespace regio::io
