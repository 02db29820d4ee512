#include "regio/degurba/unit_classes.hpp"

#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/degurba/class_grid_source.hpp"
#include "regio/error.hpp"

namespace regio::degurba {
namespace {

// The cell codes of each level (cell_class.hpp); water only where labelled.
std::vector<std::uint8_t> codes_of(Level level) {
    if (level == Level::One) return {code::urban_centre, code::urban_cluster, code::rural, code::water};
    return {code::urban_centre,      code::dense_urban_cluster, code::semi_dense_urban_cluster,
            code::suburban_peri_urban, code::rural_cluster,     code::low_density_rural,
            code::very_low_density_rural, code::water};
}

}  // namespace

UnitsResult classify_units(const PopulationGrid& grid, const GridClassification& classes,
                           const grid::GridDefinition& definition, const io::Crs& crs,
                           const geometry::RegionSet& units, const UnitOptions& options, unsigned threads,
                           const ProgressRange& progress) {
    const bool two = options.level == Level::Two;
    if (two && classes.level2_class.empty())
        throw ConfigError("Level 2 unit classes need the grid classified with Level 2");
    const std::vector<std::uint8_t>& cell_codes = two ? classes.level2_class : classes.cell_class;

    UnitsResult out;
    out.units.resize(units.size());
    geometry::Box box;
    for (const auto& shape : units.shapes)
        if (!shape.empty()) box.expand(geometry::bounds(shape));
    const CellWindow window = window_over(definition, box.xmin, box.ymin, box.xmax, box.ymax);

    if (window.cols > 0 && window.rows > 0) {
        ClassGridSource source(grid, cell_codes, codes_of(options.level), definition, crs, window);
        aggregate::GridOptions grid_options;
        grid_options.method = aggregate::GridMethod::Area;
        grid_options.threads = threads;
        grid_options.progress = progress;
        const aggregate::GridResult result = aggregate::aggregate_grid(source, units, nullptr, grid_options);
        const std::size_t nk = source.codes().size();
        for (std::size_t k = 0; k < nk; ++k) {
            const std::uint8_t code = source.codes()[k];
            for (std::size_t u = 0; u < units.size(); ++u) {
                out.units[u].population.add(code, result.stats[k][u].sum);
                out.units[u].land_km2.add(code, result.stats[nk + k][u].sum);
            }
            out.inside_units += result.inside_regions[k];
        }
        out.cells_swept = result.cells;
    }
    for (auto& unit : out.units) {
        unit.classification = classify_unit(unit.population, unit.land_km2, options);
        out.allocated += unit.population.total() + unit.population.water;
    }
    return out;
}

}  // namespace regio::degurba
