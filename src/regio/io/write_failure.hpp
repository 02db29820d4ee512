#pragma once
// Why a write failed, in words a user can act on (issue #12): "No space left
// on device", "Permission denied", "Read-only file system", "File too large",
// with the final path of the output, never its hidden temporary file.
#include <filesystem>
#include <string>

namespace regio::io {

// The system's text for an errno value ("No space left on device").
std::string system_reason(int error_number);

// The reason a library (GDAL, SQLite) failed to write `temp`, whose final
// name is `shown`. Their own messages are misleading for system failures
// (SQLite: "database or disk is full", "attempt to write a readonly
// database") and name the temporary file, so the directory is probed: a
// small file is created and written there, and when that fails its errno is
// the reason. Otherwise `message`, with the temporary's name replaced by the
// final one.
std::string describe_write_failure(const std::filesystem::path& temp, const std::string& shown, const std::string& message);

}  // namespace regio::io
