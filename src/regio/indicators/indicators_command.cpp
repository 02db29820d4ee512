#include "regio/indicators/indicators_command.hpp"

#include "regio/indicators/indicators_operation.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/regions/region_options.hpp"

#include <memory>

namespace regio::indicators {
namespace {

constexpr const char* kIndicatorsFooter = R"(Output: region,indicator,group,value,numerator,denominator,flag,
definition,label; rows by region (data order, then parents), indicator
(file order), group (listed order), "total", then "<group>_gap".
value = scale * numerator / denominator, counts summed up the hierarchy
before dividing; gaps (percentage points for scale 100) rounded to 0.1.
flag: ok, suppressed, zero_denominator, no_data; only ok rows have a
value. Disclosure control: primary (0 < n < t_min), rates (denominator
< t_min, 0 < denominator - numerator < t_min), then secondary
suppression over rows (groups + total) and columns (parents, all
regions); a count suppressed in one indicator is suppressed in all.
GeoPackage (-o OUT.gpkg --regions FILE[:LAYER]): one feature per region
(regions' order, then parents without geometry); columns: the id,
<indicator>_<group>_flag (text) and <indicator>_<group> (NULL unless ok).
The same wide layer as FlatGeobuf (.fgb), GeoJSON (.geojson) or Parquet
(.parquet, where GDAL has the driver), or a database table (-o PG:...
--output-layer NAME); --of FORMAT overrides the extension.
With [disclosure] method = "cell-key" every cell is published instead,
its counts perturbed by the ptable (flag perturbed); see the README. An
[[indicator]] may set its own method (and ptable or parameters): the
summary and the report's "protection" list say which ran for each.

Example:
  regio indicators --data out/residents_2024.csv --id district_id \
    --definitions geodata/demo/indicators.toml -o out/indicators_2024.csv)";

class IndicatorsCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        IndicatorsRequest& r = m_request;
        options.add("--data", r.data, "A CSV table of counts, one row per region (e.g. from aggregate points --by)")
            .value_name(options::kInputFile)
            .required();
        options.add("--id", r.id, "Column of --data with the region ids").required()
            .names_columns_of("data")
            .names_columns_of("regions", options::NameForm::Single, "regions-id");
        options.add("--definitions", r.definitions, "INDICATORS.toml: groups, indicators, disclosure rules")
            .value_name(options::kInputFile)
            .required();
        options.add("--rollup", r.rollup, "Add parent regions: 'nuts' (by code prefix) or a parent-id column of --data")
            .names_columns_of("data", options::NameForm::Single, "", "nuts");
        options
            .add("-o,--output", r.output.path,
                 "Output: tidy table (.csv), or one feature per region (.gpkg, .fgb, .geojson, .parquet; needs --regions)")
            .value_name(options::kOutputFile)
            .required();
        options
            .add("--regions", r.regions.regions,
                 "FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...): region polygons for a wide output (.gpkg, "
                 ".fgb, .geojson, .parquet)")
            .value_name(options::kInputLayer);
        options.add("--regions-layer", r.regions.regions_layer, "Layer (table) of --regions, when the source has several")
            .needs("--regions");
        options.add("--output-layer", r.output.layer,
                    "Table of a database -o (PG:..., wide like .gpkg; [SCHEMA.]NAME, written in one transaction), or the "
                    "GeoPackage's layer (default: the file's name)");
        options.add("--of", r.output.format, "Output format instead of the extension's: csv, gpkg, fgb, geojson, parquet");
        options.add("--regions-id", r.regions.id, "Id field of --regions (default: the --id column name)")
            .names_columns_of("regions");
        regions::declare_region_fix_options(options, r.regions);
        options.flag("--overwrite", m_overwrite, "Replace the output (and report) if they exist");
        options.add("--report", r.report, "Write a JSON report: rows per flag, suppressed cells, rollup levels, inputs")
            .value_name(options::kOutputFile);
        options
            .add("--ptable-output", r.ptable_output,
                 "With method = \"cell-key\": write the perturbation table used (cellKey's CSV format: "
                 "i,j,p,v,p_int_lb,p_int_ub,type)")
            .value_name(options::kOutputFile);
        options.flag("-q,--quiet", m_quiet, "No summary on stderr");
        io::declare_text_options(options, m_text);
    }

    // No share(): the command line never gave indicators the run's region
    // cache, so a step loads its regions itself as before.
    options::CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) override {
        IndicatorsRequest request = m_request;
        request.text = m_text.options();
        request.regions.encoding = request.text.encoding;
        request.overwrite = m_overwrite ? io::Overwrite::Yes : io::Overwrite::No;
        return {{}, indicators::run(request, progress, warn).summary()};
    }
    [[nodiscard]] bool quiet() const override { return m_quiet; }

private:
    IndicatorsRequest m_request;
    bool m_overwrite = false, m_quiet = false;
    io::TextInputArgs m_text;
};

}  // namespace

options::CommandEntry indicators_command() {
    return options::make_entry<IndicatorsCommand>(
        {"indicators"}, "Rates by population group, gaps and disclosure control from counts per region", kIndicatorsFooter);
}

}  // namespace regio::indicators
