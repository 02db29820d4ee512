#include "regio/render/viewport.hpp"

#include <algorithm>

namespace regio::render {

Viewport::Viewport(const geometry::Box& extent, const Frame& frame) : m_extent(extent), m_frame(frame) {
    const double w = std::max(extent.width(), 1e-12), h = std::max(extent.height(), 1e-12);
    m_scale = std::min(frame.width / w, frame.height / h);
    // Centre the map in the frame.
    m_offset_x = frame.x + (frame.width - w * m_scale) / 2;
    m_offset_y = frame.y + (frame.height - h * m_scale) / 2;
}

}  // namespace regio::render
