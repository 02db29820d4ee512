// One run of the max-p heuristic: growth, enclave assignment, and the parts
// that cannot reach the thresholds (see max_p.hpp).
#include "regio/regionalise/max_p.hpp"

#include <cstdint>
#include <limits>

namespace regio::regionalise {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

enum class State : std::uint8_t { Free, Member, Enclave };

// A region's running area-weighted centroid. With zero total weight (units
// without geometry) the plain mean stands in.
struct Centre {
    double wx = 0, wy = 0, w = 0, sx = 0, sy = 0;
    std::size_t count = 0;

    void add(const geometry::Point& p, double weight) {
        wx += weight * p.x;
        wy += weight * p.y;
        w += weight;
        sx += p.x;
        sy += p.y;
        ++count;
    }
    [[nodiscard]] geometry::Point point() const {
        if (w > 0) return {wx / w, wy / w};
        return {sx / static_cast<double>(count), sy / static_cast<double>(count)};
    }
};

double squared_distance(const geometry::Point& a, const geometry::Point& b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

class Run {
public:
    explicit Run(const Problem& p)
        : m_p(p), m_state(p.size(), State::Free), m_region(p.size(), kNone), m_queued(p.size(), 0) {}

    // Growth from `seed`; a region that cannot reach the thresholds leaves
    // its units as enclaves.
    void grow(std::size_t seed) {
        std::vector<std::size_t> members{seed};
        std::vector<double> sums(m_p.minimum.size(), 0.0);
        Centre centre;
        std::vector<std::size_t> frontier;
        auto take = [&](std::size_t u) {
            m_state[u] = State::Member;
            for (std::size_t k = 0; k < sums.size(); ++k) sums[k] += m_p.values[k][u];
            centre.add(m_p.centroid[u], m_p.weight[u]);
            for (std::size_t v : m_p.neighbours[u])
                if (m_state[v] == State::Free && !m_queued[v] && m_p.group[v] == m_p.group[u]) {
                    m_queued[v] = 1;
                    frontier.push_back(v);
                }
        };
        take(seed);
        while (!m_p.meets(sums) && !frontier.empty()) {
            const geometry::Point c = centre.point();
            std::size_t best = 0;
            for (std::size_t i = 1; i < frontier.size(); ++i) {
                const double d = squared_distance(m_p.centroid[frontier[i]], c);
                const double best_d = squared_distance(m_p.centroid[frontier[best]], c);
                if (d < best_d || (d == best_d && frontier[i] < frontier[best])) best = i;
            }
            const std::size_t u = frontier[best];
            frontier[best] = frontier.back();
            frontier.pop_back();
            m_queued[u] = 0;
            members.push_back(u);
            take(u);
        }
        for (std::size_t v : frontier) m_queued[v] = 0;
        if (!m_p.meets(sums)) {
            for (std::size_t u : members) m_state[u] = State::Enclave;
            return;
        }
        for (std::size_t u : members) m_region[u] = m_centres.size();
        m_centres.push_back(centre);
    }

    // Enclaves join the adjacent region (same group) they make least less
    // compact: adding weight w at distance d from a region of weight W raises
    // its sum of squares by W w / (W + w) d^2 (the parallel-axis theorem).
    void assign_enclaves(const std::vector<std::size_t>& order) {
        std::vector<std::size_t> enclaves;
        for (std::size_t u : order)
            if (m_state[u] == State::Enclave) enclaves.push_back(u);
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t u : enclaves) {
                if (m_region[u] != kNone) continue;
                std::size_t best = kNone;
                double best_cost = 0;
                for (std::size_t v : m_p.neighbours[u]) {
                    const std::size_t r = m_region[v];
                    if (r == kNone || m_p.group[v] != m_p.group[u]) continue;
                    const double W = m_centres[r].w, w = m_p.weight[u];
                    const double cost = W + w > 0 ? W * w / (W + w) * squared_distance(m_p.centroid[u], m_centres[r].point()) : 0.0;
                    if (best == kNone || cost < best_cost || (cost == best_cost && r < best)) {
                        best = r;
                        best_cost = cost;
                    }
                }
                if (best == kNone) continue;
                m_region[u] = best;
                m_centres[best].add(m_p.centroid[u], m_p.weight[u]);
                changed = true;
            }
        }
    }

    // What is left fills whole connected parts of groups: one region each.
    void close_remaining() {
        std::vector<std::size_t> stack;
        for (std::size_t s = 0; s < m_p.size(); ++s) {
            if (m_region[s] != kNone) continue;
            const std::size_t r = m_centres.size();
            m_centres.emplace_back();
            m_region[s] = r;
            stack.assign(1, s);
            while (!stack.empty()) {
                const std::size_t u = stack.back();
                stack.pop_back();
                for (std::size_t v : m_p.neighbours[u])
                    if (m_region[v] == kNone && m_p.group[v] == m_p.group[u]) {
                        m_region[v] = r;
                        stack.push_back(v);
                    }
            }
        }
    }

    [[nodiscard]] bool is_free(std::size_t u) const { return m_state[u] == State::Free; }

    // Regions renumbered by their first unit in input order.
    [[nodiscard]] Partition partition() const {
        Partition out;
        out.region_of.resize(m_p.size());
        std::vector<std::size_t> renumber(m_centres.size(), kNone);
        for (std::size_t u = 0; u < m_p.size(); ++u) {
            std::size_t& r = renumber[m_region[u]];
            if (r == kNone) r = out.regions++;
            out.region_of[u] = r;
        }
        return out;
    }

private:
    const Problem& m_p;
    std::vector<State> m_state;
    std::vector<std::size_t> m_region;
    std::vector<char> m_queued;
    std::vector<Centre> m_centres;
};

}  // namespace

Partition grow_regions(const Problem& problem, const std::vector<std::size_t>& order) {
    Run run(problem);
    for (std::size_t seed : order)
        if (run.is_free(seed)) run.grow(seed);
    run.assign_enclaves(order);
    run.close_remaining();
    return run.partition();
}

}  // namespace regio::regionalise
