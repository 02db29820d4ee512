#include "regio/render/choropleth_svg.hpp"

#include "regio/render/svg_path.hpp"
#include "regio/render/svg_text.hpp"
#include "regio/render/viewport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace regio::render {
namespace {

constexpr double kMargin = 16;
constexpr double kLegendWidth = 210;
constexpr double kSwatchW = 22, kSwatchH = 14, kLineH = 20;

// A round length (1, 2 or 5 × 10^n) near a fifth of the map width.
double nice_length(double target) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    for (const double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= target) return step * magnitude;
    return magnitude;
}

std::string element_id(const std::string& id, std::set<std::string>& used) {
    std::string out = "r-";
    for (const char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    std::string unique = out;
    for (int n = 2; !used.insert(unique).second; ++n) unique = out + "-" + std::to_string(n);
    return unique;
}

}  // namespace

std::string format_value(double value) {
    std::string s = fmt::format("{:.6g}", value);
    if (s == "-0") s = "0";
    return s;
}

std::vector<std::string> class_labels(double lowest, const std::vector<double>& bins) {
    // Bounds are shown as used: as many decimals as they have (up to 3),
    // more only where rounding would make neighbours collide.
    std::vector<double> all{lowest};
    all.insert(all.end(), bins.begin(), bins.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());  // equal bounds cannot be told apart anyway
    int decimals = 0;
    auto exact = [&](int d) {
        const double scale = std::pow(10.0, d);
        return std::all_of(all.begin(), all.end(), [&](double b) {
            return std::abs(std::round(b * scale) / scale - b) <= 1e-9 * std::max(1.0, std::abs(b));
        });
    };
    while (decimals < 3 && !exact(decimals)) ++decimals;
    for (; decimals < 6; ++decimals) {
        std::set<std::string> seen;
        bool distinct = true;
        for (const double b : all) distinct = seen.insert(format_fixed(b, decimals)).second && distinct;
        if (distinct) break;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < bins.size(); ++i)
        out.push_back(i == 0 ? "[" + format_fixed(lowest, decimals) + ", " + format_fixed(bins[0], decimals) + "]"
                             : "(" + format_fixed(bins[i - 1], decimals) + ", " + format_fixed(bins[i], decimals) + "]");
    return out;
}

std::string choropleth_svg(const std::vector<MapRegion>& regions, const std::vector<LegendClass>& classes,
                           std::size_t nodata_count, const MapStyle& style, const MapText& text, const MapSpec& spec) {
    const double w = spec.width, h = spec.height;
    const double header = kMargin + (text.title.empty() ? 0 : 26) + (text.subtitle.empty() ? 0 : 20);
    const double footer = kMargin + 34 + (text.source.empty() ? 0 : 16);
    geometry::Box extent;
    if (spec.extent) extent = *spec.extent;
    else
        for (const auto& r : regions)
            if (r.shape) extent.expand(geometry::bounds(*r.shape));
    const Frame frame{kMargin, header, std::max(10.0, w - 2 * kMargin - kLegendWidth), std::max(10.0, h - header - footer)};
    const Viewport view(extent.empty() ? geometry::Box{0, 0, 1, 1} : extent, frame);

    std::string svg;
    svg += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
                       "font-family=\"{}\">\n",
                       spec.width, spec.height, spec.width, spec.height, xml_escape(style.font));
    svg += "<defs>\n<style>";
    for (std::size_t k = 0; k < classes.size(); ++k) svg += fmt::format(".c{}{{fill:{}}}", k, xml_escape(classes[k].color));
    svg += ".nd{fill:url(#nodata)}</style>\n";
    // Regions beyond a chosen extent stay inside the map frame.
    svg += fmt::format("<clipPath id=\"frame\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n",
                       format_fixed(frame.x, 1), format_fixed(frame.y, 1), format_fixed(frame.width, 1), format_fixed(frame.height, 1));
    svg += fmt::format("<pattern id=\"nodata\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                       "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
                       "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#969696\" stroke-width=\"1.5\"/></pattern>\n</defs>\n",
                       xml_escape(style.nodata_color));
    svg += fmt::format("<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n", xml_escape(style.background));
    if (!text.title.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\">{}</text>\n", kMargin, kMargin + 18,
                           xml_escape(text.title));
    if (!text.subtitle.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#444444\">{}</text>\n", kMargin,
                           kMargin + (text.title.empty() ? 14 : 40), xml_escape(text.subtitle));

    // The map: one path per region, fills by class.
    svg += fmt::format("<g id=\"regions\" clip-path=\"url(#frame)\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n",
                       xml_escape(style.border_color), format_fixed(style.border_width, 2));
    std::set<std::string> used_ids;
    for (const auto& r : regions) {
        if (!r.shape) continue;
        const std::string d = path_data(*r.shape, view, spec.decimals);
        if (d.empty()) continue;
        const std::string cls = r.klass >= 0 ? "c" + std::to_string(r.klass) : "nd";
        const std::string value = r.value ? format_value(*r.value) : style.nodata_label;
        const std::string label = r.name.empty() ? r.id : r.name + " (" + r.id + ")";
        svg += fmt::format("<path id=\"{}\" data-id=\"{}\" class=\"{}\" d=\"{}\"><title>{}: {}</title></path>\n",
                           element_id(r.id, used_ids), xml_escape(r.id), cls, d, xml_escape(label), xml_escape(value));
    }
    svg += "</g>\n";

    // Legend on the right.
    const double lx = w - kMargin - kLegendWidth + 12;
    double ly = header + 4;
    svg += "<g id=\"legend\" font-size=\"12\">\n";
    if (!text.legend_title.empty()) {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", format_fixed(lx, 1),
                           format_fixed(ly + 10, 1), xml_escape(text.legend_title));
        ly += kLineH;
    }
    auto entry = [&](const std::string& fill_class, const std::string& label, std::size_t count) {
        svg += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" stroke=\"#999999\" stroke-width=\"0.5\"/>"
                           "<text x=\"{}\" y=\"{}\">{} <tspan fill=\"#666666\">({})</tspan></text>\n",
                           fill_class, format_fixed(lx, 1), format_fixed(ly, 1), kSwatchW, kSwatchH,
                           format_fixed(lx + kSwatchW + 8, 1), format_fixed(ly + 11, 1), xml_escape(label), count);
        ly += kLineH;
    };
    for (std::size_t k = 0; k < classes.size(); ++k) entry("c" + std::to_string(k), classes[k].label, classes[k].count);
    if (nodata_count > 0) entry("nd", style.nodata_label, nodata_count);
    if (!text.method_note.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555555\">{}</text>\n", format_fixed(lx, 1),
                           format_fixed(ly + 10, 1), xml_escape(text.method_note));
    svg += "</g>\n";

    // Scale bar and source note at the bottom left.
    if (spec.metres && !extent.empty()) {
        const double target = frame.width / 5 / view.scale();
        const double length = nice_length(target);
        const double bar = length * view.scale();
        const double by = h - kMargin - (text.source.empty() ? 0 : 16) - 14;
        const std::string label = length >= 1000 ? format_fixed(length / 1000, 3) + " km" : format_fixed(length, 3) + " m";
        svg += fmt::format("<g id=\"scale\" font-size=\"11\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"4\" fill=\"#333333\"/>"
                           "<text x=\"{}\" y=\"{}\">{}</text></g>\n",
                           format_fixed(kMargin, 1), format_fixed(by, 1), format_fixed(bar, 1), format_fixed(kMargin + bar + 6, 1),
                           format_fixed(by + 5, 1), label);
    }
    if (!text.source.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555555\">{}</text>\n", kMargin, h - kMargin,
                           xml_escape(text.source));
    svg += "</svg>\n";
    return svg;
}

}  // namespace regio::render
