// Fuzz target: indicator definitions (src/regio/indicators/definitions_toml.*,
// toml_section.*), parsed from memory as `regio indicators --definitions`
// reads them. Checked: only regio errors; an accepted file satisfies the
// schema's promises (definitions_toml.hpp): groups non-empty, indicators
// named, numerators and denominators present, indicator groups among the
// declared values.
#include "fuzz_support.hpp"

#include "regio/indicators/definitions_toml.hpp"

#include <algorithm>

using namespace regio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::expect_only_regio_errors([&] {
        const indicators::Definitions d = indicators::parse_definitions(fuzz::as_text(data, size), "fuzz.toml");
        fuzz::require(!d.groups.values.empty() && !d.indicators.empty(), "accepted definitions without groups or indicators");
        for (const auto& ind : d.indicators) {
            fuzz::require(!ind.name.empty() && !ind.numerator.empty() && !ind.denominator.empty(),
                          "an accepted indicator without name, numerator or denominator");
            for (const auto& g : ind.groups)
                fuzz::require(std::find(d.groups.values.begin(), d.groups.values.end(), g) != d.groups.values.end(),
                              "an indicator group that is not declared");
            (void)ind.full_label();
        }
        (void)indicators::required_columns(d);  // what `regio indicators` checks the data against
    });
    return 0;
}
