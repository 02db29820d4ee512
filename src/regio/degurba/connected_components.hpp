#pragma once
// Connected components of a predicate on a dense row-major grid, with 4- or
// 8-connectivity (../shared/spec/degurba.md §1: "rook" shares an edge, "queen"
// also a corner). Two raster passes and a union-find over provisional labels:
// no recursion and no per-cell allocation, so one component covering a whole
// 5000 x 5000 grid is as cheap as many small ones.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace regio::degurba {

enum class Connectivity : std::uint8_t { Four = 4, Eight = 8 };

// Union-find over provisional labels 1..n. A union keeps the smaller label as
// the root, so a root is the label of its component's first cell in raster
// order and final ids follow that order (deterministic output).
class LabelForest {
public:
    void reset() { m_parent.assign(1, 0); }
    std::int32_t make() {
        const auto label = static_cast<std::int32_t>(m_parent.size());
        m_parent.push_back(label);
        return label;
    }
    std::int32_t find(std::int32_t label) {
        while (m_parent[label] != label) {
            m_parent[label] = m_parent[m_parent[label]];  // path halving
            label = m_parent[label];
        }
        return label;
    }
    void unite(std::int32_t a, std::int32_t b) {
        a = find(a);
        b = find(b);
        if (a < b) m_parent[b] = a;
        else if (b < a) m_parent[a] = b;
    }
    // Numbers the components 1..count in order of their first cell; returns count.
    std::int32_t resolve();
    [[nodiscard]] std::int32_t final_id(std::int32_t label) const { return m_final[label]; }

private:
    std::vector<std::int32_t> m_parent;
    std::vector<std::int32_t> m_final;
};

// Labels are 32-bit to halve memory on 25-million-cell grids; throws DataError
// for grids with more cells than that.
void check_label_capacity(std::int64_t cols, std::int64_t rows);

// labels[i] = 0 for non-members, else the component id 1..count, numbered in
// raster order (row 0 first) of each component's first cell. Returns count.
template <class IsMember>
std::int32_t label_components(std::int64_t cols, std::int64_t rows, Connectivity connectivity, IsMember&& is_member,
                              std::vector<std::int32_t>& labels) {
    check_label_capacity(cols, rows);
    labels.assign(static_cast<std::size_t>(cols * rows), 0);
    LabelForest forest;
    forest.reset();
    const bool eight = connectivity == Connectivity::Eight;
    for (std::int64_t r = 0; r < rows; ++r) {
        const std::int64_t row_start = r * cols;
        for (std::int64_t c = 0; c < cols; ++c) {
            const std::int64_t i = row_start + c;
            if (!is_member(i)) continue;
            std::int32_t label = 0;
            auto join = [&](std::int32_t other) {
                if (other == 0 || other == label) return;
                if (label == 0) label = other;
                else forest.unite(label, other);
            };
            if (c > 0) join(labels[i - 1]);
            if (r > 0) {
                join(labels[i - cols]);
                if (eight) {
                    if (c > 0) join(labels[i - cols - 1]);
                    if (c + 1 < cols) join(labels[i - cols + 1]);
                }
            }
            labels[i] = label != 0 ? label : forest.make();
        }
    }
    const std::int32_t count = forest.resolve();
    for (auto& label : labels)
        if (label != 0) label = forest.final_id(label);
    return count;
}

// The components of label_components without a label per cell (4 bytes a
// cell: 100 MB for Europe at 1 km). The constructor makes one raster pass
// that keeps provisional labels for two rows only and builds the union-find;
// each for_each repeats that pass, which gives the same provisional labels,
// and calls visit(i, id, r, c) for every cell in raster order, where id is 0
// for non-members and else the id label_components would store (1..count,
// raster order of each component's first cell). is_member must give the same
// answers in every pass; visit may change cell i's own input, as is_member(i)
// has been asked by then.
template <class IsMember>
class StreamedComponents {
public:
    StreamedComponents(std::int64_t cols, std::int64_t rows, Connectivity connectivity, IsMember is_member)
        : m_cols(cols), m_rows(rows), m_eight(connectivity == Connectivity::Eight), m_is_member(std::move(is_member)) {
        check_label_capacity(cols, rows);
        m_forest.reset();
        scan([this] { return m_forest.make(); }, [this](std::int32_t a, std::int32_t b) { m_forest.unite(a, b); },
             [](std::size_t, std::int32_t, std::int64_t, std::int64_t) {});
        m_count = m_forest.resolve();
    }

    [[nodiscard]] std::int32_t count() const { return m_count; }

    template <class Visit>
    void for_each(Visit&& visit) {
        std::int32_t next = 0;
        scan([&next] { return ++next; }, [](std::int32_t, std::int32_t) {},
             [&](std::size_t i, std::int32_t label, std::int64_t r, std::int64_t c) {
                 visit(i, label != 0 ? m_forest.final_id(label) : 0, r, c);
             });
    }

private:
    template <class Make, class Unite, class Visit>
    void scan(Make&& make, Unite&& unite, Visit&& visit) {
        std::vector<std::int32_t> prev(static_cast<std::size_t>(m_cols), 0);
        std::vector<std::int32_t> cur(static_cast<std::size_t>(m_cols), 0);
        for (std::int64_t r = 0; r < m_rows; ++r) {
            const std::int64_t row_start = r * m_cols;
            for (std::int64_t c = 0; c < m_cols; ++c) {
                const auto i = static_cast<std::size_t>(row_start + c);
                const auto at = static_cast<std::size_t>(c);
                std::int32_t label = 0;
                if (m_is_member(static_cast<std::int64_t>(i))) {
                    auto join = [&](std::int32_t other) {
                        if (other == 0 || other == label) return;
                        if (label == 0) label = other;
                        else unite(label, other);
                    };
                    if (c > 0) join(cur[at - 1]);
                    if (r > 0) {
                        join(prev[at]);
                        if (m_eight) {
                            if (c > 0) join(prev[at - 1]);
                            if (c + 1 < m_cols) join(prev[at + 1]);
                        }
                    }
                    if (label == 0) label = make();
                }
                cur[at] = label;
                visit(i, label, r, c);
            }
            prev.swap(cur);
        }
    }

    std::int64_t m_cols;
    std::int64_t m_rows;
    bool m_eight;
    IsMember m_is_member;
    LabelForest m_forest;
    std::int32_t m_count = 0;
};

}  // namespace regio::degurba
