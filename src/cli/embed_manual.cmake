# Embeds the man page texts (src/cli/manual/*.txt, one per command) into the
# regio binary as raw string literals, so `regio docs` needs no files at run
# time. Called at build time:
#   cmake -DMANUAL_DIR=... -DOUTPUT=.../manual_texts.cpp -P embed_manual.cmake
file(GLOB texts "${MANUAL_DIR}/*.txt")
list(SORT texts)
set(delimiter "regio_manual")
set(body "")
foreach(text_file IN LISTS texts)
  get_filename_component(page "${text_file}" NAME_WE)
  file(READ "${text_file}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${text_file}: contains the raw-string delimiter )${delimiter}\"")
  endif()
  string(APPEND body "    {\"${page}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
set(source "// Generated from src/cli/manual/*.txt by src/cli/embed_manual.cmake; do not edit.
#include \"manual_texts.hpp\"

#include <utility>

namespace regio::cli {
namespace {

using Entry = std::pair<std::string_view, std::string_view>;
const Entry kTexts[] = {
${body}};

}  // namespace

std::string_view manual_text(std::string_view page) {
    for (const auto& [name, text] : kTexts)
        if (name == page) return text;
    return {};
}

std::vector<std::string> manual_text_names() {
    std::vector<std::string> names;
    for (const auto& entry : kTexts) names.emplace_back(entry.first);
    return names;
}

}  // namespace regio::cli
")
# Rewrite only when changed, so an unchanged text rebuilds nothing.
set(existing "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" existing)
endif()
if(NOT existing STREQUAL source)
  file(WRITE "${OUTPUT}" "${source}")
endif()
