#include "regio/io/text_input_options.hpp"

namespace regio::io {

TextOptions TextInputArgs::options() const { return text_options(delimiter, encoding); }

void declare_text_options(options::OptionSet& options, TextInputArgs& args) {
    options.add("--delimiter", args.delimiter,
                "Delimiter of CSV inputs: ',' ';' '|' or 'tab' (default: detected from the header)");
    options.add("--encoding", args.encoding,
                "Encoding of text inputs that do not declare one, e.g. CP1252 or ISO-8859-1 (default: UTF-8; "
                "invalid bytes are an error)");
}

}  // namespace regio::io
