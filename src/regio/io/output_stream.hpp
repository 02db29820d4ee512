#pragma once
// Text outputs (CSV, JSON, SVG) written to a planned output's temporary file
// through the system's write(), so that a failure is reported with its real
// reason (errno) and the final path: "out/table.csv: cannot write: No space
// left on device" (issue #12; std::ofstream only says that it failed).
#include "regio/io/output_plan.hpp"

#include <functional>
#include <ostream>
#include <string_view>

namespace regio::io {

// Creates the temporary file of `out`, lets `body` write to it, and closes
// it; IoError naming out.shown() and the reason on any failure.
void write_output_stream(const PlannedOutput& out, const std::function<void(std::ostream&)>& body);
void write_output_text(const PlannedOutput& out, std::string_view text);

}  // namespace regio::io
