#pragma once
// --delimiter and --encoding, declared once for every command that reads
// delimited text or region names (io::TextOptions is what the readers take).
#include "regio/io/text_input.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace regio::cli {

struct TextInputArgs {
    std::string delimiter;  // empty: detected
    std::string encoding;   // empty: UTF-8
    // Checked (UsageError for an unknown delimiter or encoding).
    [[nodiscard]] io::TextOptions options() const;
};

void add_text_options(CLI::App& command, TextInputArgs& args);

}  // namespace regio::cli
