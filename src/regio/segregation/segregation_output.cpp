#include "regio/segregation/segregation_output.hpp"

#include "regio/error.hpp"
#include "regio/io/feature_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/table/csv_text.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
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
    // Under "timings", which a pipeline keeps out of its manifest (identical re-runs).
    j["timings"] = {{"total_s", seconds}};
    return j;
}

void check_outputs(const SegregationRequest& r, const std::vector<std::string>& extra_outputs) {
    const std::vector<std::string> inputs{r.data_input().path, r.regions_input().path};
    if (io::extension_of(r.output) != "csv") throw UsageError("-o " + r.output + ": the indices are written as CSV: name -o .csv");
    { io::OutputFile probe(r.output, r.overwrite, inputs); }
    std::vector<std::string> outputs{r.output};
    if (!r.local.empty()) {
        io::check_feature_output(r.local, "--local", r.overwrite, inputs);
        if (io::extension_of(r.local) == "gpkg" && r.geometry == UnitGeometry::None)
            throw UsageError("--local " + r.local + ": a GeoPackage needs the units' geometry", {}, "give --regions or --grid-codes, or name a .csv");
        outputs.push_back(r.local);
    }
    outputs.insert(outputs.end(), extra_outputs.begin(), extra_outputs.end());
    std::error_code ec;
    for (std::size_t a = 0; a < outputs.size(); ++a)
        for (std::size_t b = a + 1; b < outputs.size(); ++b)
            if (std::filesystem::weakly_canonical(outputs[a], ec) == std::filesystem::weakly_canonical(outputs[b], ec))
                throw UsageError("two outputs name the same file: " + outputs[a]);
}

void write_outputs(const SegregationRequest& r, const SegregationResult& result) {
    const std::vector<std::string> inputs{r.data_input().path, r.regions_input().path};
    io::OutputFile main(r.output, r.overwrite, inputs);
    {
        std::ofstream out(main.temp_path(), std::ios::binary);
        out << result.csv();
        out.close();
        if (!out) throw IoError("write failed", Where{r.output});
    }
    if (!r.local.empty()) {
        io::FeatureTable local;
        local.rows = result.unit_ids.size();
        local.add(r.id, io::FieldType::Text).texts = result.unit_ids;
        for (std::size_t m = 0; m < result.local_groups.size(); ++m)
            local.add("lq_" + result.local_groups[m], io::FieldType::Real).numbers = result.location_quotients[m];
        local.add("local_entropy", io::FieldType::Real).numbers = result.local_entropy;
        if (io::extension_of(r.local) == "gpkg") {
            local.shapes = &result.shapes.shapes;
            local.crs_wkt = result.shapes.crs_wkt;
        }
        io::write_feature_table(local, r.local, r.overwrite, inputs);
    }
    main.commit();
}

}  // namespace regio::segregation
