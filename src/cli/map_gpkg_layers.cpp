#include "map_gpkg_layers.hpp"

#include "regio/render/qgis_style.hpp"

#include <cctype>
#include <filesystem>
#include <optional>
#include <set>

namespace regio::cli {

std::vector<io::MapLayer> map_gpkg_layers(const std::string& gpkg_path, const MapDataArgs& args, const render::PanelValues& panels,
                                          const render::ChoroplethPlan& plan, const render::MapStyle& look,
                                          const GpkgExtras& extras) {
    const std::string stem = std::filesystem::path(gpkg_path).stem().string();
    std::vector<render::StyleClass> style_classes;
    for (std::size_t k = 0; k < plan.colors.size(); ++k) style_classes.push_back({static_cast<int>(k + 1), plan.labels[k], plan.colors[k]});
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
            layer.classes.push_back(k >= 0 ? k + 1 : 0);
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

}  // namespace regio::cli
