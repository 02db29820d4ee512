#include "regio/toml_input.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace toml_input_test {

using regio::ConfigError;
using regio::parse_toml;

namespace {

// The message and line of the ConfigError that parse_toml throws for `text`.
std::pair<std::string, std::int64_t> config_error_of(const std::string& text) {
    try {
        (void)parse_toml(text, "t.toml");
    } catch (const ConfigError& e) {
        CHECK(e.where().file == "t.toml");
        return {e.message(), e.where().line.value_or(0)};
    }
    FAIL("no ConfigError for: " << text);
    return {};
}

}  // namespace

// Code points such as U+00E4 reach TOML_UNREACHABLE in toml++ 3.3 unless
// parse_toml hands them over as stand-ins; what comes back must be the text.
TEST_CASE("toml input: non-ASCII text in strings and comments is read as written") {
    const auto t = parse_toml("\xEF\xBB\xBF# Bev\xC3\xB6lkerung je km\xC2\xB2\n"
                              "label = \"Anteil Ausl\xC3\xA4nder \xE3\x80\x81 \xEF\xB9\xB7 \xE2\x82\xAC\"\n"
                              "long = \"\"\"\xC3\x84pfel\n\xC3\xBC" "ber \\\" \xC3\xA4\"\"\"\"\n"
                              "raw = '''\xC3\xA4\\\n\xC3\xA4'''\n"
                              "list = [\"\xC3\xA4\", [ '\xC3\xB6' ], { k = \"\xC3\xBC\" }]\n"
                              // toml++ issue #190: U+00A7 first after a line-ending backslash
                              "continued = \"\"\"\\\n  \xC2\xA7\"\"\"\n"
                              "escaped = \"\\u00e4\"\n",
                              "t.toml");
    CHECK(t["label"].value<std::string>() == "Anteil Ausl\xC3\xA4nder \xE3\x80\x81 \xEF\xB9\xB7 \xE2\x82\xAC");
    CHECK(t["long"].value<std::string>() == "\xC3\x84pfel\n\xC3\xBC" "ber \" \xC3\xA4\"");
    CHECK(t["raw"].value<std::string>() == "\xC3\xA4\\\n\xC3\xA4");
    CHECK(t["list"][0].value<std::string>() == "\xC3\xA4");
    CHECK(t["list"][1][0].value<std::string>() == "\xC3\xB6");
    CHECK(t["list"][2]["k"].value<std::string>() == "\xC3\xBC");
    CHECK(t["continued"].value<std::string>() == "\xC2\xA7");
    CHECK(t["escaped"].value<std::string>() == "\xC3\xA4");
}

// Fuzz findings (tests/fuzz/corpus/*/toml_unreachable_*): each of these made
// toml++ 3.3 test U+032A, U+FEF7 or U+00E4 for whitespace. Now they are
// toml++'s ordinary syntax errors, quoting the character as written.
TEST_CASE("toml input: text that reached undefined behaviour in toml++ 3.3 gives syntax errors") {
    const auto u032a = config_error_of("\xCC\xAA");  // toml++ issue #295
    CHECK(u032a.second == 1);
    CHECK_THAT(u032a.first, Catch::Contains("\xCC\xAA"));
    CHECK(config_error_of("a = 1\npalette =0\"Yl\xEF\xBB\xB7OrRd\"\n").second == 2);
    CHECK(config_error_of("a = 1[\"\xC3\xA4\"]\n").second == 1);
    CHECK(config_error_of("t_min=1_band=\"1o\xC4\x8A\"\n").second == 1);
    CHECK(config_error_of("s = \"\"\"\n\\\xC3\xA4\"\"\"\n").second == 2);
}

TEST_CASE("toml input: keys with such characters and plane-15 text are refused by name") {
    CHECK(config_error_of("a = 1\n\"st\xC3\xA4" "dte\" = 2\n") ==
          std::pair<std::string, std::int64_t>{"unknown key 'st\xC3\xA4" "dte' (keys in regio files are plain ASCII)", 2});
    CHECK(config_error_of("a = 1\nb = \"\xF3\xB0\x83\xA4\"\n").second == 2);
    CHECK(config_error_of("b = \"\\U000F00E4\"\n").second == 1);
}

TEST_CASE("toml input: syntax errors are ConfigErrors at their line") {
    CHECK(config_error_of("a = 1\nb = \n").second == 2);
    CHECK(config_error_of("s = \"open\nt = \"\xC3\xA4\"\n").second == 1);
}

}  // namespace toml_input_test
