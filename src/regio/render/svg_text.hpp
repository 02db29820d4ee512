#pragma once
// The small text rules of a deterministic SVG: XML escaping of anything that
// comes from data, and fixed number formatting (no locale, no exponent, no
// trailing zeros), so the same map is byte-identical on every run.
#include <string>
#include <string_view>

namespace regio::render {

// Escapes & < > " ' so text from the data stays text (a region named
// "<script>" is shown, never run).
std::string xml_escape(std::string_view text);

// value rounded to `decimals` places, shortest form: 12, 12.5, -0.25; never
// "-0" and never an exponent.
std::string format_fixed(double value, int decimals);

}  // namespace regio::render
