#pragma once
// A perturbation table built from parameters (issue #17): every row is the
// maximum-entropy distribution (maxent_solver.hpp) under these constraints:
//  - zeros stay zero (row 0 publishes 0 with probability 1);
//  - |j - i| <= D (max_perturbation) and j >= 0;
//  - no published value lies in (0, js) (js = min_published);
//  - rows with i >= js are unbiased (sum p (j - i) = 0) with variance V
//    (sum p (j - i)^2 = V) and, when p_stay is given, keep i with exactly
//    that probability;
//  - rows with 0 < i < js cannot stay (i is not publishable); they are
//    unbiased too, sending i to 0 or to js..i+D, with variance at most V
//    (the ptable package's bound: equal to V when the unconstrained
//    maximum-entropy row would spread wider, unless V is at or below the
//    smallest variance the row's values allow).
// Rows from js + D on have the same shape, so the last row, i = js + D,
// stands for every larger count.
//
// Note: cellKey's ptable package calls its threshold js the largest blocked
// value; regio's min_published is the smallest published one (cellKey's
// js + 1).
#include "regio/indicators/ptable.hpp"

#include <cstdint>
#include <optional>

namespace regio::indicators {

struct PTableParameters {
    std::int64_t max_perturbation = 0;  // D >= 1
    double variance = 0;                // V > 0
    std::int64_t min_published = 1;     // js >= 1, at most D
    std::optional<double> p_stay;       // in (0, 1); free when absent
};

// Throws ConfigError naming the parameter when the constraints cannot be met
// (with the range of variances that can, for the offending row).
PTable build_ptable(const PTableParameters& parameters);

}  // namespace regio::indicators
