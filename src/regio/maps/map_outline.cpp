#include "regio/maps/map_outline.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/io/region_transform.hpp"

namespace regio::maps {

std::vector<render::OutlineShape> Outlines::shapes() const {
    std::vector<render::OutlineShape> out;
    for (std::size_t i = 0; i < regions.size(); ++i) out.push_back({&regions.shapes[i], labels[i]});
    return out;
}

Outlines read_outlines(const OutlineSource& args, const io::Crs& map_crs, std::vector<std::string>& warnings) {
    Outlines out;
    if (args.layer.empty()) {
        if (!args.id.empty() || !args.label.empty() || !args.layer_name.empty())
            throw UsageError("--outline-id, --outline-label and --outline-layer go with --outline FILE[:LAYER]");
        return out;
    }
    const std::string id = !args.id.empty() ? args.id : args.label;
    if (id.empty()) throw UsageError("--outline needs --outline-label FIELD (names drawn on the map) or --outline-id FIELD (no names)");
    io::InputSpec input = io::InputSpec::parse(args.layer, args.layer_name);
    input.encoding = args.encoding;
    io::RegionReadOptions options{id, {}, {}};
    const bool separate_label = !args.label.empty() && args.label != id;
    if (separate_label) options.text_fields.push_back(args.label);
    io::RegionFields fields;
    out.regions = io::read_regions(input, options, warnings, &fields);
    if (args.label.empty()) out.labels.assign(out.regions.size(), std::string());
    else out.labels = separate_label ? fields.text[args.label] : out.regions.ids;
    io::transform_regions(out.regions, io::Crs::from_wkt(out.regions.crs_wkt), map_crs);
    return out;
}

}  // namespace regio::maps
