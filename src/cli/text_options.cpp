#include "text_options.hpp"

namespace regio::cli {

io::TextOptions TextInputArgs::options() const { return io::text_options(delimiter, encoding); }

void add_text_options(CLI::App& command, TextInputArgs& args) {
    command.add_option("--delimiter", args.delimiter,
                       "Delimiter of CSV inputs: ',' ';' '|' or 'tab' (default: detected from the header)");
    command.add_option("--encoding", args.encoding,
                       "Encoding of text inputs that do not declare one, e.g. CP1252 or ISO-8859-1 (default: UTF-8; "
                       "invalid bytes are an error)");
}

}  // namespace regio::cli
