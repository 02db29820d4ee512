#include "regio/aggregate/aggregate_grid_command.hpp"

#include "regio/aggregate/aggregate_grid_operation.hpp"
#include "regio/io/grid_source_options.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/regions/region_options.hpp"
#include "regio/report/output_options.hpp"

#include <memory>

namespace regio::aggregate {
namespace {

constexpr const char* kAggregateGridFooter = R"(Output: one row per region, in input order, with <value>_<stat>
for each value and statistic: band1_sum for raster band 1,
TOT_P_2018_sum for a value column.
  sum            Σ value × covered share of the cell (extensive)
  mean           area-weighted mean of the cells' values (intensive)
  weighted_mean  mean weighted by --weights × covered share
  count          cells with a value, in cell equivalents (Σ shares)
  area           covered area in the CRS's units (m² in EPSG:3035)

area: each cell contributes value × (area of cell ∩ region) / (cell
area), computed exactly from the polygon edges. centroid: a cell
goes wholly to the region containing its centre (boundary rule as
for points: east, then north). dasymetric: each cell's value is
spread over the finer --weights cells inside it in proportion to
their weights (evenly where they are all zero; reported), then
allocated by exact coverage of the fine cells. No-data cells contribute nothing and
are counted. If the grid's CRS differs from the regions', the
regions are transformed into the grid's CRS.

Example:
  regio aggregate grid --regions nuts.gpkg:nutsrg_3 --id NUTS_ID \
    --grid JRC_1K_POP_2018.tif --stat sum,mean -o pop.csv
  (or -o pop.fgb, -o pop.geojson, -o pop.dat --of gpkg, or
   -o "PG:dbname=stats" --output-layer pop_nuts3))";

class AggregateGridCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        regions::declare_region_options(options, m_request.regions);
        io::declare_grid_options(options, m_request.grid);
        options.add("--method", m_request.method,
                    "area (exact partial cells), centroid (whole cells by their centre) or dasymetric (spread by --weights)")
            .show_default();
        options.add("--weights", m_request.weights,
                    "Raster: on the same grid, weights --stat weighted_mean; finer and nested, spreads values for dasymetric")
            .value_name(options::kInputRaster);
        options.add("--stat", m_request.stats, "Statistics, comma-separated: sum, mean, weighted_mean, count, area")
            .show_default();
        io::declare_text_options(options, m_text);
        report::declare_output_options(options, m_out);
        report::declare_table_destination_options(options, m_out);
    }
    void share(const options::StepContext& context) { m_request.regions.cache = context.regions; }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) override {
        AggregateGridRequest request = m_request;
        request.text = m_text.options();
        request.output = report::table_destination(m_out);
        request.report = m_out.report;
        request.overwrite = m_out.overwrite_policy();
        request.threads = m_out.threads;
        return {{}, aggregate::run(request, progress, warn).summary()};
    }
    [[nodiscard]] bool quiet() const override { return m_out.quiet; }

private:
    AggregateGridRequest m_request;
    io::TextInputArgs m_text;
    report::OutputOptions m_out;
};

}  // namespace

options::CommandEntry aggregate_grid_command() {
    return options::make_entry<AggregateGridCommand>(
        {"aggregate", "grid"}, "Sum grid values (population rasters, grid tables) per region", kAggregateGridFooter);
}

}  // namespace regio::aggregate
