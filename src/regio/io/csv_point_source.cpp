#include "regio/io/csv_point_source.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_format.hpp"
#include "regio/io/csv_header.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <strings.h>
#include <cstring>
#include <unordered_map>

namespace regio::io {
namespace {

// Group values are interned per batch; the empty value is the group "NA".
// A new value becomes UTF-8 (transcoded, or checked: invalid bytes are an
// error at `where`), since group values name output columns.
class GroupInterner {
public:
    GroupInterner(std::vector<std::string>& names, const TextOptions& text, const std::string& path, const std::string& field)
        : m_names(names), m_text(text), m_path(path), m_field(field) {}
    std::uint32_t operator()(std::string_view value, std::int64_t line) {
        if (value.empty()) value = "NA";
        if (m_last < m_index.size() && m_raw[m_last] == value) return m_last;
        auto [it, fresh] = m_index.try_emplace(std::string(value), static_cast<std::uint32_t>(m_names.size()));
        if (fresh) {
            m_names.push_back(text_as_utf8(value, m_text, Where{m_path, {}, line, {}, m_field}));
            m_raw.emplace_back(value);
        }
        m_last = it->second;
        return m_last;
    }

private:
    std::vector<std::string>& m_names;
    const TextOptions& m_text;
    const std::string& m_path;
    const std::string& m_field;
    std::vector<std::string> m_raw;  // the values as read, by index
    std::unordered_map<std::string, std::uint32_t> m_index;
    std::uint32_t m_last = 0;
};

}  // namespace

CsvPointSource::CsvPointSource(std::string path, const PointFields& fields, std::size_t block_size)
    : m_path(std::move(path)), m_file(m_path), m_text(fields.text), m_block_size(block_size) {
    check_encoding(m_text.encoding);
    read_header(fields);
}

CsvPointSource::~CsvPointSource() = default;

bool CsvPointSource::fill() {
    if (m_eof) return false;
    const std::size_t old = m_pending.size();
    m_pending.resize(old + m_block_size);
    const std::size_t got = m_file.read(m_pending.data() + old, m_block_size);
    m_pending.resize(old + got);
    if (got < m_block_size) m_eof = true;
    return got > 0;
}

void CsvPointSource::read_header(const PointFields& fields) {
    // Skip a BOM and blank lines; the first other line is the header.
    std::string_view header;
    std::size_t header_end = 0;
    while (true) {
        std::string_view data(m_pending.data(), m_pending.size());
        if (m_next_line == 1 && (data.starts_with("\xFF\xFE") || data.starts_with("\xFE\xFF")))
            throw DataError("the file is UTF-16 (it starts with a UTF-16 byte order mark); tables are read as UTF-8",
                            Where{m_path}, "convert it, e.g. iconv -f UTF-16 -t UTF-8");
        if (m_next_line == 1 && data.size() >= 3 && data.starts_with("\xEF\xBB\xBF")) {
            m_pending.erase(m_pending.begin(), m_pending.begin() + 3);
            continue;
        }
        const std::size_t end = find_record_end(data);
        if (end == data.size() && !m_eof) {  // need more bytes
            fill();
            continue;
        }
        std::string_view line = data.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() && end < data.size()) {  // blank line before the header
            m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(end + 1));
            ++m_next_line;
            continue;
        }
        if (line.empty()) throw DataError("empty file: expected a header row naming the columns", Where{m_path});
        if (const auto sep = separator_line(line); sep && end < data.size()) {  // "sep=;" before the header
            if (!m_text.delimiter) m_text.delimiter = *sep;
            m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(end + 1));
            ++m_next_line;
            continue;
        }
        header = line;
        header_end = end;
        break;
    }
    CsvHeader parsed = parse_csv_header(header, m_text, m_path, m_next_line);
    m_delimiter = parsed.delimiter;
    m_columns = std::move(parsed.columns);

    std::string x = fields.x, y = fields.y;
    if (x.empty() != y.empty()) throw UsageError("give both --x and --y, or neither");
    if (x.empty()) {
        static const std::pair<const char*, const char*> kPairs[] = {
            {"x", "y"}, {"lon", "lat"}, {"longitude", "latitude"}, {"easting", "northing"}};
        for (const auto& [cx, cy] : kPairs) {
            auto has = [&](const char* n) {
                return std::any_of(m_columns.begin(), m_columns.end(),
                                   [&](const std::string& c) { return strcasecmp(c.c_str(), n) == 0; });
            };
            if (has(cx) && has(cy)) {
                x = cx;
                y = cy;
                break;
            }
        }
        if (x.empty())
            throw UsageError("cannot tell the coordinate columns of " + m_path + "; name them with --x and --y", {},
                             missing_column_hint(m_columns, m_delimiter));
    }
    m_x = column(x, "x");
    m_y = column(y, "y");
    for (const auto& w : fields.weights) {
        m_weights.push_back(column(w, "weight"));
        m_weight_names.push_back(w);
    }
    if (!fields.by.empty()) m_by = static_cast<std::ptrdiff_t>(column(fields.by, "by"));
    m_record_keyer = fields.record_keyer;
    if (m_record_keyer && !fields.record_id.empty()) m_record_id = static_cast<std::ptrdiff_t>(column(fields.record_id, "record id"));
    m_min_fields = std::max(m_x, m_y) + 1;
    for (auto w : m_weights) m_min_fields = std::max(m_min_fields, w + 1);
    if (m_by >= 0) m_min_fields = std::max(m_min_fields, static_cast<std::size_t>(m_by) + 1);
    if (m_record_id >= 0) m_min_fields = std::max(m_min_fields, static_cast<std::size_t>(m_record_id) + 1);

    // A quoted header name may hold line breaks: the data start after all of them.
    m_next_line += 1 + std::count(header.begin(), header.end(), '\n');
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(
                                                            std::min(header_end + 1, m_pending.size())));
}

std::size_t CsvPointSource::column(const std::string& name, const char* role) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i] == name) return i;
    std::ptrdiff_t found = -1;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (strcasecmp(m_columns[i].c_str(), name.c_str()) == 0) {
            if (found >= 0) throw DataError(std::string("column name '") + name + "' is ambiguous", Where{m_path});
            found = static_cast<std::ptrdiff_t>(i);
        }
    if (found >= 0) return static_cast<std::size_t>(found);
    std::string list;
    for (const auto& c : m_columns) list += (list.empty() ? "" : ", ") + c;
    throw DataError(std::string("no column '") + name + "' for " + role + " (columns: " + list + ")",
                    Where{m_path, {}, {}, {}, name}, missing_column_hint(m_columns, m_delimiter));
}

bool CsvPointSource::read(RawChunk& chunk) {
    chunk.bytes.clear();
    chunk.first_line = m_next_line;
    while (true) {
        // Cut after the last record terminator that is outside quotes.
        std::string_view data(m_pending.data(), m_pending.size());
        std::size_t cut = std::string_view::npos;
        if (m_eof) {
            cut = data.size();
        } else if (std::memchr(data.data(), '"', data.size()) == nullptr) {
            const auto pos = data.rfind('\n');
            if (pos != std::string_view::npos) cut = pos + 1;
        } else {
            bool quoted = false;
            for (std::size_t i = 0; i < data.size(); ++i) {
                if (data[i] == '"') quoted = !quoted;
                else if (data[i] == '\n' && !quoted) cut = i + 1;
            }
        }
        if (cut != std::string_view::npos && (cut >= m_block_size / 2 || m_eof) ) {
            if (cut == 0) return false;
            chunk.bytes.assign(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(cut));
            m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(cut));
            m_next_line += std::count(chunk.bytes.begin(), chunk.bytes.end(), '\n');
            return true;
        }
        fill();
    }
}

void CsvPointSource::decode(RawChunk& chunk, PointBatch& batch) const {
    batch.clear();
    const std::size_t nw = m_weights.size();
    const std::string by_name = m_by >= 0 ? m_columns[static_cast<std::size_t>(m_by)] : std::string();
    GroupInterner intern(batch.group_names, m_text, m_path, by_name);
    if (m_by < 0) batch.group_names.emplace_back();  // one group: all points
    std::vector<std::string_view> fields;
    std::string scratch;
    std::vector<double> weights(nw);
    const std::string_view data(chunk.bytes.data(), chunk.bytes.size());
    std::int64_t line = chunk.first_line;
    std::size_t pos = 0;

    auto reject = [&](std::int64_t at, std::string why) {
        ++batch.invalid_count;
        for (std::size_t k = 0; k < nw; ++k) batch.invalid_weights.push_back(std::isfinite(weights[k]) ? weights[k] : 0.0);
        if (batch.invalid_examples.size() < batch.invalid_example_limit) batch.invalid_examples.push_back({at, std::move(why)});
    };

    while (pos < data.size()) {
        const std::string_view rest = data.substr(pos);
        std::size_t end;
        const auto* nl = static_cast<const char*>(std::memchr(rest.data(), '\n', rest.size()));
        end = nl ? static_cast<std::size_t>(nl - rest.data()) : rest.size();
        if (std::memchr(rest.data(), '"', end) != nullptr) end = find_record_end(rest);  // quoted newlines
        const std::string_view record = rest.substr(0, end);
        const std::int64_t record_line = line;
        line += 1 + std::count(record.begin(), record.end(), '\n');
        pos += end + 1;

        if (record.empty() || (record.size() == 1 && record[0] == '\r')) continue;  // blank line
        std::fill(weights.begin(), weights.end(), std::numeric_limits<double>::quiet_NaN());
        if (!split_record(record, m_delimiter, fields, scratch)) {
            reject(record_line, "unterminated quote");
            continue;
        }
        if (fields.size() < m_min_fields) {
            reject(record_line, "has " + std::to_string(fields.size()) + " fields, expected at least " +
                                    std::to_string(m_min_fields));
            continue;
        }
        std::string why;
        for (std::size_t k = 0; k < nw; ++k) {
            const NumberStatus s = parse_number(fields[m_weights[k]], m_delimiter, weights[k]);
            if (s != NumberStatus::Ok && why.empty())
                why = describe_number_problem(s, m_weight_names[k], fields[m_weights[k]]);
            if (s != NumberStatus::Ok) weights[k] = std::numeric_limits<double>::quiet_NaN();
        }
        double x = 0, y = 0;
        const NumberStatus sx = parse_number(fields[m_x], m_delimiter, x);
        const NumberStatus sy = parse_number(fields[m_y], m_delimiter, y);
        if (sx != NumberStatus::Ok) why = describe_number_problem(sx, m_columns[m_x], fields[m_x]);
        else if (sy != NumberStatus::Ok) why = describe_number_problem(sy, m_columns[m_y], fields[m_y]);
        if (!why.empty()) {
            reject(record_line, std::move(why));
            continue;
        }
        batch.x.push_back(x);
        batch.y.push_back(y);
        batch.weights.insert(batch.weights.end(), weights.begin(), weights.end());
        batch.group.push_back(m_by >= 0 ? intern(fields[static_cast<std::size_t>(m_by)], record_line) : 0);
        batch.ref.push_back(record_line);
        if (m_record_keyer) {
            const std::string_view id = m_record_id >= 0 ? fields[static_cast<std::size_t>(m_record_id)]
                                                         : (record.ends_with('\r') ? record.substr(0, record.size() - 1) : record);
            batch.record_key.push_back(m_record_keyer->key(id));
        }
    }
}

double CsvPointSource::fraction_read() const { return m_file.fraction_read(); }

void PointBatch::clear() {
    x.clear();
    y.clear();
    weights.clear();
    group.clear();
    group_names.clear();
    ref.clear();
    record_key.clear();
    invalid_count = 0;
    invalid_weights.clear();
    invalid_examples.clear();
}

}  // namespace regio::io
