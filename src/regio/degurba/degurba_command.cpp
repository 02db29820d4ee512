#include "regio/degurba/degurba_command.hpp"

#include "regio/degurba/degurba_command_options.hpp"
#include "regio/degurba/degurba_operation.hpp"

#include <memory>

namespace regio::degurba {
namespace {

constexpr const char* kDegurbaFooter = R"(Cell codes (GHSL SMOD): 30 urban centre, 20 urban cluster (outside
centres), 11 rural, 10 water (--water labelled). Level 2: 30, 23 dense
urban cluster, 22 semi-dense urban cluster, 21 suburban or peri-urban,
13 rural cluster, 12 low density rural, 11 very low density rural.
No-data cells count as 0 people. The grid must be in a projected CRS in
metres with square cells; --land and --built-up on the same grid.
The population is a raster (--grid), a table of grid-cell codes
(--grid-table, --cell-id, --value) or a vector layer of square cells
(--grid-layer, --value), as in aggregate grid. Without --land every
cell counts as land; this is said on stderr and in the report.

--clusters: cluster_id, class, class_name, population, area_km2, cells.
Centres are ids 1..n; urban clusters follow and cover their cells
outside centres. A .gpkg, .fgb, .geojson or .parquet holds the
dissolved cells, a database table too (--clusters PG:... with
--clusters-layer NAME), as does --units-out with the units' geometry
(--units-out-layer). One database output per run.
-o .gpkg: one polygon per 4-connected patch of one class: patch_id,
class, class_name, population, area_km2, cells.
--units-out: <unit-id>, <unit-name> (with --unit-name), population,
pop_urban_centre, pop_urban_cluster, pop_rural, share_urban_centre,
share_urban_cluster, share_rural, area_km2, class (1 city, 2 town or
semi-dense area, 3 rural area), class_name, class_basis; Level 2 adds pop_ per Level 2
class, class2 and class2_name. Cells on unit borders are split by
share of area; units without people go by land area. Units in another
CRS are transformed into the grid's.

Example:
  regio degurba --grid JRC_1K_POP_2018.tif -o classes.tif \
    --clusters centres.gpkg --units lau.gpkg --unit-id LAU_ID \
    --units-out lau_classes.csv --report degurba.json
  regio degurba --grid-layer cells.gpkg --grid-layer-name pop_2021 \
    --value population -o classes.gpkg --units districts.gpkg \
    --unit-id code --unit-name name --units-out district_classes.csv
  regio degurba --grid pop.tif -o classes.tif --units lau.gpkg \
    --unit-id LAU_ID --units-out PG:dbname=stats \
    --units-out-layer degurba.lau_classes --clusters centres.fgb)";

class DegurbaCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) { declare_degurba_options(options, m_args); }
    void share(const options::StepContext& context) { m_args.unit_fixes.cache = context.regions; }

    // The report is written with the other outputs, all or none; the notes
    // (the report's assumptions) and the warnings of the options are shown
    // after the run, before the summary.
    options::CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) override {
        const DegurbaResult result = degurba::run(degurba_request(m_args), progress, warn);
        options::CommandOutcome outcome;
        outcome.notes = result.report.assumptions;
        outcome.warnings = result.option_warnings;
        outcome.summary = result.summary();
        return outcome;
    }
    [[nodiscard]] bool quiet() const override { return m_args.quiet; }

private:
    DegurbaArguments m_args;
};

}  // namespace

options::CommandEntry degurba_command() {
    return options::make_entry<DegurbaCommand>(
        {"degurba"},
        "Degree of Urbanisation: urban centres, urban clusters and rural cells of a population grid; classes of units",
        kDegurbaFooter);
}

}  // namespace regio::degurba
