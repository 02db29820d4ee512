#include "regio/harmonise/crosswalk_build_outputs.hpp"

#include "regio/error.hpp"
#include "regio/geometry/intersection.hpp"
#include "regio/harmonise/crosswalk_build_operation.hpp"
#include "regio/harmonise/crosswalk_files.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/table_format.hpp"
#include "regio/io/table_writer.hpp"

#include <unordered_map>

namespace regio::harmonise {
namespace {

// Today's rule for a file named by --changes: CSV whatever the extension,
// unless it names one of the table formats with geometry (issue #16) or a
// database.
bool is_database(const std::string& path) { return path.starts_with("PG:"); }  // as io::table_format decides

bool changes_as_table(const io::TableDestination& changes) {
    if (is_database(changes.path)) return true;
    const std::string ext = io::extension_of(changes.path);
    return ext == "gpkg" || ext == "fgb" || ext == "geojson" || ext == "json" || ext == "parquet";
}

}  // namespace

bool is_csv(const io::PlannedOutput& output) {
    // --changes planned as a plain file (no format): CSV, as it always was.
    return output.is_stdout() || !output.format() || *output.format() == io::TableFormat::Csv;
}

// The crosswalk's columns in the order of CROSSWALK.csv: from_id is the
// table's id column (the writers put it first), to_id its text column.
table::RegionTable crosswalk_table(const Crosswalk& cw) {
    std::vector<std::string> from_ids, to_ids;
    for (const auto& r : cw.rows) {
        from_ids.push_back(r.from_id);
        to_ids.push_back(r.to_id);
    }
    table::RegionTable t("from_id", from_ids);
    t.add_text_column("to_id", to_ids);
    auto column = [&](const char* name, double CrosswalkRow::*field) {
        auto& c = t.add_column(name, table::ColumnKind::Real);
        for (std::size_t k = 0; k < cw.rows.size(); ++k) c.values[k] = cw.rows[k].*field;
    };
    column("area_m2", &CrosswalkRow::area_m2);
    column("area_share_from", &CrosswalkRow::area_share_from);
    column("area_share_to", &CrosswalkRow::area_share_to);
    if (cw.has_weights) {
        column("weight", &CrosswalkRow::weight);
        column("weight_share_from", &CrosswalkRow::weight_share_from);
        column("weight_share_to", &CrosswalkRow::weight_share_to);
    }
    if (cw.has_near_boundary) {
        column("near_boundary_area_share", &CrosswalkRow::near_boundary_area_share);
        if (cw.has_weights) column("near_boundary_weight_share", &CrosswalkRow::near_boundary_weight_share);
    }
    return t;
}

namespace {

// Each row's piece a ∩ b, in the rows' order.
geometry::RegionSet piece_shapes(const Crosswalk& cw, const geometry::RegionSet& from, const geometry::RegionSet& to,
                                 unsigned threads) {
    std::unordered_map<std::string, std::size_t> from_index, to_index;
    for (std::size_t i = 0; i < from.size(); ++i) from_index.emplace(from.ids[i], i);
    for (std::size_t i = 0; i < to.size(); ++i) to_index.emplace(to.ids[i], i);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    geometry::RegionSet pieces;
    pieces.crs_wkt = from.crs_wkt;
    pieces.id_field = "piece";
    for (const auto& r : cw.rows) {
        pairs.emplace_back(from_index.at(r.from_id), to_index.at(r.to_id));
        pieces.ids.push_back(std::to_string(pieces.ids.size() + 1));
    }
    pieces.shapes = geometry::intersections(from.shapes, to.shapes, pairs, threads);
    return pieces;
}

}  // namespace

BuildOutputs plan_build_outputs(const CrosswalkBuildRequest& request, io::OutputPlan& plan) {
    BuildOutputs out;
    out.crosswalk = &plan.add_table("--output", request.output);  // "-": standard output (CSV)
    if (!request.changes.path.empty()) {
        if (changes_as_table(request.changes)) {
            // Named here: the plan's own message would hint at --output-layer.
            if (is_database(request.changes.path) && request.changes.layer.empty())
                throw UsageError("--changes " + io::redact_secrets(request.changes.path) +
                                     ": a database output needs the table's name",
                                 {}, "add --changes-layer [SCHEMA.]NAME");
            out.changes = &plan.add_table("--changes", request.changes);
        } else {
            if (!request.changes.layer.empty())
                throw UsageError("--changes-layer names a table in a database or a layer of a GeoPackage, FlatGeobuf, GeoJSON "
                                 "or Parquet file, not of a CSV file");
            out.changes = plan.add_optional("--changes", request.changes.path);
        }
    }
    out.pieces = plan.add_optional("--gpkg", request.gpkg);
    out.report = plan.add_optional("--report", request.report);
    return out;
}

void write_crosswalk_table(const Crosswalk& cw, const io::PlannedOutput& output) {
    if (is_csv(output)) return write_crosswalk(cw, output);  // the documented CROSSWALK.csv, byte for byte
    io::write_attribute_table(crosswalk_table(cw), output);
}

void write_crosswalk_output(const Crosswalk& cw, const geometry::RegionSet& from, const geometry::RegionSet& to,
                            const io::PlannedOutput& output, unsigned threads) {
    if (is_csv(output)) return write_crosswalk(cw, output);  // the documented CROSSWALK.csv, byte for byte
    const table::RegionTable table = crosswalk_table(cw);
    if (output.database()) return io::write_region_table(table, nullptr, output);
    const geometry::RegionSet pieces = piece_shapes(cw, from, to, threads);
    io::write_region_table(table, &pieces, output);
}

void write_changes_output(const std::vector<Change>& changes, const geometry::RegionSet& from, const geometry::RegionSet& to,
                          const io::PlannedOutput& output) {
    if (is_csv(output)) return write_changes(changes, output);
    // side is the id column (first, as in CHANGES.csv); the rest are text.
    std::vector<std::string> sides, ids, types, counterparts, details;
    for (const auto& c : changes) {
        sides.push_back(c.side);
        ids.push_back(c.id);
        types.push_back(change_name(c.type));
        std::string list;
        for (const auto& id : c.counterparts) list += (list.empty() ? "" : ";") + id;
        counterparts.push_back(list);
        details.push_back(c.detail);
    }
    table::RegionTable table("side", sides);
    table.add_text_column("id", ids);
    table.add_text_column("type", types);
    table.add_text_column("counterparts", counterparts);
    table.add_text_column("detail", details);
    if (output.database()) return io::write_region_table(table, nullptr, output);
    // Each unit's polygon in its own vintage.
    std::unordered_map<std::string, std::size_t> from_index, to_index;
    for (std::size_t i = 0; i < from.size(); ++i) from_index.emplace(from.ids[i], i);
    for (std::size_t i = 0; i < to.size(); ++i) to_index.emplace(to.ids[i], i);
    geometry::RegionSet units;
    units.crs_wkt = from.crs_wkt;
    units.id_field = "id";
    for (const auto& c : changes) {
        const bool older = c.side == "from";
        const geometry::RegionSet& side = older ? from : to;
        units.ids.push_back(c.id);
        units.shapes.push_back(side.shapes[(older ? from_index : to_index).at(c.id)]);
    }
    io::write_region_table(table, &units, output);
}

void write_pieces(const Crosswalk& cw, const geometry::RegionSet& from, const geometry::RegionSet& to,
                  const io::PlannedOutput& output, unsigned threads) {
    const geometry::RegionSet pieces = piece_shapes(cw, from, to, threads);
    std::vector<std::string> from_ids, to_ids;
    for (const auto& r : cw.rows) {
        from_ids.push_back(r.from_id);
        to_ids.push_back(r.to_id);
    }
    table::RegionTable t("piece", pieces.ids);
    t.add_text_column("from_id", from_ids);
    t.add_text_column("to_id", to_ids);
    auto& area = t.add_column("area_m2", table::ColumnKind::Real);
    auto& share_from = t.add_column("area_share_from", table::ColumnKind::Real);
    auto& share_to = t.add_column("area_share_to", table::ColumnKind::Real);
    for (std::size_t k = 0; k < cw.rows.size(); ++k) {
        area.values[k] = cw.rows[k].area_m2;
        share_from.values[k] = cw.rows[k].area_share_from;
        share_to.values[k] = cw.rows[k].area_share_to;
    }
    if (cw.has_weights) {
        auto& w = t.add_column("weight", table::ColumnKind::Real);
        for (std::size_t k = 0; k < cw.rows.size(); ++k) w.values[k] = cw.rows[k].weight;
    }
    io::write_region_table(t, &pieces, output);
}

}  // namespace regio::harmonise
