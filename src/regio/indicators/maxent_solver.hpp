#pragma once
// Maximum-entropy distributions under moment constraints, the building block
// of the perturbation tables (issue #17; Enderle, Giessing & Tent 2018 design
// each ptable row as the maximum-entropy distribution under its constraints).
//
// Among all distributions p over the points x_s with sum p = 1 and, for each
// feature k, sum p_s f_k(x_s) = c_k, the one with maximum entropy has the
// exponential-family form p_s ~ exp(sum_k lambda_k f_k(x_s)). Its lambda
// minimises the convex dual log Z(lambda) - lambda . c, whose gradient is
// E[f] - c and whose Hessian is Cov(f); we minimise it by damped Newton steps.
// Features here are the first one or two powers of x (mean, second moment).
#include <optional>
#include <vector>

namespace regio::indicators {

struct MomentTargets {
    double mean = 0;                    // sum p x
    std::optional<double> second;       // sum p x^2, when constrained
};

// The second central moments sum p (x - mean)^2 that distributions over
// `points` with the given mean and all p > 0 can have: the open interval
// (low, high) between the products of the nearest and of the farthest
// distances on either side of the mean (two-point distributions are the
// extremes; a point at the mean makes low 0). Nullopt when the points do not
// lie on both sides of the mean.
struct VarianceRange {
    double low = 0;
    double high = 0;
};
std::optional<VarianceRange> reachable_variances(const std::vector<double>& points, double mean);

// The probabilities of `points` (distinct, at least two, on both sides of the
// mean target), or nullopt when the targets lie on or outside the boundary of
// what the points can reach (checked first with reachable_variances: then no
// distribution with all p > 0 meets them) or Newton does not converge. Points should be of order 1 for conditioning.
std::optional<std::vector<double>> max_entropy(const std::vector<double>& points, const MomentTargets& targets);

}  // namespace regio::indicators
