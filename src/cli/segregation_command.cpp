// regio segregation: binds the options to a segregation::SegregationRequest,
// runs it, prints warnings and a summary (see regio/segregation/segregation_request.hpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "region_options.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/segregation/segregation_request.hpp"
#include "report_file.hpp"
#include "terminal_progress.hpp"

#include <fmt/format.h>

#include <iostream>

namespace regio::cli {
namespace {

namespace sg = segregation;

struct Args {
    sg::SegregationRequest request;
    RegionOptions region_fixes;  // --set-id, --skip-feature of --regions
    std::string contiguity = "queen", kernel = "box", report;
    bool grid_codes = false, overwrite = false, quiet = false;
    unsigned threads = 0;
};

int run(Args& a) {
    sg::SegregationRequest& r = a.request;
    r.contiguity = a.contiguity == "rook" ? geometry::Contiguity::Rook : geometry::Contiguity::Queen;
    r.kernel = a.kernel == "triangular" ? sg::Kernel::Triangular : a.kernel == "gaussian" ? sg::Kernel::Gaussian : sg::Kernel::Box;
    r.geometry = a.grid_codes ? sg::UnitGeometry::GridCodes : r.regions.empty() ? sg::UnitGeometry::None : sg::UnitGeometry::Regions;
    r.overwrite = a.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    r.threads = effective_threads(a.threads);
    r.region_fixes = a.region_fixes.fixes();
    if (r.regions.empty() && !r.region_fixes.empty())
        throw UsageError("--set-id and --skip-feature fix features of --regions: give --regions too");
    const io::TableOutput main_output{r.output, r.overwrite, {r.data_input().path, r.regions_input().path}};
    if (!a.report.empty()) {
        sg::check_outputs(r, {a.report});
        check_report_output(a.report, main_output);
    }
    TerminalProgress progress(a.quiet);
    const sg::SegregationResult result = sg::run(r, ProgressRange(progress.callback()));
    if (!a.report.empty()) {
        nlohmann::ordered_json j = result.to_json(r);
        add_region_fixes(j, result.region_fixes);
        write_report(a.report, j, main_output);
    }
    if (!a.quiet) {
        for (const auto& w : result.warnings) std::cerr << "regio: warning: " << w << '\n';
        const std::size_t groups = result.composition.groups.size();
        std::cerr << fmt::format("segregation: {} units, {} group{} ({}), population {:.10g}{} -> {} index values in {}{} ({:.2f} s)\n",
                                 result.composition.units(), groups, groups == 1 ? "" : "s", fmt::join(result.composition.groups, ", "),
                                 result.composition.total(),
                                 result.within_groups ? fmt::format(", {} within groups", result.within_groups) : std::string(),
                                 result.rows.size(), io::redact_secrets(r.output),
                                 r.local.empty() ? std::string() : " and " + io::redact_secrets(r.local), result.seconds);
        if (result.decomposition)
            std::cerr << fmt::format("mutual information {:.6g} = {:.6g} between + {:.6g} within\n", result.decomposition->total,
                                     result.decomposition->between, result.decomposition->within);
    }
    return 0;
}

}  // namespace

void add_segregation(CLI::App& app, Action& action) {
    auto args = std::make_shared<Args>();
    sg::SegregationRequest& r = args->request;
    CLI::App* c = app.add_subcommand("segregation", "Residential segregation indices of groups over units, regions or grid cells");
    c->add_option("--data", r.data, "TABLE.csv, FILE[:LAYER] or any GDAL data source: one row per unit with the group counts")
        ->type_name(kInputLayer)
        ->required();
    c->add_option("--data-layer", r.data_layer, "Layer (table) of --data, when the source has several");
    c->add_option("--id", r.id, "Column with the unit id (with --grid-codes: European grid-cell codes)")->required();
    c->add_option("--group", r.groups, "COL[,COL...]: one group (with --total), or several that partition the population")
        ->required()
        ->delimiter(',');
    c->add_option("--total", r.total, "Column with each unit's total population (one group against the rest; with several groups: checked)");
    auto* regions = c->add_option("--regions", r.regions, "FILE[:LAYER] or any GDAL data source: unit polygons, for spatial indices and a GeoPackage --local")
                        ->type_name(kInputLayer);
    c->add_option("--regions-layer", r.regions_layer, "Layer (table) of --regions, when the source has several")->needs(regions);
    c->add_option("--regions-id", r.regions_id, "Field of --regions with the unit id (default: the --id name)")->needs(regions);
    add_region_fix_options(*c, args->region_fixes);
    c->add_flag("--grid-codes", args->grid_codes, "The --id column holds grid-cell codes; the cells are the geometry")->excludes(regions);
    c->add_option("--index", r.indices, "LIST of indices (default: all that apply): dissimilarity, isolation, exposure, entropy, atkinson, "
                                        "gini, spatial_dissimilarity, multigroup_dissimilarity, multigroup_entropy, mutual_information, diversity")
        ->delimiter(',');
    c->add_option("--contiguity", args->contiguity, "Neighbours for spatial_dissimilarity: queen (a shared point) or rook (a shared edge)")
        ->check(CLI::IsMember({"queen", "rook"}))
        ->capture_default_str();
    c->add_option("--tolerance", r.tolerance, "Region borders closer than about half of this (CRS units) count as shared")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    c->add_option("--bandwidth", r.bandwidths, "R[,R...]: local environments of radius R (CRS units, e.g. 500,1000,2000,4000)")->delimiter(',');
    c->add_option("--kernel", args->kernel, "Weights of the local environment: box, triangular or gaussian")
        ->check(CLI::IsMember({"box", "triangular", "gaussian"}))
        ->capture_default_str();
    c->add_option("--scales", r.scales, "K[,K...]: grid scale profile over blocks of K x K cells (needs --grid-codes)")->delimiter(',');
    auto* within = c->add_option("--within", r.within, "Column of --data: one set of indices per value (city, district, NUTS parent)");
    c->add_option("--within-prefix", r.within_prefix, "One set of indices per group of the first N characters of the id")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
        ->excludes(within);
    c->add_option("--simulations", r.simulations, "Expected values under random allocation from N simulations (e.g. 99 or 999)")
        ->check(CLI::Range(1u, 1000000u));
    c->add_option("--seed", r.seed, "Seed of the simulations: same seed, same numbers")->capture_default_str();
    c->add_option("-o,--output", r.output,
                  "OUT.csv: within,index,group,scale,bandwidth,value,expected,ci_low,ci_high,p_value; or the same table (no "
                  "geometry) as .gpkg (an attribute table), .geojson (features without geometry), .parquet (where GDAL has the "
                  "driver), or a database: PG:CONNECTION with --output-layer")
        ->type_name(kOutputFile)
        ->required();
    c->add_option("--output-layer", r.output_layer,
                  "Table of a database -o ([SCHEMA.]NAME, written in one transaction and renamed into place), or the layer "
                  "name in a file (default: the file's name)");
    c->add_option("--of", r.output_format, "Format of -o instead of the extension's: csv, gpkg, geojson, parquet");
    c->add_option("--local", r.local,
                  "LOCAL.csv: location quotient lq_<group> and local_entropy per unit; or .gpkg, .fgb (both need the unit "
                  "geometry: --regions or --grid-codes), .geojson, .parquet or a database: PG:CONNECTION with --local-layer "
                  "(with the unit geometry when there is one; one database output per command)")
        ->type_name(kOutputFile);
    c->add_option("--local-layer", r.local_layer,
                  "Table of a database --local ([SCHEMA.]NAME, one transaction), or the layer name in a file (default: the "
                  "file's name)");
    c->add_option("--report", args->report, "Write a JSON report: inputs, totals, decomposition, warnings")->type_name(kOutputFile);
    c->add_option("--threads", args->threads, "Threads for the simulations, the groups' indices and the smoothing (default: all cores)");
    c->add_flag("--overwrite", args->overwrite, "Replace the outputs (and report) if they exist");
    c->add_flag("-q,--quiet", args->quiet, "No progress, warnings or summary on stderr");
    c->footer(R"(OUT.csv has one index value per row. group is empty for multigroup indices,
within empty for the whole input, scale (K) and bandwidth empty when not used,
expected, ci_low, ci_high (95 % interval) and p_value (share of simulations at
or above the value) empty without --simulations. With --within and several
groups, mutual_information_between and mutual_information_within split M
exactly. Definitions: ../shared/spec/segregation.md; README: regio segregation.

Example:
  regio segregation --data register_2020-12_planning-areas.csv --id id \
    --group inhabitants_foreigners --total inhabitants \
    --regions lor_3035.gpkg:plr_until2020 --within-prefix 2 \
    --simulations 999 --seed 1 -o out/segregation.csv
  regio segregation --data register_2020-12_planning-areas.csv --id id \
    --group inhabitants_foreigners --total inhabitants \
    --regions lor_3035.gpkg:plr_until2020 -o out/segregation.parquet \
    --local PG:dbname=stats --local-layer public.segregation_local)");
    c->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
