#include "regio/degurba/degurba_command_options.hpp"

#include "regio/io/grid_source_options.hpp"
#include "regio/regions/region_options.hpp"

#include <algorithm>
#include <cctype>

namespace regio::degurba {
namespace {

Connectivity connectivity_of(int n) {
    return n == 8 ? Connectivity::Eight : Connectivity::Four;
}

// The presets and majority rules are accepted in any case (stored as listed).
std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

void declare_degurba_options(options::OptionSet& options, DegurbaArguments& a) {
    io::declare_grid_options(options, a.grid);
    options.add("--land", a.land, "Share of permanent land per cell (0..1), a raster on the same grid")
        .value_name(options::kInputRaster);
    options.add("--built-up", a.built_up, "Share of built-up area per cell (0..1), a raster on the same grid")
        .value_name(options::kInputRaster);

    options.add("--preset", a.preset, "Base settings: Manual2021, GHSL2022 or GHSL2023")
        .one_of_any_case({"Manual2021", "GHSL2022", "GHSL2023"})
        .show_default();
    options.add("--level", a.level, "1 (urban centres, urban clusters, rural) or 2 (with the Level 2 classes)")
        .one_of({"1", "2"})
        .show_default();
    options.add("--divisor", a.divisor, "Density per km² of permanent land (land) or of the whole cell (cell)")
        .one_of({"land", "cell"})
        .show_default();
    options.add("--connectivity", a.connectivity, "Urban centres: 4 (edges) or 8 (edges and corners)")
        .one_of({"4", "8"})
        .show_default();
    options.add("--centre-density", a.centre_density, "Urban centres: minimum density, inh/km²")
        .non_negative()
        .show_default();
    options.add("--centre-population", a.centre_population, "Urban centres: minimum population")
        .non_negative()
        .show_default();
    options.add("--cluster-connectivity", a.cluster_connectivity, "Urban clusters: 4 or 8")
        .one_of({"4", "8"})
        .show_default();
    options.add("--cluster-density", a.cluster_density, "Urban clusters: minimum density, inh/km²")
        .non_negative()
        .show_default();
    options.add("--cluster-population", a.cluster_population, "Urban clusters: minimum population")
        .non_negative()
        .show_default();
    options
        .add("--built-up-threshold", a.built_up_threshold,
             "A cell with at least this built-up share is dense (needs --built-up)")
        .range(0.0, 1.0);
    options
        .add("--size-test", a.size_test,
             "When urban centres must reach their population: before-smoothing or after-gap-filling")
        .one_of({"before-smoothing", "after-gap-filling"})
        .show_default();
    options.add("--majority-rule", a.majority_rule, "Edge smoothing of urban centres: R2022A, R2023A or off")
        .one_of_any_case({"R2022A", "R2023A", "off"})
        .show_default();
    options.flag("--no-smoothing", a.no_smoothing, "No edge smoothing (the same as --majority-rule off)")
        .excludes("--majority-rule");
    options.add("--majority-neighbours", a.majority_neighbours, "R2022A: neighbours (of 8) a cell needs in one centre")
        .range(1, 8)
        .show_default();
    options.add("--max-hole-area", a.max_hole_area, "Holes in urban centres smaller than this (km²) are filled")
        .non_negative()
        .show_default();
    options.flag("--no-gap-filling", a.no_gap_filling, "Fill no holes (the same as --max-hole-area 0)")
        .excludes("--max-hole-area");
    options.add("--water", a.water, "Cells without people and with land < 0.5: rural, or labelled water (10)")
        .one_of({"rural", "labelled"})
        .show_default();
    options
        .add("--semi-dense-distance", a.semi_dense_distance,
             "Level 2: semi-dense clusters closer than this (m) to a centre or dense cluster are dropped")
        .non_negative()
        .show_default();
    options.add("--unit-rules", a.unit_rules, "Level 2 unit classes: online2024 or manual2021 (plurality)")
        .one_of({"online2024", "manual2021"})
        .show_default();

    options
        .add("-o,--output", a.output, "Cell classes: .tif (UInt8 GeoTIFF of class codes) or .gpkg (polygons per class)")
        .value_name(options::kOutputFile)
        .required();
    options
        .add("--clusters", a.clusters,
             "Urban centres and clusters: .gpkg, .fgb, .geojson, .parquet (dissolved cells), .csv (no geometry) or a "
             "database: "
             "PG:CONNECTION with --clusters-layer")
        .value_name(options::kOutputFile);
    options.add(
        "--clusters-layer", a.clusters_layer,
        "Table of a database --clusters ([SCHEMA.]NAME, written in one transaction), or the layer name in a file "
        "(default: the file's name)");
    options
        .add("--units", a.units,
             "Spatial units (e.g. LAU) to classify: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        .value_name(options::kInputLayer);
    options.add("--units-layer", a.units_layer, "Layer (table) of --units, when the source has several");
    options.add("--unit-id", a.unit_id, "Field of --units with the unit id (read as text; must be unique)")
            .names_columns_of("units");
    options.add("--unit-name", a.unit_name,
                "Field of --units with the unit name, carried into --units-out after the id")
            .names_columns_of("units");
    regions::declare_region_fix_options(options, a.unit_fixes);
    options
        .add("--units-out", a.units_out,
             "Unit classes: .csv, or .gpkg, .fgb, .geojson, .parquet (with the units' geometry) or a database: "
             "PG:CONNECTION "
             "with --units-out-layer")
        .value_name(options::kOutputFile);
    options.add(
        "--units-out-layer", a.units_out_layer,
        "Table of a database --units-out ([SCHEMA.]NAME, written in one transaction), or the layer name in a file "
        "(default: the file's name)");
    options.add("--report", a.report, "Write a JSON report: options, cells per class, populations, timings")
        .value_name(options::kOutputFile);
    options.flag("--overwrite", a.overwrite, "Replace the outputs if they exist");
    options.add("--threads", a.threads, "Worker threads for the units (default: all cores)").range(0, 1024);
    options.flag("-q,--quiet", a.quiet, "No progress and no summary on stderr");
    io::declare_text_options(options, a.text);
}

DegurbaRequest degurba_request(const DegurbaArguments& a) {
    DegurbaRequest r;
    const io::TextOptions text = a.text.options();
    r.grid = a.grid;
    r.grid.text = text;
    r.land = a.land;
    r.built_up = a.built_up;
    if (lower(a.preset) == "ghsl2022")
        r.preset = Preset::GHSL2022;
    else if (lower(a.preset) == "ghsl2023")
        r.preset = Preset::GHSL2023;
    r.level = a.level == 2 ? Level::Two : Level::One;
    OptionChoices& c = r.choices;
    if (a.divisor.given) c.divisor = a.divisor.value == "cell" ? DensityDivisor::WholeCell : DensityDivisor::LandArea;
    if (a.connectivity.given) c.centre_connectivity = connectivity_of(a.connectivity.value);
    if (a.centre_density.given) c.centre_density = a.centre_density.value;
    if (a.centre_population.given) c.centre_population = a.centre_population.value;
    if (a.cluster_connectivity.given) c.cluster_connectivity = connectivity_of(a.cluster_connectivity.value);
    if (a.cluster_density.given) c.cluster_density = a.cluster_density.value;
    if (a.cluster_population.given) c.cluster_population = a.cluster_population.value;
    if (a.built_up_threshold.given) c.built_up_threshold = a.built_up_threshold.value;
    if (a.size_test.given)
        c.size_test =
            a.size_test.value == "after-gap-filling" ? SizeTestOrder::AfterGapFilling : SizeTestOrder::BeforeSmoothing;
    if (a.majority_rule.given) {
        const std::string rule = lower(a.majority_rule.value);
        c.majority_rule = rule == "off"      ? MajorityRule::Off
                          : rule == "r2023a" ? MajorityRule::R2023A
                                             : MajorityRule::R2022A;
    }
    if (a.no_smoothing) c.majority_rule = MajorityRule::Off;
    if (a.majority_neighbours.given) c.majority_neighbours = a.majority_neighbours.value;
    if (a.max_hole_area.given) c.max_hole_area_km2 = a.max_hole_area.value;
    if (a.no_gap_filling) c.max_hole_area_km2 = 0;
    if (a.water.given) c.water = a.water.value == "labelled" ? WaterCells::Labelled : WaterCells::Rural;
    if (a.semi_dense_distance.given) c.semi_dense_distance_m = a.semi_dense_distance.value;
    if (a.unit_rules.given)
        c.unit_rules = a.unit_rules.value == "manual2021" ? UnitRules::Manual2021 : UnitRules::Online2024;
    r.units = a.unit_fixes;  // --set-id, --skip-feature (and a pipeline's region cache)
    r.units.regions = a.units;
    r.units.regions_layer = a.units_layer;
    r.units.id = a.unit_id;
    r.units.encoding = text.encoding;
    r.unit_name = a.unit_name;
    r.output = a.output;
    r.clusters = a.clusters;
    r.clusters_layer = a.clusters_layer;
    r.units_out = a.units_out;
    r.units_out_layer = a.units_out_layer;
    r.report = a.report;
    r.overwrite = a.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    r.threads = a.threads;
    return r;
}

}  // namespace regio::degurba
