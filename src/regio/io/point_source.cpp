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

Crs point_source_crs(const PointSource& source, const std::string& given, const std::string& option, const std::string& what) {
    const Crs own = source.crs();
    if (given.empty()) {
        if (!own.empty()) return own;
        if (std::string(source.ref_kind()) == "line")
            throw UsageError("CSV " + what + " have no CRS: name it with " + option, {},
                             "e.g. " + option + " EPSG:3035 for ETRS89-LAEA metres, EPSG:4326 for longitude/latitude");
        throw CrsError("the " + what + " layer has no CRS", Where{source.display()}, "name it with " + option);
    }
    const Crs user = Crs::from_user(given, option);
    if (!own.empty() && !own.same_as(user))
        throw CrsError("the " + what + " layer is in " + own.name + " but " + option + " says " + user.name,
                       Where{source.display()}, "drop " + option + " to use the layer's own CRS");
    return user;
}

}  // namespace regio::io
