// `regio atlas` as a registry entry (issue #13): the options declared in the
// library in the order help shows them, and a run that fails before the site
// or the report is written.
#include "regio/atlas/atlas_command.hpp"
#include "regio/error.hpp"
#include "../options/bound_command_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace atlas_command_test {

using namespace regio;

TEST_CASE("atlas command: the declared options in order", "[atlas][registry]") {
    test::BoundEntry bound(atlas::atlas_command());
    CHECK(bound.names() ==
          std::vector<std::string>{"run", "output", "title", "lang", "templates", "overwrite", "report", "quiet"});
    CHECK(options::is_positional(bound.options.declarations().front().spec));
}

TEST_CASE("atlas command: a missing run fails before the site or the report is written", "[atlas][registry]") {
    test::ScratchDirectory dir("regio-atlas-command");
    test::BoundEntry bound(atlas::atlas_command());
    bound.set("run", dir.file("nowhere"));
    bound.set("output", dir.file("site"));
    bound.set("report", dir.file("reports/atlas.json"));
    CHECK_THROWS_AS(bound.run(), regio::IoError);
    CHECK(dir.empty());
}

TEST_CASE("atlas command: an unknown language is a usage error", "[atlas][registry]") {
    test::ScratchDirectory dir("regio-atlas-command");
    test::BoundEntry bound(atlas::atlas_command());
    bound.set("run", dir.file("nowhere"));
    bound.set("output", dir.file("site"));
    bound.set("lang", "fr");
    CHECK_THROWS_WITH(bound.run(), "--lang: 'fr' is not a language of the atlas (en, de)");
}

}  // namespace atlas_command_test
