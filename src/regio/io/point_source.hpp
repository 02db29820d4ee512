#pragma once
// Streaming point inputs. A PointSource is read sequentially in chunks (one
// thread) and each chunk is decoded into a PointBatch (any thread), so that
// parsing runs in parallel while memory stays bounded by the chunks in flight.
#include "regio/io/input_spec.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/text_input.hpp"
#include "regio/table/record_key.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace regio::io {

// A record that could not be used, and why.
struct InvalidRecord {
    std::int64_t ref = 0;  // CSV: 1-based line; OGR: feature id
    std::string why;
};

inline constexpr std::size_t kInvalidExamplesPerBatch = 10;

// Decoded points of one chunk. Weights are row-major (size * weight_count).
// Group values are interned per batch: group[i] indexes group_names.
struct PointBatch {
    std::vector<double> x;
    std::vector<double> y;
    std::vector<double> weights;
    std::vector<std::uint32_t> group;
    std::vector<std::string> group_names;
    std::vector<std::int64_t> ref;  // line or feature id per point
    std::vector<std::uint64_t> record_key;  // per point when keyed (PointFields::record_keyer), else empty

    // Invalid records of this chunk: all are counted, the first few kept.
    std::int64_t invalid_count = 0;
    std::vector<double> invalid_weights;  // per record and weight, finite values only
    std::vector<InvalidRecord> invalid_examples;
    // How many invalid records keep their reason; more for per-record
    // assignments (aggregate points --assignments). clear() keeps it.
    std::size_t invalid_example_limit = kInvalidExamplesPerBatch;

    void clear();
    [[nodiscard]] std::size_t size() const { return x.size(); }
};

// One unit of sequential reading. CSV: raw bytes of whole records; OGR: a
// batch already decoded by the reader.
struct RawChunk {
    std::vector<char> bytes;
    std::int64_t first_line = 0;
    PointBatch decoded;
};

struct PointFields {
    std::string x;                      // CSV coordinate columns
    std::string y;
    std::vector<std::string> weights;  // numeric fields summed per region
    std::string by;                     // grouping field, empty for none
    TextOptions text;                   // delimited text: delimiter and encoding
    // Cell-key record keys (issue #17): when set, every valid point gets the
    // key of its record_id field, or of its whole record text (without the
    // line end) when record_id is empty. Delimited text only for now.
    std::optional<table::RecordKeyer> record_keyer;
    std::string record_id;
};

class PointSource {
public:
    virtual ~PointSource() = default;
    // Sequential. False at the end of input.
    virtual bool read(RawChunk& chunk) = 0;
    // Thread-safe: turns a chunk into points.
    virtual void decode(RawChunk& chunk, PointBatch& batch) const = 0;
    // Fraction of the input read so far, for progress.
    [[nodiscard]] virtual double fraction_read() const = 0;
    // The CRS the points come in (may be empty: then the caller must supply one).
    [[nodiscard]] virtual Crs crs() const = 0;
    // "file" or "file:layer" for messages and reports.
    [[nodiscard]] virtual std::string display() const = 0;
    // "line" for text inputs, "feature" for layers.
    [[nodiscard]] virtual const char* ref_kind() const = 0;
};

// Plain-text tables (.csv, .tsv, .txt, each also .gz) go to the fast CSV reader, everything
// else through OGR (GeoPackage, FlatGeobuf, Shapefile, GeoJSON, ...).
std::unique_ptr<PointSource> open_point_source(const std::string& spec, const PointFields& fields);
// The same for an input already split into source and layer (--points-layer).
std::unique_ptr<PointSource> open_point_source(const InputSpec& input, const PointFields& fields);

// The CRS of points: the layer's own, or `given` (the user's option `option`,
// e.g. "--points-crs"), which must then agree with the layer's. CSV points
// have none of their own, so there `given` is required (UsageError); a layer
// without one is a CrsError. `what` names the points in messages ("points",
// "weight points").
Crs point_source_crs(const PointSource& source, const std::string& given, const std::string& option, const std::string& what);

}  // namespace regio::io
