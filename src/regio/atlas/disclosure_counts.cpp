#include "regio/atlas/disclosure_counts.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace regio::atlas {
namespace {

using json = nlohmann::ordered_json;

std::int64_t count_of(const json& section, const char* key) {
    return section.contains(key) && section[key].is_number_integer() ? section[key].get<std::int64_t>() : 0;
}

// "1 rate", "2 rates": the noun agrees with its count.
std::string counted(std::int64_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

std::string suppressed_cells_sentence(const json& cells, Language lang) {
    const std::int64_t primary = count_of(cells, "primary");
    const std::int64_t rate = count_of(cells, "rate");
    const std::int64_t secondary = count_of(cells, "secondary");
    const bool german = lang == Language::German;
    if (primary + rate + secondary == 0) return german ? "Keine Zelle ist gesperrt." : "No cell is suppressed.";
    std::vector<std::string> parts;
    if (primary)
        parts.push_back(fmt::format("{} {}", primary, german ? "mit einer Fallzahl unter der Schwelle" : "with a count below the threshold"));
    if (rate)
        parts.push_back(german ? counted(rate, "Quote mit zu kleiner Bezugsgröße", "Quoten mit zu kleiner Bezugsgröße")
                               : counted(rate, "rate on too small a base", "rates on too small a base"));
    if (secondary)
        parts.push_back(german ? fmt::format("{} weitere, damit keine Summe eine gesperrte Zelle verrät", secondary)
                               : fmt::format("{} more, so that no total reveals a hidden one", secondary));
    return fmt::format("{}: {}.", german ? "Gesperrte Zellen" : "Suppressed cells", fmt::join(parts, ", "));
}

std::string rows_sentence(const json& flags, Language lang) {
    const bool german = lang == Language::German;
    // In the order of the table's flag column (../shared/spec/indicators.md).
    struct Kind {
        const char* flag;
        const char* english;
        const char* german;
    };
    static constexpr Kind kKinds[] = {
        {"ok", "published as computed", "wie berechnet veröffentlicht"},
        {"suppressed", "suppressed", "gesperrt"},
        {"zero_denominator", "with a denominator of zero", "mit dem Nenner null"},
        {"no_data", "without data", "ohne Daten"},
        {"perturbed", "perturbed by the cell-key method", "mit dem Cell-Key-Verfahren überlagert"},
    };
    std::int64_t rows = 0;
    std::vector<std::string> parts;
    for (const Kind& kind : kKinds) {
        const std::int64_t n = count_of(flags, kind.flag);
        rows += n;
        if (n) parts.push_back(fmt::format("{} {}", n, german ? kind.german : kind.english));
    }
    if (german)
        return fmt::format("Die Indikatortabelle hat {} {}{}{}.", rows, rows == 1 ? "Zeile" : "Zeilen", parts.empty() ? "" : ": ",
                           fmt::join(parts, ", "));
    return fmt::format("The indicator table has {}{}{}.", counted(rows, "row", "rows"), parts.empty() ? "" : ": ",
                       fmt::join(parts, ", "));
}

}  // namespace

std::vector<std::string> disclosure_counts(const json& report, Language lang) {
    std::vector<std::string> sentences;
    if (report.contains("suppressed_cells") && report["suppressed_cells"].is_object())
        sentences.push_back(suppressed_cells_sentence(report["suppressed_cells"], lang));
    if (report.contains("flags") && report["flags"].is_object()) sentences.push_back(rows_sentence(report["flags"], lang));
    return sentences;
}

}  // namespace regio::atlas
