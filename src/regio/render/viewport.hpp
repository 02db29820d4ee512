#pragma once
// Map coordinates -> SVG pixels: the extent fitted into a frame with margins,
// aspect ratio kept, y flipped (north up).
#include "regio/geometry/types.hpp"

namespace regio::render {

struct Frame {
    double x = 0, y = 0, width = 0, height = 0;  // in pixels
};

class Viewport {
public:
    Viewport(const geometry::Box& extent, const Frame& frame);
    [[nodiscard]] double px(double x) const { return m_offset_x + (x - m_extent.xmin) * m_scale; }
    [[nodiscard]] double py(double y) const { return m_offset_y + (m_extent.ymax - y) * m_scale; }
    // Pixels per map unit.
    [[nodiscard]] double scale() const { return m_scale; }
    [[nodiscard]] const Frame& frame() const { return m_frame; }

private:
    geometry::Box m_extent;
    Frame m_frame;
    double m_scale = 1, m_offset_x = 0, m_offset_y = 0;
};

}  // namespace regio::render
