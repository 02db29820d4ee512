#include "regio/aggregate/aggregate_points.hpp"

#include "regio/aggregate/assignments.hpp"
#include "regio/error.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>

namespace regio::aggregate {
namespace {

// A bounded queue of chunks between the reading thread and the workers: at
// most `capacity` chunks wait, so memory does not grow with the input.
struct NumberedChunk {
    std::uint64_t sequence = 0;  // reading order, for the assignments
    io::RawChunk chunk;
};

class ChunkQueue {
public:
    explicit ChunkQueue(std::size_t capacity) : m_capacity(capacity) {}
    void push(NumberedChunk chunk) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
        if (m_closed) return;
        m_items.push_back(std::move(chunk));
        m_not_empty.notify_one();
    }
    bool pop(NumberedChunk& out) {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty()) return false;
        out = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return true;
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

private:
    std::size_t m_capacity;
    std::deque<NumberedChunk> m_items;
    bool m_closed = false;
    std::mutex m_mutex;
    std::condition_variable m_not_empty;
    std::condition_variable m_not_full;
};

struct WorkerState {
    PointTally tally;
    std::int64_t read = 0;
    std::vector<FixedSum> read_sums;
    std::vector<io::InvalidRecord> examples;
    std::vector<OutsideRecord> outside_examples;
    std::optional<io::PointTransformer> transformer;
    io::PointDomainTally domain_tally;
};

// The rows of a chunk in input order: the records rejected while decoding
// (all kept when assignments are written) interleaved by reference with the
// decoded ones.
class ChunkRows {
public:
    ChunkRows(AssignmentRows* rows, const std::vector<io::InvalidRecord>& rejected, const AssignmentsOutput& target)
        : m_rows(rows), m_rejected(rejected), m_target(target) {}
    void before(std::int64_t ref) {
        for (; m_rows && m_next < m_rejected.size() && m_rejected[m_next].ref < ref; ++m_next)
            m_rows->invalid(m_rejected[m_next].ref, m_rejected[m_next].why);
    }
    void assigned(std::int64_t ref, std::size_t region) {
        before(ref);
        if (m_rows) m_rows->assigned(ref, (*m_target.region_ids)[region]);
    }
    void outside(std::int64_t ref) {
        before(ref);
        if (m_rows) m_rows->outside(ref);
    }
    void invalid(std::int64_t ref, std::string_view why) {
        before(ref);
        if (m_rows) m_rows->invalid(ref, why);
    }
    void finish() { before(std::numeric_limits<std::int64_t>::max()); }

private:
    AssignmentRows* m_rows;
    const std::vector<io::InvalidRecord>& m_rejected;
    const AssignmentsOutput& m_target;
    std::size_t m_next = 0;
};

void process_batch(io::PointBatch& batch, const geometry::PointLocator& locator, std::size_t nw, WorkerState& state,
                   const PointsOptions& options, AssignmentRows* rows) {
    const std::size_t max_examples = options.max_examples;
    auto keep_example = [&](std::int64_t ref, std::string why) {
        if (state.examples.size() < max_examples) state.examples.push_back({ref, std::move(why)});
    };
    // Records rejected while decoding.
    state.read += batch.invalid_count;
    for (std::int64_t i = 0; i < batch.invalid_count; ++i) {
        const double* w = batch.invalid_weights.data() + i * static_cast<std::int64_t>(nw);
        state.tally.add_invalid(w);
        for (std::size_t k = 0; k < nw; ++k) state.read_sums[k].add(w[k]);
    }
    for (const auto& e : batch.invalid_examples) keep_example(e.ref, e.why);
    ChunkRows chunk_rows(rows, batch.invalid_examples, options.assignments);

    const std::size_t n = batch.size();
    state.read += static_cast<std::int64_t>(n);
    std::vector<char> ok(n, 1);
    state.domain_tally.check(batch);
    // The coordinates as read, for the first outside records (copied only
    // while examples are still wanted).
    std::vector<double> read_x, read_y;
    if (state.outside_examples.size() < max_examples) {
        read_x = batch.x;
        read_y = batch.y;
    }
    if (state.transformer) state.transformer->transform(batch.x, batch.y, ok);
    std::vector<std::uint32_t> group_map(batch.group_names.size());
    for (std::size_t g = 0; g < group_map.size(); ++g) group_map[g] = state.tally.group_index(batch.group_names[g]);
    const std::size_t outside = locator.region_count();
    for (std::size_t i = 0; i < n; ++i) {
        const double* w = batch.weights.data() + i * nw;
        bool representable = true;
        for (std::size_t k = 0; k < nw; ++k) representable = representable && FixedSum::representable(w[k]);
        if (!ok[i] || !representable) {
            std::vector<double> kept(w, w + nw);
            for (auto& v : kept)
                if (!FixedSum::representable(v)) v = 0.0;
            state.tally.add_invalid(kept.data());
            for (std::size_t k = 0; k < nw; ++k) state.read_sums[k].add(kept[k]);
            const char* why = !ok[i] ? "cannot be transformed into the regions' CRS" : "weight too large";
            chunk_rows.invalid(batch.ref[i], why);
            keep_example(batch.ref[i], why);
            continue;
        }
        for (std::size_t k = 0; k < nw; ++k) state.read_sums[k].add(w[k]);
        const std::int32_t region = locator.locate({batch.x[i], batch.y[i]});
        const std::size_t slot = region < 0 ? outside : static_cast<std::size_t>(region);
        if (region < 0) {
            chunk_rows.outside(batch.ref[i]);
            if (state.outside_examples.size() < max_examples && i < read_x.size())
                state.outside_examples.push_back({batch.ref[i], read_x[i], read_y[i]});
        } else {
            chunk_rows.assigned(batch.ref[i], slot);
        }
        state.tally.add(slot, group_map[batch.group[i]], w);
        if (!batch.record_key.empty()) state.tally.add_key(slot, group_map[batch.group[i]], batch.record_key[i]);
    }
    chunk_rows.finish();
}

template <typename Record>
void keep_first(std::vector<Record>& records, std::size_t max) {
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.ref < b.ref; });
    if (records.size() > max) records.resize(max);
}

}  // namespace

bool PointsResult::conserved() const {
    if (read != tally.assigned_count() + tally.outside_count() + tally.invalid()) return false;
    for (std::size_t k = 0; k < read_sums.size(); ++k) {
        FixedSum parts = tally.assigned_sum(k);
        parts.add(tally.outside_sum(k));
        parts.add(tally.invalid_sum(k));
        if (!(parts == read_sums[k])) return false;
    }
    return true;
}

PointsResult aggregate_points(io::PointSource& source, const geometry::PointLocator& locator, std::size_t weight_count,
                              PointsOptions& options) {
    const unsigned threads = std::max(1u, options.threads);
    const std::size_t regions = locator.region_count();
    std::vector<WorkerState> states;
    for (unsigned t = 0; t < threads; ++t) {
        states.push_back({PointTally(regions, weight_count), 0, std::vector<FixedSum>(weight_count), {}, {}, {},
                          io::PointDomainTally(options.points_domain)});
        if (options.transformer) states.back().transformer = options.transformer->clone();
    }

    ChunkQueue queue(2 * threads);
    const bool with_assignments = options.assignments.stream != nullptr;
    std::optional<AssignmentsWriter> assignments;
    if (with_assignments)
        assignments.emplace(*options.assignments.stream, source.ref_kind(), options.assignments.id_field, 2 * threads);
    // Every rejected record keeps its reason when each one gets a row.
    const std::size_t example_limit = with_assignments ? std::numeric_limits<std::size_t>::max() : io::kInvalidExamplesPerBatch;
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto fail = [&](std::exception_ptr e) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = e;
        queue.close();
        if (assignments) assignments->abandon();
    };
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            try {
                NumberedChunk numbered;
                io::PointBatch batch;
                batch.invalid_example_limit = example_limit;
                while (queue.pop(numbered)) {
                    source.decode(numbered.chunk, batch);
                    AssignmentRows rows;
                    process_batch(batch, locator, weight_count, states[t], options, assignments ? &rows : nullptr);
                    if (assignments) assignments->deliver(numbered.sequence, std::move(rows.text()));
                }
            } catch (...) {
                fail(std::current_exception());
            }
        });
    try {
        NumberedChunk numbered;
        numbered.chunk.decoded.invalid_example_limit = example_limit;
        while (source.read(numbered.chunk)) {
            const std::uint64_t next = numbered.sequence + 1;
            queue.push(std::move(numbered));
            numbered = NumberedChunk{next, io::RawChunk{}};
            numbered.chunk.decoded.invalid_example_limit = example_limit;
            options.progress(source.fraction_read(), "points");
            std::lock_guard lock(failure_mutex);
            if (failure) break;
        }
    } catch (...) {
        fail(std::current_exception());
    }
    queue.close();
    workers.clear();  // joins
    if (failure) std::rethrow_exception(failure);
    if (assignments && !assignments->complete()) throw Error("internal error: the assignments lost a chunk");
    io::PointDomainTally domain_tally(options.points_domain);
    for (const auto& s : states) domain_tally.merge(s.domain_tally);
    domain_tally.throw_if_outside(source.display(), source.ref_kind());

    PointsResult result{PointTally(regions, weight_count), 0, std::vector<FixedSum>(weight_count), {}, {}};
    for (auto& s : states) {
        result.tally.merge(s.tally);
        result.read += s.read;
        for (std::size_t k = 0; k < weight_count; ++k) result.read_sums[k].add(s.read_sums[k]);
        result.invalid_examples.insert(result.invalid_examples.end(), s.examples.begin(), s.examples.end());
        result.outside_examples.insert(result.outside_examples.end(), s.outside_examples.begin(), s.outside_examples.end());
    }
    keep_first(result.invalid_examples, options.max_examples);
    keep_first(result.outside_examples, options.max_examples);
    options.progress(1.0, "points");
    return result;
}

table::RegionTable points_table(const PointsResult& result, const std::string& id_field,
                                const std::vector<std::string>& region_ids, const std::vector<std::string>& weight_names,
                                bool grouped) {
    const PointTally& tally = result.tally;
    table::RegionTable out(id_field, region_ids);
    const std::size_t nr = region_ids.size();
    const auto& names = tally.group_names();
    std::vector<std::uint32_t> order(names.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return names[a] < names[b]; });

    auto& count = out.add_column("count", table::ColumnKind::Integer);
    for (std::size_t r = 0; r < nr; ++r)
        for (auto g : order) count.values[r] += static_cast<double>(tally.count(g, r));
    for (std::size_t k = 0; k < weight_names.size(); ++k) {
        auto& col = out.add_column(weight_names[k] + "_sum", table::ColumnKind::Real);
        for (std::size_t r = 0; r < nr; ++r) {
            FixedSum s;
            for (auto g : order) s.add(tally.sum(g, r, k));
            col.values[r] = s.value();
        }
    }
    if (!grouped) return out;
    for (auto g : order) {
        auto& c = out.add_column("count_" + names[g], table::ColumnKind::Integer);
        for (std::size_t r = 0; r < nr; ++r) c.values[r] = static_cast<double>(tally.count(g, r));
        for (std::size_t k = 0; k < weight_names.size(); ++k) {
            auto& col = out.add_column(weight_names[k] + "_sum_" + names[g], table::ColumnKind::Real);
            for (std::size_t r = 0; r < nr; ++r) col.values[r] = tally.sum(g, r, k).value();
        }
    }
    return out;
}

}  // namespace regio::aggregate
