#pragma once
// SHA-256 (FIPS 180-4) of files, for the run manifest (inputs and outputs are
// recorded with their digests so that next year's run can be compared), the
// atlas (which checks the files it publishes) and the region cache key.
#include <cstdint>
#include <string>

namespace regio::io {

// Lower-case hex digest of the file's bytes; throws IoError if unreadable.
std::string sha256_file(const std::string& path);
// Digest of a string (for tests and small texts).
std::string sha256_text(const std::string& text);

}  // namespace regio::io
