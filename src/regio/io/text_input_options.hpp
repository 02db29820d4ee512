#pragma once
// --delimiter and --encoding, declared once for every command that reads
// delimited text or region names (TextOptions is what the readers take).
#include "regio/io/text_input.hpp"
#include "regio/options/option_set.hpp"

#include <string>

namespace regio::io {

struct TextInputArgs {
    std::string delimiter;  // empty: detected
    std::string encoding;   // empty: UTF-8
    // Checked (UsageError for an unknown delimiter or encoding).
    [[nodiscard]] TextOptions options() const;
};

void declare_text_options(options::OptionSet& options, TextInputArgs& args);

}  // namespace regio::io
