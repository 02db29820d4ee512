#include "regio/io/point_source.hpp"

#include "regio/error.hpp"

#include "regio/io/csv_point_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/ogr_point_source.hpp"


namespace regio::io {

std::unique_ptr<PointSource> open_point_source(const std::string& spec, const PointFields& fields) {
    return open_point_source(InputSpec::parse(spec), fields);
}

std::unique_ptr<PointSource> open_point_source(const InputSpec& input, const PointFields& fields) {
    if (input.layer.empty() && input.sql.empty() && input.is_local() && is_text_table_name(input.path))
        return std::make_unique<CsvPointSource>(input.path, fields);
    if (fields.record_keyer)
        throw UsageError("cell-key record keys are only made for delimited-text points (CSV) so far", Where{input.path},
                         "export the layer to CSV with ogr2ogr -f CSV -lco GEOMETRY=AS_XY");
    return std::make_unique<OgrPointSource>(input, fields);
}

}  // namespace regio::io
