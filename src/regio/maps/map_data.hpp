#pragma once
// The values regio map draws: a numeric field of the layer, or a column of
// a CSV table joined by id; in a tidy table --where picks the rows and
// --facet splits them into panels (small multiples). Rows whose flag marks a
// suppressed value (render::is_confidential_flag) are confidential.
#include "regio/io/text_input.hpp"
#include "regio/render/facets.hpp"

#include <string>
#include <vector>

namespace regio::maps {

struct MapValueSource {
    std::string field;               // the value: a field of the layer, or a column of `data`
    std::string data, data_id;       // a CSV table and its id column
    std::vector<std::string> where;  // COL=VALUE filters on the table's rows
    std::string facet;               // a column of the table: one panel per value
    std::string minus;               // a second table joined the same way: map data minus it (a change)
    std::string flag_column;         // the table's flag column (default: `flag` when there is one)
    io::TextOptions text;            // delimiter and encoding of the tables
};

// The columns of --data carried into map --gpkg beside the value (issue #18
// item 8), so the layer is useful on its own in QGIS: numerator and
// denominator when the table has them (regio indicators), otherwise its
// other all-numeric columns (the counts of a wide table). values[column]
// holds [panel][region]; NaN where a region has no row or its value is
// confidential (a suppressed value's counts are not published either).
struct CarriedColumns {
    std::vector<std::string> names;
    std::vector<std::vector<std::vector<double>>> values;
};

// One panel per facet value (one panel without --facet); with --minus the
// difference of the two tables (confidential where either is). Warnings for regions without a row and rows
// without a region; usage errors for options that do not go together.
// layer_values: the layer's field args.field, read with the regions (the
// values without --data).
// definition_label, when given, receives the `label` column of the rows
// mapped (regio indicators writes the indicator's definition there) when
// they all share one, and stays empty otherwise: a legend title.
render::PanelValues read_map_values(const std::vector<double>& layer_values, const MapValueSource& args,
                                    const std::vector<std::string>& region_ids, std::vector<std::string>& warnings,
                                    std::string* definition_label = nullptr, CarriedColumns* carried = nullptr);

}  // namespace regio::maps
