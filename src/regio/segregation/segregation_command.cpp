#include "regio/segregation/segregation_command.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/regions/region_options.hpp"
#include "regio/segregation/segregation_request.hpp"
#include "regio/worker_threads.hpp"

#include <fmt/format.h>

#include <memory>

namespace regio::segregation {
namespace {

constexpr const char* kSegregationFooter = R"(OUT.csv has one index value per row. group is empty for multigroup indices,
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
    --local PG:dbname=stats --local-layer public.segregation_local)";

// The option values that are not the request's own: words and flags the
// request holds as enums, and the command line's --quiet.
struct CommandLineValues {
    regions::RegionSource region_fixes;  // --set-id, --skip-feature of --regions
    std::string contiguity = "queen", kernel = "box";
    bool grid_codes = false, overwrite = false, quiet = false;
    unsigned threads = 0;
};

// The summary the command prints after its run: units, groups, population,
// what was written, and Theil's decomposition when there is one.
std::string summary_text(const SegregationRequest& r, const SegregationResult& result) {
    const std::size_t groups = result.composition.groups.size();
    std::string text = fmt::format(
        "segregation: {} units, {} group{} ({}), population {:.10g}{} -> {} index values in {}{} ({:.2f} s)\n",
        result.composition.units(), groups, groups == 1 ? "" : "s", fmt::join(result.composition.groups, ", "),
        result.composition.total(), result.within_groups ? fmt::format(", {} within groups", result.within_groups) : std::string(),
        result.rows.size(), io::redact_secrets(r.output), r.local.empty() ? std::string() : " and " + io::redact_secrets(r.local),
        result.seconds);
    if (result.decomposition)
        text += fmt::format("mutual information {:.6g} = {:.6g} between + {:.6g} within\n", result.decomposition->total,
                            result.decomposition->between, result.decomposition->within);
    return text;
}

class SegregationCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        SegregationRequest& r = m_request;
        options.add("--data", r.data, "TABLE.csv, FILE[:LAYER] or any GDAL data source: one row per unit with the group counts")
            .value_name(options::kInputLayer)
            .required();
        options.add("--data-layer", r.data_layer, "Layer (table) of --data, when the source has several");
        options.add("--id", r.id, "Column with the unit id (with --grid-codes: European grid-cell codes)").required()
            .names_columns_of("data")
            .names_columns_of("regions", options::NameForm::Single, "regions-id");
        options.add("--group", r.groups, "COL[,COL...]: one group (with --total), or several that partition the population")
            .required()
            .delimiter(',')
            .names_columns_of("data", options::NameForm::List);
        options.add("--total", r.total,
                    "Column with each unit's total population (one group against the rest; with several groups: checked)")
            .names_columns_of("data");
        options.add("--regions", r.regions,
                    "FILE[:LAYER] or any GDAL data source: unit polygons, for spatial indices and a GeoPackage --local")
            .value_name(options::kInputLayer);
        options.add("--regions-layer", r.regions_layer, "Layer (table) of --regions, when the source has several").needs("--regions");
        options.add("--regions-id", r.regions_id, "Field of --regions with the unit id (default: the --id name)").needs("--regions")
            .names_columns_of("regions");
        regions::declare_region_fix_options(options, m_values.region_fixes);
        options.flag("--grid-codes", m_values.grid_codes, "The --id column holds grid-cell codes; the cells are the geometry")
            .excludes("--regions");
        options.add("--index", r.indices,
                    "LIST of indices (default: all that apply): dissimilarity, isolation, exposure, entropy, atkinson, "
                    "gini, spatial_dissimilarity, multigroup_dissimilarity, multigroup_entropy, mutual_information, diversity")
            .delimiter(',');
        options.add("--contiguity", m_values.contiguity, "Neighbours for spatial_dissimilarity: queen (a shared point) or rook (a shared edge)")
            .one_of({"queen", "rook"})
            .show_default();
        options.add("--tolerance", r.tolerance, "Region borders closer than about half of this (CRS units) count as shared")
            .positive()
            .show_default();
        options.add("--bandwidth", r.bandwidths, "R[,R...]: local environments of radius R (CRS units, e.g. 500,1000,2000,4000)")
            .delimiter(',');
        options.add("--kernel", m_values.kernel, "Weights of the local environment: box, triangular or gaussian")
            .one_of({"box", "triangular", "gaussian"})
            .show_default();
        options.add("--scales", r.scales, "K[,K...]: grid scale profile over blocks of K x K cells (needs --grid-codes)").delimiter(',');
        options.add("--within", r.within, "Column of --data: one set of indices per value (city, district, NUTS parent)")
            .names_columns_of("data");
        options.add("--within-prefix", r.within_prefix, "One set of indices per group of the first N characters of the id")
            .range(1, 1000)
            .excludes("--within");
        options.add("--simulations", r.simulations, "Expected values under random allocation from N simulations (e.g. 99 or 999)")
            .range(1, 1000000);
        options.add("--seed", r.seed, "Seed of the simulations: same seed, same numbers").show_default();
        options.add("-o,--output", r.output,
                    "OUT.csv: within,index,group,scale,bandwidth,value,expected,ci_low,ci_high,p_value; or the same table (no "
                    "geometry) as .gpkg (an attribute table), .geojson (features without geometry), .parquet (where GDAL has the "
                    "driver), or a database: PG:CONNECTION with --output-layer")
            .value_name(options::kOutputFile)
            .required();
        options.add("--output-layer", r.output_layer,
                    "Table of a database -o ([SCHEMA.]NAME, written in one transaction and renamed into place), or the layer "
                    "name in a file (default: the file's name)");
        options.add("--of", r.output_format, "Format of -o instead of the extension's: csv, gpkg, geojson, parquet");
        options.add("--local", r.local,
                    "LOCAL.csv: location quotient lq_<group> and local_entropy per unit; or .gpkg, .fgb (both need the unit "
                    "geometry: --regions or --grid-codes), .geojson, .parquet or a database: PG:CONNECTION with --local-layer "
                    "(with the unit geometry when there is one; one database output per command)")
            .value_name(options::kOutputFile);
        options.add("--local-layer", r.local_layer,
                    "Table of a database --local ([SCHEMA.]NAME, one transaction), or the layer name in a file (default: the "
                    "file's name)");
        options.add("--report", r.report, "Write a JSON report: inputs, totals, decomposition, warnings").value_name(options::kOutputFile);
        options.add("--threads", m_values.threads, "Threads for the simulations, the groups' indices and the smoothing (default: all cores)");
        options.flag("--overwrite", m_values.overwrite, "Replace the outputs (and report) if they exist");
        options.flag("-q,--quiet", m_values.quiet, "No progress, warnings or summary on stderr");
    }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn&) override {
        SegregationRequest r = m_request;
        r.contiguity = m_values.contiguity == "rook" ? geometry::Contiguity::Rook : geometry::Contiguity::Queen;
        r.kernel = m_values.kernel == "triangular" ? Kernel::Triangular : m_values.kernel == "gaussian" ? Kernel::Gaussian : Kernel::Box;
        r.geometry = m_values.grid_codes ? UnitGeometry::GridCodes : r.regions.empty() ? UnitGeometry::None : UnitGeometry::Regions;
        r.overwrite = m_values.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
        r.threads = worker_threads(m_values.threads);
        r.region_fixes = m_values.region_fixes.fixes();
        if (r.regions.empty() && !r.region_fixes.empty())
            throw UsageError("--set-id and --skip-feature fix features of --regions: give --regions too");
        SegregationResult result = segregation::run(r, progress);
        std::string summary = summary_text(r, result);
        // The warnings come once the progress has ended, before the summary.
        return {std::move(result.warnings), std::move(summary)};
    }
    [[nodiscard]] bool quiet() const override { return m_values.quiet; }

private:
    SegregationRequest m_request;
    CommandLineValues m_values;
};

}  // namespace

options::CommandEntry segregation_command() {
    return options::make_entry<SegregationCommand>(
        {"segregation"}, "Residential segregation indices of groups over units, regions or grid cells", kSegregationFooter);
}

}  // namespace regio::segregation
