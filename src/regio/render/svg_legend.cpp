#include "regio/render/svg_legend.hpp"

#include "regio/render/page_layout.hpp"
#include "regio/render/svg_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::render {
namespace {

constexpr double kSwatchW = 22, kSwatchH = 14, kLineH = 20, kNoteH = 14;

}  // namespace

std::string format_value(double value) {
    std::string s = fmt::format("{:.6g}", value);
    if (s == "-0") s = "0";
    return s;
}

double legend_height(const LegendContent& legend) {
    const std::size_t entries = (legend.classes ? legend.classes->size() : 0) + (legend.nodata_count > 0 ? 1 : 0) +
                                (legend.confidential_count > 0 ? 1 : 0);
    return (legend.title.empty() ? 0 : kLineH) + kLineH * static_cast<double>(entries) + (legend.method_note.empty() ? 0 : kNoteH);
}

double legend_width(const LegendContent& legend) {
    std::size_t widest = 0;
    auto consider = [&](const std::string& label, std::size_t count) {
        std::size_t chars = 0;
        for (const char c : label) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;  // code points
        widest = std::max(widest, chars + 3 + std::to_string(count).size());                     // " (n)"
    };
    if (legend.classes)
        for (const auto& c : *legend.classes) consider(c.label, c.count);
    if (legend.nodata_count > 0) consider(legend.nodata_label, legend.nodata_count);
    if (legend.confidential_count > 0) consider(legend.confidential_label, legend.confidential_count);
    // The page's legend column: 12 px inset, the swatch, 8 px gap, the text, a margin.
    const double needed = 12 + kSwatchW + 8 + 7.0 * static_cast<double>(widest) + 8;
    return std::max(kLegendWidth, needed);
}

void append_legend(std::string& svg, const LegendContent& legend, double x, double y) {
    svg += "<g id=\"legend\" font-size=\"12\">\n";
    if (!legend.title.empty()) {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", format_fixed(x, 1), format_fixed(y + 10, 1),
                           xml_escape(legend.title));
        y += kLineH;
    }
    auto entry = [&](const std::string& fill_class, const std::string& label, std::size_t count) {
        svg += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" stroke=\"#999999\" stroke-width=\"0.5\"/>"
                           "<text x=\"{}\" y=\"{}\">{} <tspan fill=\"#666666\">({})</tspan></text>\n",
                           fill_class, format_fixed(x, 1), format_fixed(y, 1), kSwatchW, kSwatchH, format_fixed(x + kSwatchW + 8, 1),
                           format_fixed(y + 11, 1), xml_escape(label), count);
        y += kLineH;
    };
    if (legend.classes)
        for (std::size_t k = 0; k < legend.classes->size(); ++k) {
            std::string cls = "c";
            cls += std::to_string(k);
            entry(cls, (*legend.classes)[k].label, (*legend.classes)[k].count);
        }
    if (legend.nodata_count > 0) entry("nd", legend.nodata_label, legend.nodata_count);
    if (legend.confidential_count > 0) entry("cf", legend.confidential_label, legend.confidential_count);
    if (!legend.method_note.empty())
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555555\">{}</text>\n", format_fixed(x, 1),
                           format_fixed(y + 10, 1), xml_escape(legend.method_note));
    svg += "</g>\n";
}

}  // namespace regio::render
