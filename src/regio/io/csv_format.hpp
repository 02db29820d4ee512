#pragma once
// The small pieces of CSV reading, as pure functions: delimiter detection,
// record splitting with RFC 4180 quotes, and number parsing. The streaming
// reader (csv_points.cpp) and other table readers build on these.
#include <string>
#include <string_view>
#include <vector>

namespace regio::io {

// Picks ',', ';', '\t' or '|' by counting them outside quotes in the header
// line; on a tie the earlier in that list; ',' when none occurs.
char detect_delimiter(std::string_view header);

// Splits one record (no line terminator) into fields. Quoted fields are
// unquoted with "" -> " into scratch (the views point into it, so it is
// reserved to the record's size first). Returns false on an unterminated quote.
bool split_record(std::string_view record, char delimiter, std::vector<std::string_view>& fields,
                  std::string& scratch);

// Position of the end of the record starting at data[0]: the '\n' that ends it
// (outside quotes), or size if the data end first.
std::size_t find_record_end(std::string_view data);

enum class NumberStatus { Ok, Empty, NotANumber, NotFinite };

// Parses a decimal number, ignoring surrounding blanks. With ';' as the
// delimiter a decimal comma ("12,5") is accepted, as spreadsheets in much of
// Europe write them.
NumberStatus parse_number(std::string_view text, char delimiter, double& out);

// "x 'abc' is not a number" and friends, for invalid-record reasons.
std::string describe_number_problem(NumberStatus status, std::string_view what, std::string_view text);

// Removes a UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

}  // namespace regio::io
