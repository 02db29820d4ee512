#include "text_options.hpp"
#include "declared_options.hpp"

namespace regio::cli {

void add_text_options(CLI::App& command, TextInputArgs& args) {
    regio::options::OptionSet declared;
    io::declare_text_options(declared, args);
    add_declared_options(command, declared);
}

}  // namespace regio::cli
