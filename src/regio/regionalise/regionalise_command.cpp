#include "regio/regionalise/regionalise_command.hpp"

#include "regio/io/text_input_options.hpp"
#include "regio/regionalise/regionalise_operation.hpp"
#include "regio/regions/region_options.hpp"

#include <memory>
#include <string>

namespace regio::regionalise {
namespace {

constexpr const char* kRegionaliseFooter = R"(UNIT_TO_REGION.csv: unit_id,region_id, one row per unit in input order.
Region ids R0001, R0002, ... in order of each region's first unit.
REGIONS.gpkg (or .fgb, .geojson, .parquet, --of FORMAT, PG:...): region_id,
units, one sum per threshold column, meets_thresholds (1/0). Units that cannot reach the thresholds inside
their group (an island, a too-small district) form regions with
meets_thresholds 0, listed on stderr and in the report; no unit is dropped.

Example:
  regio regionalise --units planning_areas.gpkg --id plr_id \
    --data residents.csv --threshold residents>=5000 --within-prefix 2 \
    -o out/regions.gpkg --map out/unit_to_region.csv
  regio regionalise --units planning_areas.gpkg --id plr_id \
    --data residents.csv --threshold residents>=5000 \
    -o out/regions.fgb --map out/unit_to_region.csv)";

class RegionaliseCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        RegionaliseRequest& r = m_request;
        options.add("--units", r.units.regions,
                    "Unit polygons in a projected CRS: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
            .value_name(options::kInputLayer)
            .required();
        options.add("--units-layer", r.units.regions_layer, "Layer (table) of --units, when the source has several");
        regions::declare_region_fix_options(options, r.units);
        options.add("--id", r.units.id, "Field with the unit id (read as text; must be unique)").required()
            .names_columns_of("data", options::NameForm::Single, "data-id")
            .names_columns_of("units");
        options.add("--data", r.data, "CSV table with one row per unit").value_name(options::kInputFile).required();
        options.add("--data-id", r.data_id, "Column of --data with the unit ids (default: the --id name)")
            .names_columns_of("data");
        options
            .add("--threshold", r.thresholds,
                 "COLUMN>=N: every region reaches at least N in COLUMN (repeatable, or several separated by commas)")
            .required()
            .delimiter(',')
            .names_columns_of("data", options::NameForm::Thresholds);
        options.add("--within", r.within, "Field of the units layer: regions stay inside each of its values")
            .names_columns_of("units");
        options
            .add("--within-prefix", r.within_prefix,
                 "Regions stay inside the groups of the first N characters of the unit id")
            .range(1, 1000)
            .excludes("--within");
        options.add("--contiguity", m_contiguity, "rook (a shared border) or queen (a shared point suffices)")
            .one_of({"rook", "queen"})
            .show_default();
        options.add("--tolerance", r.tolerance, "Borders closer than about half of this (CRS units) count as shared")
            .positive()
            .show_default();
        options.add("--seed", r.seed, "Seed of the runs' orders: same seed, same regions").show_default();
        options.add("--runs", r.runs, "Runs with different orders; the best is kept").range(1, 100000).show_default();
        options.add("--unmatched", m_unmatched, "Ids in units or data only: error, or report (units without data count 0)")
            .one_of({"error", "report"})
            .show_default();
        options
            .add("-o,--output", r.output.path,
                 "REGIONS.gpkg: dissolved regions with units, sums and meets_thresholds; also .fgb (FlatGeobuf), .geojson, "
                 ".parquet (where GDAL has the driver), or a database: PG:... with --output-layer")
            .value_name(options::kOutputFile)
            .required();
        options.add("--output-layer", r.output.layer,
                    "Table of a database -o ([SCHEMA.]NAME, written in one transaction and renamed into place), or the "
                    "layer name in a file (default: the file's name)");
        options.add("--of", r.output.format, "Format of -o instead of its extension's: gpkg, fgb, geojson, parquet");
        options.add("--map", r.map, "UNIT_TO_REGION.csv: unit_id,region_id").value_name(options::kOutputFile).required();
        options.add("--report", r.report, "Write a JSON report: regions, failing regions and why, runs, totals")
            .value_name(options::kOutputFile);
        options.flag("--overwrite", m_overwrite, "Replace the outputs (and report) if they exist");
        options.flag("-q,--quiet", m_quiet, "No warnings and no summary on stderr");
        io::declare_text_options(options, m_text);
    }
    // A pipeline step: the run's shared region sets.
    void share(const options::StepContext& context) { m_request.units.cache = context.regions; }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) override {
        RegionaliseRequest request = m_request;
        request.text = m_text.options();
        request.contiguity = m_contiguity == "queen" ? geometry::Contiguity::Queen : geometry::Contiguity::Rook;
        request.unmatched = m_unmatched == "report" ? Unmatched::Report : Unmatched::Error;
        request.overwrite = m_overwrite ? io::Overwrite::Yes : io::Overwrite::No;
        const RegionaliseResult result = regionalise::run(request, progress, warn);
        return {{}, result.summary(request) + '\n'};
    }
    [[nodiscard]] bool quiet() const override { return m_quiet; }

private:
    RegionaliseRequest m_request;
    std::string m_contiguity = "rook", m_unmatched = "error";
    bool m_overwrite = false, m_quiet = false;
    io::TextInputArgs m_text;
};

}  // namespace

options::CommandEntry regionalise_command() {
    return options::make_entry<RegionaliseCommand>(
        {"regionalise"}, "Merge neighbouring small units until each region reaches publication thresholds", kRegionaliseFooter);
}

}  // namespace regio::regionalise
