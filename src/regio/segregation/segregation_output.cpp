#include "regio/segregation/segregation_output.hpp"

#include "regio/error.hpp"
#include "regio/io/feature_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/segregation/segregation_tables.hpp"
#include "regio/table/csv_text.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>

namespace regio::segregation {
namespace {

std::string number(double v) { return std::isnan(v) ? std::string() : table::format_number(v, table::ColumnKind::Real); }

const char* geometry_name(UnitGeometry g) {
    switch (g) {
    case UnitGeometry::Regions: return "regions";
    case UnitGeometry::GridCodes: return "grid codes";
    case UnitGeometry::None: break;
    }
    return "none";
}

const char* kernel_name(Kernel k) {
    switch (k) {
    case Kernel::Triangular: return "triangular";
    case Kernel::Gaussian: return "gaussian";
    case Kernel::Box: break;
    }
    return "box";
}

}  // namespace

std::string SegregationResult::csv() const {
    std::ostringstream out;
    out << "within,index,group,scale,bandwidth,value,expected,ci_low,ci_high,p_value\n";
    for (const auto& row : rows) {
        out << table::csv_quote(row.within) << ',' << row.index << ',' << table::csv_quote(row.group) << ','
            << (row.scale ? std::to_string(row.scale) : std::string()) << ',' << (row.bandwidth > 0 ? number(row.bandwidth) : std::string())
            << ',' << number(row.value);
        if (row.simulated)
            out << ',' << number(row.simulated->expected) << ',' << number(row.simulated->ci_low) << ',' << number(row.simulated->ci_high) << ','
                << number(row.simulated->p_value) << '\n';
        else
            out << ",,,,\n";
    }
    return out.str();
}

nlohmann::ordered_json SegregationResult::to_json(const SegregationRequest& r) const {
    nlohmann::ordered_json j;
    j["command"] = "segregation";
    j["data"] = {{"source", r.data_input().display()}, {"id", r.id}, {"units", composition.units()}};
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (std::size_t m = 0; m < composition.groups.size(); ++m)
        groups.push_back({{"column", composition.groups[m]}, {"count", composition.group_total(m)}});
    j["groups"] = groups;
    j["mode"] = composition.mode == GroupMode::Partition ? "partition" : "one against the total";
    j["total"] = {{"column", r.total.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.total)},
                  {"population", composition.total()}};
    j["geometry"] = {{"kind", geometry_name(r.geometry)},
                     {"source", r.geometry == UnitGeometry::Regions ? nlohmann::ordered_json(r.regions_input().display()) : nlohmann::ordered_json(nullptr)},
                     {"contiguity", r.contiguity == geometry::Contiguity::Queen ? "queen" : "rook"},
                     {"neighbour_pairs", neighbour_pairs}};
    j["bandwidths"] = r.bandwidths;
    j["kernel"] = kernel_name(r.kernel);
    j["scales"] = r.scales;
    j["within"] = {{"field", r.within.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.within)},
                   {"id_prefix", r.within_prefix}, {"groups", within_groups}};
    j["simulations"] = {{"count", r.simulations}, {"seed", r.seed}};
    if (decomposition)
        j["mutual_information"] = {{"total", decomposition->total}, {"between", decomposition->between}, {"within", decomposition->within}};
    j["rows"] = rows.size();
    j["warnings"] = warnings;
    if (!outputs.empty()) j["outputs"] = report::outputs_json(outputs);
    // Under "timings", which a pipeline keeps out of its manifest (identical re-runs).
    j["timings"] = {{"total_s", seconds}};
    return j;
}

namespace {

std::vector<std::string> file_paths(const SegregationRequest& r, const std::vector<std::string>& extra_outputs) {
    std::vector<std::string> paths;
    if (io::table_format("-o", r.output, r.output_format) != io::TableFormat::PostGis) paths.push_back(r.output);
    if (!r.local.empty() && io::table_format("--local", r.local, "") != io::TableFormat::PostGis) paths.push_back(r.local);
    paths.insert(paths.end(), extra_outputs.begin(), extra_outputs.end());
    return paths;
}

void check_distinct_files(const std::vector<std::string>& outputs) {
    std::error_code ec;
    for (std::size_t a = 0; a < outputs.size(); ++a)
        for (std::size_t b = a + 1; b < outputs.size(); ++b)
            if (std::filesystem::weakly_canonical(outputs[a], ec) == std::filesystem::weakly_canonical(outputs[b], ec))
                throw UsageError("two outputs name the same file: " + outputs[a]);
}

}  // namespace

bool local_has_geometry(const SegregationRequest& r) {
    return !r.local.empty() && r.geometry != UnitGeometry::None && io::table_format("--local", r.local, "") != io::TableFormat::Csv;
}

// -o holds no geometry: any table format but FlatGeobuf (as crosswalk apply's
// -o). --local goes by its extension; a GeoPackage needs the units' geometry
// (as before issue #16), FlatGeobuf too, GeoJSON, Parquet and a database
// table hold a table without it. One database output per command
// (OutputPlan::add_table): -o and --local both PG:... is refused here.
PlannedOutputs plan_outputs(const SegregationRequest& r, io::OutputPlan& plan, const std::vector<std::string>& extra_outputs) {
    check_distinct_files(file_paths(r, extra_outputs));
    // Refused before either database is opened (OutputPlan::add_table would
    // refuse the second only after connecting to the first).
    if (!r.local.empty() && io::table_format("-o", r.output, r.output_format) == io::TableFormat::PostGis &&
        io::table_format("--local", r.local, "") == io::TableFormat::PostGis)
        throw UsageError("-o and --local both write into a database; one database output per command", {},
                         "write one of them to a file (.csv, .gpkg, .geojson, .parquet)");
    PlannedOutputs planned;
    planned.indices = &plan.add_table("-o", {r.output, r.output_layer, r.output_format});
    io::check_attribute_table_format(*planned.indices);
    if (r.local.empty()) {
        if (!r.local_layer.empty()) throw UsageError("--local-layer names the table or layer of --local: give --local too");
        return planned;
    }
    const io::TableFormat local_format = io::table_format("--local", r.local, "");
    if (local_format == io::TableFormat::Csv && !r.local_layer.empty())
        throw UsageError("--local-layer names a table in a database or a layer of a GeoPackage, FlatGeobuf, GeoJSON or Parquet "
                         "file, not of a CSV file");
    if (local_format == io::TableFormat::GeoPackage && r.geometry == UnitGeometry::None)
        throw UsageError("--local " + r.local + ": a GeoPackage needs the units' geometry", {}, "give --regions or --grid-codes, or name a .csv");
    planned.local = &plan.add_table("--local", {r.local, r.local_layer, ""});
    if (r.geometry == UnitGeometry::None) io::check_attribute_table_format(*planned.local);
    return planned;
}

void write_outputs(const SegregationRequest& r, const SegregationResult& result, const PlannedOutputs& outputs) {
    const io::PlannedOutput& indices = *outputs.indices;
    if (indices.format() == io::TableFormat::Csv) {
        // OUT.csv as it always was (SegregationResult::csv), byte for byte.
        io::write_output_stream(indices, [&result](std::ostream& out) { out << result.csv(); });
        indices.record_rows(result.rows.size());
    } else {
        io::write_attribute_table(index_table(result), indices);
    }
    if (!outputs.local) return;
    const io::PlannedOutput& local_output = *outputs.local;
    if (local_output.format() == io::TableFormat::Csv) {
        io::FeatureTable local;
        local.rows = result.unit_ids.size();
        local.add(r.id, io::FieldType::Text).texts = result.unit_ids;
        for (std::size_t m = 0; m < result.local_groups.size(); ++m)
            local.add("lq_" + result.local_groups[m], io::FieldType::Real).numbers = result.location_quotients[m];
        local.add("local_entropy", io::FieldType::Real).numbers = result.local_entropy;
        io::write_feature_table(local, local_output);
    } else if (local_has_geometry(r)) {
        io::write_region_table(local_table(r.id, result), &result.shapes, local_output);
    } else {
        io::write_attribute_table(local_table(r.id, result), local_output);
    }
}

}  // namespace regio::segregation
