// Fuzz target: the CSV point reader (src/regio/io/csv_point_source.*,
// csv_format.*), driven as aggregate points drives it: read chunks, decode
// each one.
//
// Input: one option byte, then the file's bytes. Option bits:
//   bit 0   name the coordinate columns (--x x --y y) instead of detecting them
//   bit 1   --weight persons
//   bit 2   --by group
//   bits 3-4 block size 64, 256, 4096 or 4 MiB (the default), so that chunk
//           cuts fall inside records, quotes and CRLF pairs
// Checked: only regio errors; every decoded batch is consistent (one x, y,
// line and group per point, finite coordinates, weights per point, lines
// inside the chunk); a line is never counted twice.
#include "fuzz_support.hpp"

#include "regio/io/csv_point_source.hpp"

#include <algorithm>
#include <cmath>

using namespace regio;

namespace {

io::PointFields fields_from(std::uint8_t options) {
    io::PointFields fields;
    if (options & 1) {
        fields.x = "x";
        fields.y = "y";
    }
    if (options & 2) fields.weights = {"persons"};
    if (options & 4) fields.by = "group";
    return fields;
}

std::size_t block_size_from(std::uint8_t options) {
    static constexpr std::size_t kSizes[] = {64, 256, 4096, std::size_t{4} << 20};
    return kSizes[(options >> 3) & 3];
}

void check_batch(const io::PointBatch& batch, std::size_t weight_count, std::int64_t first_line, std::int64_t next_line) {
    const std::size_t n = batch.size();
    fuzz::require(batch.y.size() == n && batch.ref.size() == n && batch.group.size() == n, "batch columns differ in length");
    fuzz::require(batch.weights.size() == n * weight_count, "weights are not one per point and weight field");
    fuzz::require(batch.invalid_weights.size() == static_cast<std::size_t>(batch.invalid_count) * weight_count,
                  "invalid weights are not one per invalid record and weight field");
    fuzz::require(batch.invalid_examples.size() <= static_cast<std::size_t>(batch.invalid_count), "more examples than invalid records");
    std::int64_t previous = first_line - 1;
    for (std::size_t i = 0; i < n; ++i) {
        fuzz::require(std::isfinite(batch.x[i]) && std::isfinite(batch.y[i]), "a point with a non-finite coordinate");
        fuzz::require(batch.group[i] < batch.group_names.size(), "a point's group is not among the batch's groups");
        fuzz::require(batch.ref[i] > previous && batch.ref[i] < next_line, "a point's line is outside its chunk or repeated");
        previous = batch.ref[i];
    }
    for (const auto& w : batch.weights) fuzz::require(std::isfinite(w), "a point with a non-finite weight");
    for (const auto& w : batch.invalid_weights) fuzz::require(std::isfinite(w), "an invalid record's weight is not finite");
    for (const auto& example : batch.invalid_examples)
        fuzz::require(example.ref >= first_line && example.ref < next_line && !example.why.empty(),
                      "an invalid record outside its chunk or without a reason");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static fuzz::ScratchFile file("points.csv");
    const std::uint8_t options = data[0];
    const io::PointFields fields = fields_from(options);
    const std::string& path = file.write(data + 1, size - 1);
    fuzz::expect_only_regio_errors([&] {
        io::CsvPointSource source(path, fields, block_size_from(options));
        io::RawChunk chunk;
        io::PointBatch batch;
        std::int64_t expected_first_line = -1;
        while (source.read(chunk)) {
            fuzz::require(!chunk.bytes.empty(), "an empty chunk");
            fuzz::require(expected_first_line < 0 || chunk.first_line == expected_first_line, "chunks skip or repeat lines");
            const auto newlines = std::count(chunk.bytes.begin(), chunk.bytes.end(), '\n');
            const bool ends_in_newline = chunk.bytes.back() == '\n';
            const std::int64_t next_line = chunk.first_line + newlines + (ends_in_newline ? 0 : 1);
            expected_first_line = chunk.first_line + newlines;
            source.decode(chunk, batch);
            check_batch(batch, fields.weights.size(), chunk.first_line, next_line);
        }
    });
    return 0;
}
