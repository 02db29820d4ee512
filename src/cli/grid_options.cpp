#include "grid_options.hpp"
#include "declared_options.hpp"

#include "regio/io/grid_source_options.hpp"

namespace regio::cli {

void add_grid_options(CLI::App& command, io::GridSourceSpec& grid) {
    regio::options::OptionSet declared;
    io::declare_grid_options(declared, grid);
    add_declared_options(command, declared);
}

}  // namespace regio::cli
