#pragma once
// Reading a perturbation table from CSV in the format cellKey and the ptable
// package export (columns i, j, p; v, p_int_lb, p_int_ub and type may be
// present and are ignored: the intervals are recomputed from p, so a table
// edited by hand cannot carry intervals that disagree with its
// probabilities). See ptable.hpp for the checks.
#include "regio/indicators/ptable.hpp"

#include <string>

namespace regio::indicators {

// Throws IoError (unreadable file), DataError (not a number, a count that is
// not a whole number) and ConfigError (a table that breaks the ptable rules),
// each naming the file, line and column.
PTable read_ptable_csv(const std::string& path);

}  // namespace regio::indicators
