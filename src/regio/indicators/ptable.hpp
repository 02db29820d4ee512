#pragma once
// The perturbation table ("ptable") of the cell-key method (issue #17; the
// design of Enderle, Giessing & Tent 2018 as used by the R packages ptable
// and cellKey). Row i holds, for an original count i, the probabilities p of
// publishing j instead. Each row's probabilities are laid end to end on
// [0, 1): entry k covers [lower_k, upper_k), and a cell whose cell key falls
// there is published as j. The last row (i = max_i) stands for every larger
// count: a count x >= max_i is published as x + (j - max_i).
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace regio::indicators {

struct PTableEntry {
    std::int64_t i = 0;  // original count
    std::int64_t j = 0;  // published count
    double p = 0;        // probability of publishing j for i
    double lower = 0;    // the cell keys [lower, upper) that publish j
    double upper = 0;
    std::int64_t line = 0;  // 1-based line in the source file (0 when built)
};

class PTable {
public:
    // Checks and orders the entries: rows 0..max_i all present, each j once
    // per row, p >= 0, every row sums to 1 within 1e-9 (the intervals are
    // recomputed from p, the last one ending at exactly 1), j >= 0, and zero
    // stays zero. `source` names the file (or the parameters) in errors.
    // Throws ConfigError naming the line and field.
    static PTable from_entries(std::vector<PTableEntry> entries, const std::string& source);

    // The published value of a cell with original count `count` >= 0 and
    // cell key `cell_key` in [0, 1).
    [[nodiscard]] std::int64_t perturb(std::int64_t count, double cell_key) const;

    [[nodiscard]] std::int64_t max_i() const { return static_cast<std::int64_t>(m_rows.size()) - 1; }
    [[nodiscard]] const std::vector<PTableEntry>& row(std::int64_t i) const;
    // The smallest non-zero value any row can publish.
    [[nodiscard]] std::int64_t min_published() const;
    // The largest |j - i| of any entry.
    [[nodiscard]] std::int64_t max_perturbation() const;

    // cellKey's export format, so that users can audit the table and feed it
    // to other cell-key tools: i,j,p,v,p_int_lb,p_int_ub,type (v = j - i,
    // type "all"), numbers in the shortest text that reads back exactly.
    void write_csv(std::ostream& out) const;

private:
    std::vector<std::vector<PTableEntry>> m_rows;
};

}  // namespace regio::indicators
