#include "regio/indicators/hierarchy.hpp"

#include "regio/error.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace regio::indicators {

std::optional<int> nuts_level(const std::string& code) {
    if (code.size() < 2 || code.size() > 5) return std::nullopt;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        const bool upper = c >= 'A' && c <= 'Z';
        if (!(upper || (i >= 2 && c >= '0' && c <= '9'))) return std::nullopt;
    }
    return static_cast<int>(code.size()) - 2;
}

std::vector<std::size_t> Hierarchy::bottom_up() const {
    std::vector<std::size_t> order(size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return depth[a] > depth[b]; });
    return order;
}

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Node {
    std::string id;
    std::optional<std::size_t> data_row;
    std::string parent_id;
    bool is_parent = false;
    std::size_t first_ref = kNone;
    int depth = 0;
};

}  // namespace

Hierarchy build_hierarchy(const HierarchyInput& in) {
    auto where = [&](std::size_t row, std::string field) {
        Where w{in.source, {}, {}, {}, std::move(field)};
        if (row < in.lines.size()) w.line = in.lines[row];
        return w;
    };
    std::vector<Node> nodes;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t r = 0; r < in.ids.size(); ++r) {
        const std::string& id = in.ids[r];
        if (!index.emplace(id, nodes.size()).second) throw DataError("duplicate region id '" + id + "'", where(r, in.id_field));
        Node n{id, r, {}};
        if (in.mode == RollupMode::Nuts) {
            if (!nuts_level(id))
                throw DataError("'" + id + "' is not a NUTS code", where(r, in.id_field),
                                "--rollup nuts needs NUTS codes (two capital letters and up to three more characters)");
            if (id.size() > 2) n.parent_id = id.substr(0, id.size() - 1);
        } else if (in.mode == RollupMode::Field) {
            n.parent_id = in.parents.at(r);
            if (n.parent_id == id) throw DataError("region '" + id + "' is its own parent", where(r, in.parent_field));
        }
        nodes.push_back(std::move(n));
    }
    std::size_t refs = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {  // grows while parents are added
        if (nodes[i].parent_id.empty()) continue;
        const std::string pid = nodes[i].parent_id;
        auto it = index.find(pid);
        if (it == index.end()) {
            Node p{pid, std::nullopt, {}};
            if (in.mode == RollupMode::Nuts && pid.size() > 2) p.parent_id = pid.substr(0, pid.size() - 1);
            it = index.emplace(pid, nodes.size()).first;
            nodes.push_back(std::move(p));
        }
        Node& p = nodes[it->second];
        if (p.data_row && !p.is_parent) {
            const bool structural = in.mode == RollupMode::Field && *p.data_row < in.structural.size() && in.structural[*p.data_row];
            if (!structural)
                throw DataError("region '" + pid + "' has values of its own and is also the parent of '" + nodes[i].id + "'",
                                where(*p.data_row, in.id_field),
                                "--rollup sums the finest regions: drop the rows of coarser regions from the data");
        }
        p.is_parent = true;
        if (p.first_ref == kNone) p.first_ref = refs++;
    }
    for (Node& n : nodes) {
        std::size_t steps = 0;
        for (const Node* at = &n; !at->parent_id.empty(); at = &nodes[index.at(at->parent_id)])
            if (++steps > nodes.size())
                throw DataError("the parents of region '" + n.id + "' form a cycle", where(n.data_row.value_or(kNone), in.parent_field));
        n.depth = static_cast<int>(steps);
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (!nodes[i].is_parent) order.push_back(i);
    std::vector<std::size_t> parents;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].is_parent) parents.push_back(i);
    std::sort(parents.begin(), parents.end(), [&](std::size_t a, std::size_t b) {
        if (nodes[a].depth != nodes[b].depth) return nodes[a].depth > nodes[b].depth;
        return nodes[a].first_ref < nodes[b].first_ref;
    });
    order.insert(order.end(), parents.begin(), parents.end());

    std::vector<std::size_t> row_of(nodes.size());
    for (std::size_t r = 0; r < order.size(); ++r) row_of[order[r]] = r;
    Hierarchy h;
    h.children.resize(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        const Node& n = nodes[order[r]];
        h.ids.push_back(n.id);
        h.data_row.push_back(n.is_parent ? std::nullopt : n.data_row);
        h.depth.push_back(n.depth);
        if (n.parent_id.empty()) {
            h.parent.push_back(std::nullopt);
        } else {
            const std::size_t p = row_of[index.at(n.parent_id)];
            h.parent.push_back(p);
            h.children[p].push_back(r);
        }
    }
    return h;
}

}  // namespace regio::indicators
