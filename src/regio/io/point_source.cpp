#include "regio/io/point_source.hpp"

#include "regio/io/csv_point_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/ogr_point_source.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace regio::io {

std::unique_ptr<PointSource> open_point_source(const std::string& spec, const PointFields& fields) {
    const InputSpec input = InputSpec::parse(spec);
    std::string ext = std::filesystem::path(input.path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (input.layer.empty() && (ext == ".csv" || ext == ".tsv" || ext == ".txt"))
        return std::make_unique<CsvPointSource>(input.path, fields);
    return std::make_unique<OgrPointSource>(input, fields);
}

}  // namespace regio::io
