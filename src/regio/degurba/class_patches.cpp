#include "regio/degurba/class_patches.hpp"

#include "regio/degurba/connected_components.hpp"

#include <cmath>
#include <stdexcept>

namespace regio::degurba {

ClassPatches label_class_patches(const PopulationGrid& grid, const std::vector<std::uint8_t>& classes) {
    const std::int64_t cols = grid.cols;
    const std::int64_t rows = grid.rows;
    check_label_capacity(cols, rows);
    if (classes.size() != static_cast<std::size_t>(cols * rows))
        throw std::invalid_argument("label_class_patches: classes do not match the grid");
    ClassPatches out;
    auto& labels = out.labels;
    labels.assign(classes.size(), 0);
    // Two raster passes with a union-find, as label_components, but joining
    // neighbours of equal class rather than members of one predicate.
    LabelForest forest;
    forest.reset();
    for (std::int64_t r = 0; r < rows; ++r) {
        for (std::int64_t c = 0; c < cols; ++c) {
            const auto i = static_cast<std::size_t>(r * cols + c);
            std::int32_t label = 0;
            if (c > 0 && classes[i - 1] == classes[i]) label = labels[i - 1];
            if (r > 0) {
                const std::size_t up = i - static_cast<std::size_t>(cols);
                if (classes[up] == classes[i]) {
                    if (label == 0) label = labels[up];
                    else if (labels[up] != label) forest.unite(label, labels[up]);
                }
            }
            labels[i] = label != 0 ? label : forest.make();
        }
    }
    const std::int32_t count = forest.resolve();
    out.patches.resize(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        labels[i] = forest.final_id(labels[i]);
        ClassPatch& patch = out.patches[static_cast<std::size_t>(labels[i]) - 1];
        patch.cell_class = classes[i];
        ++patch.cells;
        const double pop = grid.population_at(i);
        if (!std::isnan(pop)) patch.population += pop;
    }
    return out;
}

}  // namespace regio::degurba
