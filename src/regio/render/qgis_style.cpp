#include "regio/render/qgis_style.hpp"

#include "regio/render/svg_text.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace regio::render {
namespace {

// "#RRGGBB" -> "r,g,b,255" as QML wants colours.
std::string qml_color(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') return "128,128,128,255";
    const long v = std::strtol(hex.c_str() + 1, nullptr, 16);
    return fmt::format("{},{},{},255", (v >> 16) & 255, (v >> 8) & 255, v & 255);
}

std::string fill_symbol(int index, const std::string& color, const std::string& border, const char* style) {
    return fmt::format(
        "      <symbol type=\"fill\" name=\"{}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        "        <layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
        "          <Option type=\"Map\">\n"
        "            <Option name=\"color\" type=\"QString\" value=\"{}\"/>\n"
        "            <Option name=\"outline_color\" type=\"QString\" value=\"{}\"/>\n"
        "            <Option name=\"outline_style\" type=\"QString\" value=\"solid\"/>\n"
        "            <Option name=\"outline_width\" type=\"QString\" value=\"0.2\"/>\n"
        "            <Option name=\"style\" type=\"QString\" value=\"{}\"/>\n"
        "          </Option>\n"
        "        </layer>\n"
        "      </symbol>\n",
        index, qml_color(color), qml_color(border), style);
}

}  // namespace

std::string qml_style(const std::vector<StyleClass>& classes, const std::string& nodata_color,
                      const std::string& nodata_label, const std::string& border_color,
                      const std::optional<ConfidentialStyle>& confidential) {
    std::string categories, symbols;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        categories += fmt::format("      <category value=\"{}\" symbol=\"{}\" label=\"{}\" render=\"true\"/>\n", classes[i].value, i,
                                  xml_escape(classes[i].label));
        symbols += fill_symbol(static_cast<int>(i), classes[i].color, border_color, "solid");
    }
    // NULL class: no data, hatched as in the SVG.
    const std::size_t nd = classes.size();
    categories += fmt::format("      <category value=\"\" symbol=\"{}\" label=\"{}\" render=\"true\"/>\n", nd, xml_escape(nodata_label));
    symbols += fill_symbol(static_cast<int>(nd), nodata_color, border_color, "b_diagonal");
    std::string attr = "class";
    if (confidential) {
        // Categorise on an expression: class, or -1 where class is NULL and
        // the fill is the confidential colour.
        attr = xml_escape(fmt::format("CASE WHEN \"class\" IS NULL AND \"fill\" = '{}' THEN -1 ELSE \"class\" END", confidential->color));
        categories += fmt::format("      <category value=\"-1\" symbol=\"{}\" label=\"{}\" render=\"true\"/>\n", nd + 1,
                                  xml_escape(confidential->label));
        symbols += fill_symbol(static_cast<int>(nd + 1), confidential->color, border_color, "diagonal_x");
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
           "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n"
           "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + attr + "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
           "    <categories>\n" + categories + "    </categories>\n"
           "    <symbols>\n" + symbols + "    </symbols>\n"
           "  </renderer-v2>\n"
           "</qgis>\n";
}

std::string sld_style(const std::string& layer_name, const std::vector<StyleClass>& classes,
                      const std::string& nodata_color, const std::string& nodata_label, const std::string& border_color,
                      const std::optional<ConfidentialStyle>& confidential) {
    std::string rules;
    auto rule = [&](const std::string& name, const std::string& filter, const std::string& color) {
        rules += fmt::format("        <se:Rule><se:Name>{}</se:Name>{}<se:PolygonSymbolizer><se:Fill>"
                             "<se:SvgParameter name=\"fill\">{}</se:SvgParameter></se:Fill><se:Stroke>"
                             "<se:SvgParameter name=\"stroke\">{}</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>\n",
                             xml_escape(name), filter, color, border_color);
    };
    for (const auto& c : classes)
        rule(c.label,
             fmt::format("<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>class</ogc:PropertyName>"
                         "<ogc:Literal>{}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>",
                         c.value),
             c.color);
    const std::string is_null = "<ogc:PropertyIsNull><ogc:PropertyName>class</ogc:PropertyName></ogc:PropertyIsNull>";
    if (!confidential) {
        rule(nodata_label, "<ogc:Filter>" + is_null + "</ogc:Filter>", nodata_color);
    } else {
        // The two NULL classes, told apart by their fill.
        const std::string fill = "<ogc:PropertyName>fill</ogc:PropertyName><ogc:Literal>" + xml_escape(confidential->color) + "</ogc:Literal>";
        rule(nodata_label, "<ogc:Filter><ogc:And>" + is_null + "<ogc:PropertyIsNotEqualTo>" + fill + "</ogc:PropertyIsNotEqualTo></ogc:And></ogc:Filter>",
             nodata_color);
        rule(confidential->label, "<ogc:Filter><ogc:And>" + is_null + "<ogc:PropertyIsEqualTo>" + fill + "</ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>",
             confidential->color);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\" "
           "xmlns:se=\"http://www.opengis.net/se\" version=\"1.1.0\">\n"
           "  <NamedLayer><se:Name>" + xml_escape(layer_name) + "</se:Name><UserStyle><se:FeatureTypeStyle>\n" + rules +
           "  </se:FeatureTypeStyle></UserStyle></NamedLayer>\n</StyledLayerDescriptor>\n";
}

}  // namespace regio::render
