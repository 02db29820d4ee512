// Fuzz target: the CSV point reader (src/regio/io/csv_point_source.*,
// csv_format.*), driven as aggregate points drives it: read chunks, decode
// each one.
//
// Input: one option byte, then the file's bytes. Option bits:
//   bit 0   name the coordinate columns (--x x --y y) instead of detecting them
//   bit 1   --weight persons
//   bit 2   --by group
//   bits 3-4 block size 7, 64, 512 or 64 KiB, so that chunk cuts fall inside
//           records, quotes and CRLF pairs (64 KiB holds any input of
//           -max_len=4096 at once, as the default 4 MiB would, without
//           allocating 4 MiB per run)
// Checked: only regio errors; the chunks hand out every byte after the
// header exactly once, in order, with line numbers that match the file;
// every decoded batch is consistent (one x, y, line and group per point,
// finite coordinates, weights per point, lines inside the chunk).
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
    static constexpr std::size_t kSizes[] = {7, 64, 512, std::size_t{64} << 10};
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

// The chunks must be the file's tail after the header, byte for byte, and
// the first one must start at the line the header ends on.
void check_nothing_lost(std::string_view file, std::string_view handed_out, std::int64_t first_line) {
    fuzz::require(handed_out.size() <= file.size() && file.ends_with(handed_out),
                  "the chunks are not the file after the header, byte for byte");
    const std::string_view header = file.substr(0, file.size() - handed_out.size());
    fuzz::require(first_line == 1 + std::count(header.begin(), header.end(), '\n'),
                  "the first record's line number does not match the file");
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
        std::int64_t first_chunk_line = -1;
        std::string handed_out;  // all chunks' bytes
        while (source.read(chunk)) {
            if (expected_first_line < 0) expected_first_line = first_chunk_line = chunk.first_line;
            fuzz::require(!chunk.bytes.empty(), "an empty chunk");
            fuzz::require(chunk.first_line == expected_first_line, "chunks skip or repeat lines");
            handed_out.append(chunk.bytes.data(), chunk.bytes.size());
            const auto newlines = std::count(chunk.bytes.begin(), chunk.bytes.end(), '\n');
            const bool ends_in_newline = chunk.bytes.back() == '\n';
            const std::int64_t next_line = chunk.first_line + newlines + (ends_in_newline ? 0 : 1);
            expected_first_line = chunk.first_line + newlines;
            source.decode(chunk, batch);
            check_batch(batch, fields.weights.size(), chunk.first_line, next_line);
        }
        if (!handed_out.empty()) check_nothing_lost(fuzz::as_text(data + 1, size - 1), handed_out, first_chunk_line);
    });
    return 0;
}
