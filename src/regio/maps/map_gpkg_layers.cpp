#include "regio/maps/map_gpkg_layers.hpp"

#include "regio/render/qgis_style.hpp"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <optional>
#include <set>

namespace regio::maps {
namespace {

// The `class` value of each class: 1..K, or for a categorical map whose
// categories are all positive whole numbers (DEGURBA codes 1-3, 11-30) the
// codes themselves, so that the column and the QGIS categories read as the
// data do. (0 and below stay for no data and confidential values.)
std::vector<int> class_values(const render::ChoroplethPlan& plan) {
    std::vector<int> out;
    for (const auto& value : plan.category_values) {
        int code = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), code);
        if (ec != std::errc() || end != value.data() + value.size() || code < 1) {
            out.clear();
            break;
        }
        out.push_back(code);
    }
    if (out.empty())
        for (std::size_t k = 0; k < plan.colors.size(); ++k) out.push_back(static_cast<int>(k + 1));
    return out;
}

}  // namespace

std::vector<io::MapLayer> map_gpkg_layers(const std::string& gpkg_path, const MapValueSource& args, const render::PanelValues& panels,
                                          const render::ChoroplethPlan& plan, const render::MapStyle& look,
                                          const GpkgExtras& extras) {
    const std::string stem = std::filesystem::path(gpkg_path).stem().string();
    std::vector<render::StyleClass> style_classes;
    const std::vector<int> class_of = class_values(plan);
    for (std::size_t k = 0; k < plan.colors.size(); ++k) style_classes.push_back({class_of[k], plan.labels[k], plan.colors[k]});
    // Every layer gets the confidential category when any panel has one, as the shared legend does.
    std::optional<render::ConfidentialStyle> confidential;
    if (plan.confidential > 0) confidential = render::ConfidentialStyle{look.confidential_color, look.confidential_label};
    std::vector<io::MapLayer> layers;
    std::set<std::string> names;
    for (std::size_t p = 0; p < panels.values.size(); ++p) {
        io::MapLayer layer;
        layer.name = stem;
        if (!args.facet.empty()) {
            // Layer names that need no quoting in SQL or QGIS expressions.
            layer.name += '_';
            for (const char c : panels.facets[p]) layer.name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
            const std::string base = layer.name;
            for (int n = 2; names.count(layer.name); ++n) layer.name = base + "_" + std::to_string(n);
        }
        names.insert(layer.name);
        layer.value_field = args.field;
        layer.values = panels.values[p];
        for (std::size_t r = 0; r < layer.values.size(); ++r) {
            const int k = plan.region_class[p * layer.values.size() + r];
            layer.classes.push_back(k >= 0 ? class_of[static_cast<std::size_t>(k)] : 0);
            layer.fills.push_back(k >= 0                              ? plan.colors[static_cast<std::size_t>(k)]
                                  : k == render::kConfidentialClass ? look.confidential_color
                                                                    : look.nodata_color);
        }
        std::set<std::string> taken{extras.id_field, args.field, "class", "fill"};
        if (!extras.name_field.empty() && extras.names && taken.insert(extras.name_field).second)
            layer.text_fields.emplace_back(extras.name_field, *extras.names);
        if (extras.carried)
            for (std::size_t c = 0; c < extras.carried->names.size(); ++c)
                if (taken.insert(extras.carried->names[c]).second)
                    layer.number_fields.emplace_back(extras.carried->names[c], extras.carried->values[c][p]);
        layer.qml = render::qml_style(style_classes, look.nodata_color, look.nodata_label, look.border_color, confidential);
        layer.sld = render::sld_style(layer.name, style_classes, look.nodata_color, look.nodata_label, look.border_color, confidential);
        layers.push_back(std::move(layer));
    }
    return layers;
}

}  // namespace regio::maps
