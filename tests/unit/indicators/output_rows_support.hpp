#pragma once
// Helper of the indicators tests: one output row found by region, group and
// indicator.
#include "regio/indicators/compute.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace regio_test::indicators {

inline const regio::indicators::OutputRow& output_row(const regio::indicators::Result& result, const regio::indicators::Hierarchy& h,
                                                      const std::string& region, const std::string& group, std::size_t indicator) {
    for (const auto& r : result.rows)
        if (h.ids[r.region] == region && r.group == group && r.indicator == indicator) return r;
    FAIL("no row " << region << " " << group);
    return result.rows.front();
}

}  // namespace regio_test::indicators
