#pragma once
// The options of `regio degurba`: inputs, outputs, and one option per rule
// or threshold of degurba::Options (../shared/spec/degurba.md), declared in
// the library (issue #13). A preset sets the base; the options given override
// it (resolve_options), so each rule or threshold records whether it was given.
#include "regio/degurba/degurba_operation.hpp"
#include "regio/io/grid_source_spec.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/options/option_set.hpp"
#include "regio/regions/region_source.hpp"

#include <string>

namespace regio::degurba {

struct DegurbaArguments {
    // Inputs.
    io::GridSourceSpec grid;  // the population (one value column)
    std::string land;
    std::string built_up;
    // Classification: the preset and level, then the choices over the preset.
    std::string preset = "Manual2021";
    int level = 1;
    options::Overridable<std::string> divisor{"land"};
    options::Overridable<int> connectivity{4};
    options::Overridable<double> centre_density{1500};
    options::Overridable<double> centre_population{50000};
    options::Overridable<int> cluster_connectivity{8};
    options::Overridable<double> cluster_density{300};
    options::Overridable<double> cluster_population{5000};
    options::Overridable<double> built_up_threshold{0.5};
    options::Overridable<std::string> size_test{"before-smoothing"};
    options::Overridable<std::string> majority_rule{"R2022A"};
    bool no_smoothing = false;
    options::Overridable<int> majority_neighbours{5};
    options::Overridable<double> max_hole_area{15};
    bool no_gap_filling = false;
    options::Overridable<std::string> water{"rural"};
    options::Overridable<double> semi_dense_distance{2000};
    options::Overridable<std::string> unit_rules{"online2024"};
    // Outputs.
    std::string output;
    std::string clusters;
    std::string clusters_layer;
    std::string units;
    std::string units_layer;  // --units-layer: the layer apart from the source
    std::string unit_id;
    std::string unit_name;             // --unit-name: a field of --units carried into --units-out
    regions::RegionSource unit_fixes;  // --set-id, --skip-feature of --units (and a pipeline's region cache)
    std::string units_out;
    std::string units_out_layer;
    std::string report;
    bool overwrite = false;
    bool quiet = false;
    unsigned threads = 0;
    io::TextInputArgs text;  // of --grid-table and the units' text
};

void declare_degurba_options(options::OptionSet& options, DegurbaArguments& args);

// The request of the options parsed: the options given become the choices
// over the preset. Throws UsageError for a bad --delimiter or --encoding.
DegurbaRequest degurba_request(const DegurbaArguments& args);

}  // namespace regio::degurba
