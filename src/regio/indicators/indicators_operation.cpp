// regio indicators: rates by population group, gaps against the reference
// group and disclosure control, from a table of counts per region
// (../shared/spec/indicators.md; the definitions schema is in
// regio/indicators/definitions_toml.hpp, the CSV columns in
// regio/indicators/indicators_csv.hpp). "--rollup nuts" is the NUTS prefix
// rule even if the data have a column called nuts.
#include "regio/indicators/indicators_operation.hpp"

#include "regio/error.hpp"
#include "regio/indicators/definitions_toml.hpp"
#include "regio/indicators/indicators_csv.hpp"
#include "regio/indicators/indicators_inputs.hpp"
#include "regio/indicators/wide_output.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_reader.hpp"

namespace regio::indicators {
namespace {

// The output's format: --of, else the extension; a database is wide (issue #16).
io::TableFormat output_format(const io::TableDestination& output) {
    const std::string ext = io::extension_of(output.path);
    const bool known = ext == "csv" || ext == "gpkg" || ext == "fgb" || ext == "geojson" || ext == "json" || ext == "parquet";
    if (output.format.empty() && !known && !io::is_data_source_name(output.path))
        throw UsageError("indicators are written as CSV (tidy) or one feature per region (wide): name the output .csv or .gpkg "
                         "(or .fgb, .geojson, .parquet)",
                         {}, "or choose the format with --of csv|gpkg|fgb|geojson|parquet");
    return io::table_format("--output", output.path, output.format);
}

// What a GIS user calls the format, for messages.
std::string format_title(io::TableFormat format) {
    switch (format) {
    case io::TableFormat::FlatGeobuf: return "FlatGeobuf";
    case io::TableFormat::GeoJson: return "GeoJSON";
    case io::TableFormat::Parquet: return "Parquet";
    default: return "GeoPackage";  // and a database table, as before issue #16
    }
}

// The wide outputs are map layers: one feature per region with its geometry,
// so they need --regions (the tidy CSV is the table without geometry).
OutputForm checked_form(const IndicatorsRequest& request, io::TableFormat format) {
    const OutputForm form = format == io::TableFormat::Csv ? OutputForm::Tidy : OutputForm::Wide;
    const bool has_regions = !request.regions.regions.empty();
    if (form == OutputForm::Wide && !has_regions)
        throw UsageError(format_title(format) + " output needs the region geometry", {},
                         "add --regions FILE[:LAYER] (and --regions-id FIELD if its id field is not '" + request.id + "')");
    if (form == OutputForm::Tidy && has_regions)
        throw UsageError("--regions is only used for the wide outputs (.gpkg, .fgb, .geojson, .parquet, PG:...)", {},
                         "name the output .gpkg, or drop --regions");
    if (!has_regions && !(request.regions.set_ids.empty() && request.regions.skip_features.empty()))
        throw UsageError("--set-id and --skip-feature fix features of --regions: give --regions too");
    return form;
}

}  // namespace

IndicatorsResult run(const IndicatorsRequest& request, const ProgressRange& progress, const WarningFn& warn) {
    const io::InputSpec regions_input = request.regions.input();
    std::vector<io::InputSpec> inputs{{request.data}, {request.definitions}};
    if (!request.regions.regions.empty()) inputs.push_back(regions_input);
    IndicatorsResult result;
    result.form = checked_form(request, output_format(request.output));
    const bool wide = result.form == OutputForm::Wide;
    io::OutputPlan outputs = io::OutputPlan::reading(request.overwrite, inputs);
    const io::PlannedOutput& table_output = wide ? outputs.add_table("--output", request.output)
                                                 : outputs.add("--output", request.output.path, io::StdoutUse::Csv);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", request.report);
    const io::PlannedOutput* ptable_output = outputs.add_optional("--ptable-output", request.ptable_output);

    progress(0.0, "reading the data");
    result.definitions = read_definitions(request.definitions);
    const Definitions& defs = result.definitions;
    const io::CsvTable csv = io::read_csv_table(request.data, request.text);
    const DataTable data = read_data(csv, request.id, defs);
    result.data_rows = data.ids.size();
    geometry::RegionSet regions;
    if (wide) {
        const std::string id_field = request.regions.id.empty() ? request.id : request.regions.id;
        regions = io::read_regions(regions_input, {id_field, {}, {}, request.regions.fixes(), {}}, result.warnings, nullptr,
                                   &result.region_fixes);
    }
    result.hierarchy = build_hierarchy(hierarchy_input(csv, request, data, defs));
    const PTableChoice ptables = load_ptables(defs);
    if (ptable_output) {
        const PTable& ptable = single_ptable(ptables);
        io::write_output_stream(*ptable_output, [&](std::ostream& out) { ptable.write_csv(out); });
    }
    progress(0.3, "computing the indicators");
    result.table = compute_protected_indicators(defs, data, result.hierarchy, ptables, result.outcomes);
    for (const auto& w : mixed_method_warnings(defs)) result.warnings.push_back(w);

    progress(0.8, "writing");
    if (wide) {
        result.join = write_wide_table(request, table_output, std::move(regions), result, result.warnings);
        result.tables.push_back(report::WrittenTable::of(table_output));
    } else {
        io::write_output_stream(table_output,
                                [&](std::ostream& out) { write_indicators_csv(out, defs, result.hierarchy, result.table); });
    }
    if (report_output) report::write_report_text(*report_output, result.to_json(request));
    outputs.commit();
    progress(1.0, "done");
    // After the outputs are in place, as the command always printed them.
    if (warn)
        for (const auto& w : result.warnings) warn(w);
    return result;
}

}  // namespace regio::indicators
