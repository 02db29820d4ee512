// UTF-8 validity (RFC 3629) as the readers and the output check use it.
#include "regio/table/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace utf8_test {

using namespace regio::table;
using std::string_view;

TEST_CASE("utf8: valid text, including every sequence length") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII, longer than eight bytes"));
    CHECK(is_valid_utf8("Gen\xC3\xA8ve"));                  // 2 bytes
    CHECK(is_valid_utf8("\xE2\x82\xAC 12"));                // 3 bytes: euro sign
    CHECK(is_valid_utf8("\xF0\x9F\x97\xBA map"));           // 4 bytes
    CHECK(is_valid_utf8(string_view("a\0b", 3)));            // NUL is valid UTF-8
}

TEST_CASE("utf8: invalid bytes are found at their position") {
    CHECK(find_invalid_utf8("Gen\xE8ve") == 3);                       // Latin-1
    CHECK(find_invalid_utf8("abcdefghij\x80") == 10);                 // lone continuation after an ASCII run
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);                        // overlong
    CHECK(find_invalid_utf8("x\xE0\x80\xAF") == 1);                   // overlong 3-byte
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);                    // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);                // above U+10FFFF
    CHECK(find_invalid_utf8("ok\xC3") == 2);                          // truncated at the end
    CHECK(find_invalid_utf8("\xE2\x82x") == 0);                       // bad continuation
    CHECK(find_invalid_utf8("\xFF") == 0);
}

TEST_CASE("utf8: messages quote the text before the bad byte and escape it") {
    CHECK(describe_invalid_utf8("Gen\xE8ve", 3) == "invalid UTF-8 (byte 0xE8 after 'Gen')");
    CHECK(describe_invalid_utf8("\xE8", 0) == "invalid UTF-8 (byte 0xE8)");
    CHECK(describe_invalid_utf8("id\nA,Gen\xE8", 8) == "invalid UTF-8 (byte 0xE8 after 'A,Gen')");  // one line
    CHECK(describe_invalid_utf8("id\n\xE8", 3) == "invalid UTF-8 (byte 0xE8)");
    CHECK(printable_utf8("K\xF6penick \xC3\xA9") == "K\\xF6penick \xC3\xA9");
}

}  // namespace utf8_test
