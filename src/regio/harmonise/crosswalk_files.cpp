#include "regio/harmonise/crosswalk_files.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/table/csv_text.hpp"

#include <fstream>

namespace regio::harmonise {
namespace {

std::string num(double v) { return table::format_number(v, table::ColumnKind::Real); }

}  // namespace

void write_crosswalk(const Crosswalk& cw, const std::string& path, io::Overwrite overwrite,
                     const std::vector<std::string>& inputs) {
    io::OutputPlan plan(overwrite, inputs);
    write_crosswalk(cw, plan.add("output", path));
    plan.commit();
}

void write_changes(const std::vector<Change>& changes, const std::string& path, io::Overwrite overwrite,
                   const std::vector<std::string>& inputs) {
    io::OutputPlan plan(overwrite, inputs);
    write_changes(changes, plan.add("--changes", path));
    plan.commit();
}

void write_crosswalk(const Crosswalk& cw, const io::PlannedOutput& output) {
    io::write_output_stream(output, [&](std::ostream& out) {
        out << "from_id,to_id,area_m2,area_share_from,area_share_to";
        if (cw.has_weights) out << ",weight,weight_share_from,weight_share_to";
        // Last, and only when measured: readers that take columns by name
        // (every regio since the crosswalk) read such a file unchanged.
        if (cw.has_near_boundary) out << ",near_boundary_area_share" << (cw.has_weights ? ",near_boundary_weight_share" : "");
        out << '\n';
        for (const auto& r : cw.rows) {
            out << table::csv_quote(r.from_id) << ',' << table::csv_quote(r.to_id) << ',' << num(r.area_m2) << ','
                << num(r.area_share_from) << ',' << num(r.area_share_to);
            if (cw.has_weights) out << ',' << num(r.weight) << ',' << num(r.weight_share_from) << ',' << num(r.weight_share_to);
            if (cw.has_near_boundary) {
                out << ',' << num(r.near_boundary_area_share);
                if (cw.has_weights) out << ',' << num(r.near_boundary_weight_share);
            }
            out << '\n';
        }
    });
}

Crosswalk read_crosswalk(const std::string& path) {
    const io::CsvTable t = io::read_csv_table(path);
    Crosswalk cw;
    const std::size_t f = t.column("from_id"), to = t.column("to_id"), a = t.column("area_m2"),
                      sf = t.column("area_share_from"), st = t.column("area_share_to");
    cw.has_weights = t.has_column("weight");
    std::size_t w = 0, wf = 0, wt = 0;
    if (cw.has_weights) {
        w = t.column("weight");
        wf = t.column("weight_share_from");
        wt = t.column("weight_share_to");
    }
    // The near-boundary columns come as a set: the area share, and the
    // weight share when the table has weights.
    cw.has_near_boundary = t.has_column("near_boundary_area_share");
    std::size_t na = 0, nw = 0;
    if (cw.has_near_boundary) {
        na = t.column("near_boundary_area_share");
        if (cw.has_weights) nw = t.column("near_boundary_weight_share");
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        // A cell that is not a number is named with its source unit, as the
        // checks of check_crosswalk name theirs.
        auto number = [&](std::size_t column) {
            try {
                return t.number(r, column);
            } catch (const DataError& e) {
                throw DataError("source '" + t.rows[r][f] + "': " + e.message(), e.where(), e.hint());
            }
        };
        CrosswalkRow row{t.rows[r][f], t.rows[r][to], number(a), number(sf), number(st), 0, 0, 0, 0, 0};
        if (cw.has_weights) {
            row.weight = number(w);
            row.weight_share_from = number(wf);
            row.weight_share_to = number(wt);
        }
        if (cw.has_near_boundary) {
            row.near_boundary_area_share = number(na);
            if (cw.has_weights) row.near_boundary_weight_share = number(nw);
        }
        cw.rows.push_back(std::move(row));
    }
    // Values are checked by check_crosswalk, which knows which
    // columns the caller moves.
    cw.file = path;
    cw.lines = t.lines;
    return cw;
}

void write_changes(const std::vector<Change>& changes, const io::PlannedOutput& output) {
    io::write_output_stream(output, [&](std::ostream& out) {
        out << "side,id,type,counterparts,detail\n";
        for (const auto& c : changes) {
            std::string counterparts;
            for (const auto& id : c.counterparts) counterparts += (counterparts.empty() ? "" : ";") + id;
            out << c.side << ',' << table::csv_quote(c.id) << ',' << change_name(c.type) << ','
                << table::csv_quote(counterparts) << ',' << c.detail << '\n';
        }
    });
}

}  // namespace regio::harmonise
