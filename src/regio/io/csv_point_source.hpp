#pragma once
// The fast path for points in delimited text: reads the file in large blocks
// cut at record boundaries; decoding (splitting, number parsing) happens in
// decode(), on the worker threads.
#include "regio/io/point_source.hpp"

#include <memory>

namespace regio::io {

class CsvPointSource final : public PointSource {
public:
    CsvPointSource(std::string path, const PointFields& fields, std::size_t block_size = std::size_t{4} << 20);
    ~CsvPointSource() override;

    bool read(RawChunk& chunk) override;
    void decode(RawChunk& chunk, PointBatch& batch) const override;
    [[nodiscard]] double fraction_read() const override;
    [[nodiscard]] Crs crs() const override { return {}; }
    [[nodiscard]] std::string display() const override { return m_path; }
    [[nodiscard]] const char* ref_kind() const override { return "line"; }

    [[nodiscard]] char delimiter() const { return m_delimiter; }
    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }

private:
    void read_header(const PointFields& fields);
    std::size_t column(const std::string& name, const char* role) const;
    bool fill();  // appends the next block to m_pending; false at EOF

    std::string m_path;
    TextFile m_file;  // plain or gzip
    TextOptions m_text;
    std::size_t m_block_size;
    bool m_eof = false;
    std::vector<char> m_pending;  // bytes read but not yet handed out
    std::int64_t m_next_line = 1;

    char m_delimiter = ',';
    std::vector<std::string> m_columns;
    std::size_t m_x = 0, m_y = 0;
    std::vector<std::size_t> m_weights;
    std::vector<std::string> m_weight_names;
    std::ptrdiff_t m_by = -1;
    std::optional<table::RecordKeyer> m_record_keyer;
    std::ptrdiff_t m_record_id = -1;  // -1: key the whole record text
    std::size_t m_min_fields = 0;
};

}  // namespace regio::io
