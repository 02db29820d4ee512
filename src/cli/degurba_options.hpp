#pragma once
// The options of `regio degurba`: inputs, outputs, and one option per rule
// or threshold of degurba::Options (../shared/spec/degurba.md). A preset sets
// the base; options given on the command line override it (the library
// resolves them: degurba::resolve_options).
#include "regio/degurba/degurba_operation.hpp"
#include "regio/io/grid_source_spec.hpp"
#include "region_options.hpp"
#include "text_options.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace regio::cli {

struct DegurbaArgs {
    // Inputs.
    io::GridSourceSpec grid;  // the population (one value column)
    std::string land;
    std::string built_up;
    // Classification; the Option pointers tell which were given.
    std::string preset = "Manual2021";
    int level = 1;
    std::string divisor = "land";
    int connectivity = 4;
    double centre_density = 1500;
    double centre_population = 50000;
    int cluster_connectivity = 8;
    double cluster_density = 300;
    double cluster_population = 5000;
    double built_up_threshold = 0.5;
    std::string size_test = "before-smoothing";
    std::string majority_rule = "R2022A";
    bool no_smoothing = false;
    int majority_neighbours = 5;
    double max_hole_area = 15;
    bool no_gap_filling = false;
    std::string water = "rural";
    double semi_dense_distance = 2000;
    std::string unit_rules = "online2024";
    struct Given {
        CLI::Option* divisor = nullptr;
        CLI::Option* connectivity = nullptr;
        CLI::Option* centre_density = nullptr;
        CLI::Option* centre_population = nullptr;
        CLI::Option* cluster_connectivity = nullptr;
        CLI::Option* cluster_density = nullptr;
        CLI::Option* cluster_population = nullptr;
        CLI::Option* built_up_threshold = nullptr;
        CLI::Option* size_test = nullptr;
        CLI::Option* majority_rule = nullptr;
        CLI::Option* majority_neighbours = nullptr;
        CLI::Option* max_hole_area = nullptr;
        CLI::Option* water = nullptr;
        CLI::Option* semi_dense_distance = nullptr;
        CLI::Option* unit_rules = nullptr;
    } given;
    // Outputs.
    std::string output;
    std::string clusters;
    std::string clusters_layer;
    std::string units;
    std::string units_layer;  // --units-layer: the layer apart from the source
    std::string unit_id;
    std::string unit_name;  // --unit-name: a field of --units carried into --units-out
    RegionOptions unit_fixes;  // --set-id, --skip-feature of --units
    std::string units_out;
    std::string units_out_layer;
    std::string report;
    bool overwrite = false;
    bool quiet = false;
    unsigned threads = 0;
    TextInputArgs text;  // of --grid-table and the units' text
};

void add_degurba_options(CLI::App& command, DegurbaArgs& args);

// The request of the options parsed: the options given become the choices
// over the preset. Throws UsageError for a bad --delimiter or --encoding.
degurba::DegurbaRequest degurba_request(const DegurbaArgs& args);

}  // namespace regio::cli
