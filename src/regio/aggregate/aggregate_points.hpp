#pragma once
// Points -> regions: streams a PointSource through worker threads that decode,
// transform, locate and tally; merges the tallies; accounts for every record.
#include "regio/aggregate/point_tally.hpp"
#include "regio/geometry/point_locator.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/point_source.hpp"
#include "regio/progress.hpp"
#include "regio/table/region_table.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace regio::aggregate {

// Where the per-record assignments go (aggregate points --assignments, see
// assignments.hpp); no stream: none are written.
struct AssignmentsOutput {
    std::ostream* stream = nullptr;
    std::string id_field;                                  // the header of the region column
    const std::vector<std::string>* region_ids = nullptr;  // by region index
};

struct PointsOptions {
    unsigned threads = 2;
    std::optional<io::PointTransformer> transformer;  // points CRS -> regions CRS
    // The domain of the points' CRS: a point outside it is an error (CrsError
    // naming the first one), checked before any transformation.
    const io::CrsDomain* points_domain = nullptr;
    ProgressRange progress{nullptr};
    std::size_t max_examples = 10;  // invalid and outside records listed
    AssignmentsOutput assignments;
};

// A record outside every region, with its coordinates as read (the points'
// CRS), so that it can be found (issue #18 item 8).
struct OutsideRecord {
    std::int64_t ref = 0;
    double x = 0;
    double y = 0;
};

struct PointsResult {
    PointTally tally;
    std::int64_t read = 0;                          // records read (blank lines excluded)
    std::vector<FixedSum> read_sums;                // per weight, over all records with a finite weight
    std::vector<io::InvalidRecord> invalid_examples;  // the first ones, in input order
    std::vector<OutsideRecord> outside_examples;      // the first ones, in input order

    // read == assigned + outside + invalid, for the count and every weight.
    [[nodiscard]] bool conserved() const;
};

PointsResult aggregate_points(io::PointSource& source, const geometry::PointLocator& locator, std::size_t weight_count,
                              PointsOptions& options);

// One row per region in input order: count, <w>_sum per weight, then for each
// group (sorted by name) count_<g> and <w>_sum_<g>. Groups are only written
// when grouped (by_field non-empty).
table::RegionTable points_table(const PointsResult& result, const std::string& id_field,
                                const std::vector<std::string>& region_ids, const std::vector<std::string>& weight_names,
                                bool grouped);

}  // namespace regio::aggregate
