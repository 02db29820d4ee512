#pragma once
// The words and numbers of the atlas in its language: labels of the pages,
// number formatting (decimal point or comma), ordinals for ranks, and safe
// file names for region and indicator pages. No HTML here: the templates
// (styles/atlas/) escape everything they are given.
#include <optional>
#include <string>

namespace regio::atlas {

enum class Language { English, German };

// "en" or "de"; throws UsageError for anything else.
Language parse_language(const std::string& code);
std::string language_code(Language language);

// The text of a page label by key (e.g. "indicators", "method"); every key
// exists in every language (a missing key is a programming error: throws).
const std::string& word(Language language, const std::string& key);

// A value with `decimals` decimals in the language's notation (12.4 / 12,4).
std::string format_number(double value, int decimals, Language language);
// Whole numbers with a thin grouping space: 1 234 567.
std::string format_count(double value, Language language);
// "3rd" / "3." for ranks.
std::string ordinal(std::size_t rank, Language language);

// A file name for an id: letters, digits, '-' and '_' kept, every other byte
// as "~XX" (hex), so that different ids give different file names.
std::string file_stem(const std::string& id);

}  // namespace regio::atlas
