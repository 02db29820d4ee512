// regio degurba: the Degree of Urbanisation (../shared/spec/degurba.md) of a
// population grid: cell classes, urban centres and clusters, and optionally
// the classes of spatial units.
#include "commands.hpp"

#include "degurba_options.hpp"
#include "region_options.hpp"
#include "run_context.hpp"
#include "terminal_progress.hpp"

#include "regio/degurba/degurba_operation.hpp"

#include <iostream>

namespace regio::cli {
namespace {

// Binds the options to a degurba::DegurbaRequest, runs it (the report is
// written with the other outputs, all or none), prints the notes, the
// warnings of the options and the summary.
int run(const DegurbaArgs& a) {
    const degurba::DegurbaRequest request = degurba_request(a);
    TerminalProgress progress(a.quiet);
    const degurba::DegurbaResult result = degurba::run(request, ProgressRange(progress.callback()), warning_printer(a.quiet));
    if (!a.quiet) {
        for (const auto& note : result.report.assumptions) std::cerr << "regio: note: " << note << '\n';
        for (const auto& w : result.option_warnings) std::cerr << "regio: warning: " << w << '\n';
        std::cerr << result.summary();
    }
    return 0;
}

}  // namespace

void add_degurba(CLI::App& app, Action& action, RunContext* context) {
    auto args = std::make_shared<DegurbaArgs>();
    CLI::App* cmd = app.add_subcommand("degurba", "Degree of Urbanisation: urban centres, urban clusters and rural cells of a population grid; classes of units");
    add_degurba_options(*cmd, *args);
    cmd->footer(R"(Cell codes (GHSL SMOD): 30 urban centre, 20 urban cluster (outside
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
    --units-out-layer degurba.lau_classes --clusters centres.fgb)");
    if (context) args->unit_fixes.cache = &context->regions;  // a pipeline step: shared region sets
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
