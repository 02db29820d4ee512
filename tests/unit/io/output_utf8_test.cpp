// The UTF-8 check of finished text outputs reads them in blocks (an output
// can be as large as its input): a character across a block boundary is
// fine, an invalid byte far in is found with its line.
#include "regio/io/output_utf8.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>
#include <fstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace output_utf8_test {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

fs::path write_text(const std::string& name, const std::string& text) {
    const fs::path path = fs::temp_directory_path() / ("regio_utf8_blocks_" + std::to_string(::getpid()) + name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_CASE("output check: characters across a block boundary, errors far in") {
    constexpr std::size_t kBlock = std::size_t{1} << 20;
    for (const std::size_t shift : {1, 2, 3}) {
        CAPTURE(shift);
        // "ü" (2 bytes) and "€" (3 bytes) and "𝄞" (4 bytes) start `shift` bytes before the boundary.
        std::string text(kBlock - shift, 'a');
        text += "\xC3\xBC\xE2\x82\xAC\xF0\x9D\x84\x9E\n";
        const fs::path ok = write_text("ok.csv", text);
        CHECK_NOTHROW(regio::io::check_output_utf8(ok, "ok.csv"));
        fs::remove(ok);
    }
    std::string lines;
    while (lines.size() < 3 * kBlock) lines += "A,Gen\n";
    const std::size_t line = 1 + std::count(lines.begin(), lines.end(), '\n');
    lines += "A,Gen\xE8ve\n";
    const fs::path bad = write_text("bad.csv", lines);
    CHECK_THROWS_WITH(regio::io::check_output_utf8(bad, "bad.csv"),
                      Contains("bad.csv: line " + std::to_string(line) + ": the output would hold invalid UTF-8 (byte 0xE8 after 'A,Gen')"));
    fs::remove(bad);
}

}  // namespace output_utf8_test
