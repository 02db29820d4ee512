// regio: the program. Everything but the process-wide setup is in program.cpp
// (the command tree and the one error boundary), shared with `regio run`.
#include "program.hpp"

#include "regio/interrupt/signal_watcher.hpp"
#include "regio/io/gdal_handles.hpp"

int main(int argc, char** argv) {
    // First, before any thread exists: SIGINT, SIGTERM and SIGHUP then
    // remove unfinished outputs and end regio with 128 + the signal's number.
    regio::interrupt::start_signal_watcher();
    // GDAL's process-wide settings are the program's choice, not the library's.
    regio::io::apply_program_gdal_settings();
    return regio::cli::run_command_line(std::vector<std::string>(argv + 1, argv + argc));
}
