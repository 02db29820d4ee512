#pragma once
// Goodness-of-fit figures of a classification, as mapclassify reports them:
// GVF (Jenks' goodness of variance fit) and ADCM.
#include <cstddef>
#include <vector>

namespace regio::classify {

struct Fit {
    double gvf = 1.0;   // 1 - SDCM/SDAM; 1 when all values are equal (SDAM = 0)
    double adcm = 0.0;  // sum over classes of |y - median of its class|
};

// `sorted` ascending; `counts` the class sizes in order, summing to sorted.size().
[[nodiscard]] Fit measure_fit(const std::vector<double>& sorted, const std::vector<std::size_t>& counts);

}  // namespace regio::classify
