#include "degurba_options.hpp"
#include "option_kinds.hpp"

#include "grid_options.hpp"
#include "regio/error.hpp"

namespace regio::cli {
namespace {

degurba::Connectivity connectivity_of(int n) {
    return n == 8 ? degurba::Connectivity::Eight : degurba::Connectivity::Four;
}

bool given(const CLI::Option* option) { return option && option->count() > 0; }

}  // namespace

void add_degurba_options(CLI::App& cmd, DegurbaArgs& a) {
    auto& g = a.given;
    add_grid_options(cmd, a.grid);
    cmd.add_option("--land", a.land, "Share of permanent land per cell (0..1), a raster on the same grid")->type_name(kInputRaster);
    cmd.add_option("--built-up", a.built_up, "Share of built-up area per cell (0..1), a raster on the same grid")->type_name(kInputRaster);

    cmd.add_option("--preset", a.preset, "Base settings: Manual2021, GHSL2022 or GHSL2023")
        ->check(CLI::IsMember({"Manual2021", "GHSL2022", "GHSL2023"}, CLI::ignore_case))
        ->capture_default_str();
    cmd.add_option("--level", a.level, "1 (urban centres, urban clusters, rural) or 2 (with the Level 2 classes)")
        ->check(CLI::IsMember({1, 2}))
        ->capture_default_str();
    g.divisor = cmd.add_option("--divisor", a.divisor, "Density per km² of permanent land (land) or of the whole cell (cell)")
                    ->check(CLI::IsMember({"land", "cell"}))
                    ->capture_default_str();
    g.connectivity = cmd.add_option("--connectivity", a.connectivity, "Urban centres: 4 (edges) or 8 (edges and corners)")
                         ->check(CLI::IsMember({4, 8}))
                         ->capture_default_str();
    g.centre_density = cmd.add_option("--centre-density", a.centre_density, "Urban centres: minimum density, inh/km²")
                           ->check(CLI::NonNegativeNumber)
                           ->capture_default_str();
    g.centre_population = cmd.add_option("--centre-population", a.centre_population, "Urban centres: minimum population")
                              ->check(CLI::NonNegativeNumber)
                              ->capture_default_str();
    g.cluster_connectivity =
        cmd.add_option("--cluster-connectivity", a.cluster_connectivity, "Urban clusters: 4 or 8")
            ->check(CLI::IsMember({4, 8}))
            ->capture_default_str();
    g.cluster_density = cmd.add_option("--cluster-density", a.cluster_density, "Urban clusters: minimum density, inh/km²")
                            ->check(CLI::NonNegativeNumber)
                            ->capture_default_str();
    g.cluster_population = cmd.add_option("--cluster-population", a.cluster_population, "Urban clusters: minimum population")
                               ->check(CLI::NonNegativeNumber)
                               ->capture_default_str();
    g.built_up_threshold =
        cmd.add_option("--built-up-threshold", a.built_up_threshold, "A cell with at least this built-up share is dense (needs --built-up)")
            ->check(CLI::Range(0.0, 1.0));
    g.size_test = cmd.add_option("--size-test", a.size_test, "When urban centres must reach their population: before-smoothing or after-gap-filling")
                      ->check(CLI::IsMember({"before-smoothing", "after-gap-filling"}))
                      ->capture_default_str();
    g.majority_rule = cmd.add_option("--majority-rule", a.majority_rule, "Edge smoothing of urban centres: R2022A, R2023A or off")
                          ->check(CLI::IsMember({"R2022A", "R2023A", "off"}, CLI::ignore_case))
                          ->capture_default_str();
    cmd.add_flag("--no-smoothing", a.no_smoothing, "No edge smoothing (the same as --majority-rule off)")->excludes(g.majority_rule);
    g.majority_neighbours = cmd.add_option("--majority-neighbours", a.majority_neighbours, "R2022A: neighbours (of 8) a cell needs in one centre")
                                ->check(CLI::Range(1, 8))
                                ->capture_default_str();
    g.max_hole_area = cmd.add_option("--max-hole-area", a.max_hole_area, "Holes in urban centres smaller than this (km²) are filled")
                          ->check(CLI::NonNegativeNumber)
                          ->capture_default_str();
    cmd.add_flag("--no-gap-filling", a.no_gap_filling, "Fill no holes (the same as --max-hole-area 0)")->excludes(g.max_hole_area);
    g.water = cmd.add_option("--water", a.water, "Cells without people and with land < 0.5: rural, or labelled water (10)")
                  ->check(CLI::IsMember({"rural", "labelled"}))
                  ->capture_default_str();
    g.semi_dense_distance =
        cmd.add_option("--semi-dense-distance", a.semi_dense_distance, "Level 2: semi-dense clusters closer than this (m) to a centre or dense cluster are dropped")
            ->check(CLI::NonNegativeNumber)
            ->capture_default_str();
    g.unit_rules = cmd.add_option("--unit-rules", a.unit_rules, "Level 2 unit classes: online2024 or manual2021 (plurality)")
                       ->check(CLI::IsMember({"online2024", "manual2021"}))
                       ->capture_default_str();

    cmd.add_option("-o,--output", a.output, "Cell classes: .tif (UInt8 GeoTIFF of class codes) or .gpkg (polygons per class)")->type_name(kOutputFile)
        ->required();
    cmd.add_option("--clusters", a.clusters, "Urban centres and clusters: .gpkg, .fgb, .geojson, .parquet (dissolved cells), .csv (no geometry) or a database: PG:CONNECTION with --clusters-layer")->type_name(kOutputFile);
    cmd.add_option("--clusters-layer", a.clusters_layer, "Table of a database --clusters ([SCHEMA.]NAME, written in one transaction), or the layer name in a file (default: the file's name)");
    cmd.add_option("--units", a.units, "Spatial units (e.g. LAU) to classify: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        ->type_name(kInputLayer);
    cmd.add_option("--units-layer", a.units_layer, "Layer (table) of --units, when the source has several");
    cmd.add_option("--unit-id", a.unit_id, "Field of --units with the unit id (read as text; must be unique)");
    cmd.add_option("--unit-name", a.unit_name, "Field of --units with the unit name, carried into --units-out after the id");
    add_region_fix_options(cmd, a.unit_fixes);
    cmd.add_option("--units-out", a.units_out, "Unit classes: .csv, or .gpkg, .fgb, .geojson, .parquet (with the units' geometry) or a database: PG:CONNECTION with --units-out-layer")->type_name(kOutputFile);
    cmd.add_option("--units-out-layer", a.units_out_layer, "Table of a database --units-out ([SCHEMA.]NAME, written in one transaction), or the layer name in a file (default: the file's name)");
    cmd.add_option("--report", a.report, "Write a JSON report: options, cells per class, populations, timings")->type_name(kOutputFile);
    cmd.add_flag("--overwrite", a.overwrite, "Replace the outputs if they exist");
    cmd.add_option("--threads", a.threads, "Worker threads for the units (default: all cores)")->check(CLI::Range(0u, 1024u));
    cmd.add_flag("-q,--quiet", a.quiet, "No progress and no summary on stderr");
    add_text_options(cmd, a.text);
}

degurba::DegurbaRequest degurba_request(const DegurbaArgs& a) {
    using namespace degurba;
    const auto& g = a.given;
    DegurbaRequest r;
    const io::TextOptions text = a.text.options();
    r.grid = a.grid;
    r.grid.text = text;
    r.land = a.land;
    r.built_up = a.built_up;
    if (CLI::detail::to_lower(a.preset) == "ghsl2022") r.preset = Preset::GHSL2022;
    else if (CLI::detail::to_lower(a.preset) == "ghsl2023") r.preset = Preset::GHSL2023;
    r.level = a.level == 2 ? Level::Two : Level::One;
    OptionChoices& c = r.choices;
    if (given(g.divisor)) c.divisor = a.divisor == "cell" ? DensityDivisor::WholeCell : DensityDivisor::LandArea;
    if (given(g.connectivity)) c.centre_connectivity = connectivity_of(a.connectivity);
    if (given(g.centre_density)) c.centre_density = a.centre_density;
    if (given(g.centre_population)) c.centre_population = a.centre_population;
    if (given(g.cluster_connectivity)) c.cluster_connectivity = connectivity_of(a.cluster_connectivity);
    if (given(g.cluster_density)) c.cluster_density = a.cluster_density;
    if (given(g.cluster_population)) c.cluster_population = a.cluster_population;
    if (given(g.built_up_threshold)) c.built_up_threshold = a.built_up_threshold;
    if (given(g.size_test))
        c.size_test = a.size_test == "after-gap-filling" ? SizeTestOrder::AfterGapFilling : SizeTestOrder::BeforeSmoothing;
    if (given(g.majority_rule)) {
        const std::string rule = CLI::detail::to_lower(a.majority_rule);
        c.majority_rule = rule == "off" ? MajorityRule::Off : rule == "r2023a" ? MajorityRule::R2023A : MajorityRule::R2022A;
    }
    if (a.no_smoothing) c.majority_rule = MajorityRule::Off;
    if (given(g.majority_neighbours)) c.majority_neighbours = a.majority_neighbours;
    if (given(g.max_hole_area)) c.max_hole_area_km2 = a.max_hole_area;
    if (a.no_gap_filling) c.max_hole_area_km2 = 0;
    if (given(g.water)) c.water = a.water == "labelled" ? WaterCells::Labelled : WaterCells::Rural;
    if (given(g.semi_dense_distance)) c.semi_dense_distance_m = a.semi_dense_distance;
    if (given(g.unit_rules)) c.unit_rules = a.unit_rules == "manual2021" ? UnitRules::Manual2021 : UnitRules::Online2024;
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

}  // namespace regio::cli
