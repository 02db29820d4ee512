#include "regio/toml_input.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

using regio::ConfigError;
using regio::parse_toml;

namespace {

// The message and line of the ConfigError that parse_toml throws for `text`.
std::pair<std::string, std::int64_t> config_error_of(const std::string& text) {
    try {
        (void)parse_toml(text, "t.toml");
    } catch (const ConfigError& e) {
        return {e.message(), e.where().line.value_or(0)};
    }
    FAIL("no ConfigError for: " << text);
    return {};
}

}  // namespace

TEST_CASE("toml input: non-ASCII text in strings and comments is read") {
    const auto t = parse_toml("\xEF\xBB\xBF# Bev\xC3\xB6lkerung je km\xC2\xB2\n"
                              "label = \"Anteil Ausl\xC3\xA4nder\"\n"
                              "\"st\xC3\xA4" "dte\" = 'M\xC3\xBCnchen'\n"
                              "long = \"\"\"\xC3\x84pfel\n\xC3\xBC" "ber \\\" \xC3\xA4\"\"\"\"\n"
                              "raw = '''\xC3\xA4\\\n\xC3\xA4'''\n"
                              "list = [\"\xC3\xA4\", [ '\xC3\xB6' ], { k = \"\xC3\xBC\" }]\n",
                              "t.toml");
    CHECK(t["label"].value<std::string>() == "Anteil Ausl\xC3\xA4nder");
    CHECK(t["st\xC3\xA4" "dte"].value<std::string>() == "M\xC3\xBCnchen");
    CHECK(t["long"].value<std::string>() == "\xC3\x84pfel\n\xC3\xBC" "ber \" \xC3\xA4\"");
    CHECK(t["raw"].value<std::string>() == "\xC3\xA4\\\n\xC3\xA4");
    CHECK(t["list"][1][0].value<std::string>() == "\xC3\xB6");
    CHECK(t["list"][2]["k"].value<std::string>() == "\xC3\xBC");
}

// Each of these reached TOML_UNREACHABLE in toml++ 3.3 (fuzz finding; the
// inputs are in tests/fuzz/corpus/*/toml_unreachable_*). Without the check
// toml++'s own message (or, for the last, a parse) came back instead.
TEST_CASE("toml input: characters toml++ 3.3 would test for whitespace are refused with the line") {
    // U+032A alone (toml++ issue #295)
    CHECK(config_error_of("\xCC\xAA") == std::pair<std::string, std::int64_t>{"a non-ASCII character outside a quoted string or comment", 1});
    // a bare key and a value running into U+00B2
    CHECK(config_error_of("a = 1\nkm\xC2\xB2 = 2\n").second == 2);
    CHECK(config_error_of("a = 1\xC2\xB2\n").first == "a non-ASCII character outside a quoted string or comment");
    // a quote inside a bare value opens no string for toml++: it tests U+FEF7 and U+00E4 after it
    CHECK(config_error_of("palette =0\"Yl\xEF\xBB\xB7OrRd\"\n").first == "a non-ASCII character outside a quoted string or comment");
    CHECK(config_error_of("a = 1[\"\xC3\xA4\"]\n").first == "a non-ASCII character outside a quoted string or comment");
    // an escaped U+00E4 in a multi-line basic string
    CHECK(config_error_of("s = \"\"\"\n\\\xC3\xA4\"\"\"\n").first.starts_with("a backslash before a non-ASCII character"));
    // U+00A7 first after a line-ending backslash (toml++ issue #190): valid TOML, refused with a hint
    CHECK(config_error_of("s = \"\"\"\\\n  \xC2\xA7\"\"\"\n") ==
          std::pair<std::string, std::int64_t>{"a line continued by a line-ending backslash starts with a non-ASCII character, "
                                               "which the TOML library (toml++ 3.3) cannot read safely", 2});
}

TEST_CASE("toml input: syntax errors are ConfigErrors at their line") {
    CHECK(config_error_of("a = 1\nb = \n").second == 2);
    CHECK(config_error_of("s = \"open\nt = \"\xC3\xA4\"\n").second == 1);
}
