#pragma once
// "FILE[:LAYER]" as users write it for GDAL-style inputs.
#include <string>

namespace regio::io {

struct InputSpec {
    std::string path;
    std::string layer;  // empty: the only layer
    // The encoding of the layer's text when the layer does not declare one
    // (--encoding; see OgrText); empty: UTF-8. Not part of the text form.
    std::string encoding;

    // An existing path is taken whole (so names containing ':' work); otherwise
    // the text after the last ':' is the layer name.
    static InputSpec parse(const std::string& text);
    [[nodiscard]] std::string display() const { return layer.empty() ? path : path + ":" + layer; }
};

}  // namespace regio::io
