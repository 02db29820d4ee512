#include "regio/atlas/site_text.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <stdexcept>

namespace regio::atlas {
namespace {

using Words = std::map<std::string, std::string>;

const Words& english() {
    static const Words words = {
        {"atlas", "Atlas"},
        {"indicators", "Indicators"},
        {"indicator", "Indicator"},
        {"regions", "Regions"},
        {"region", "Region"},
        {"method", "Method and sources"},
        {"downloads", "Downloads"},
        {"file", "File"},
        {"size", "Size"},
        {"sources", "Sources and attribution"},
        {"value", "Value"},
        {"numerator", "Numerator"},
        {"denominator", "Denominator"},
        {"flag", "Flag"},
        {"class", "Class"},
        {"rank", "Rank"},
        {"rank_in_parent", "Rank within"},
        {"legend", "Legend"},
        {"distribution", "Distribution"},
        {"table", "Table"},
        {"definition", "Definition"},
        {"footnotes", "Footnotes"},
        {"change", "Change"},
        {"neighbours", "Neighbouring regions"},
        {"locator", "Location"},
        {"profile", "Area profile"},
        {"all_regions", "All regions"},
        {"city", "All regions together"},
        {"no_data", "no data"},
        {"confidential", "confidential"},
        {"flag_ok", "ok"},
        {"flag_suppressed", "suppressed under disclosure control: the value and its counts are not published"},
        {"flag_zero_denominator", "no residents in the base of the rate"},
        {"flag_no_data", "no data"},
        {"flag_perturbed", "published with small random noise (cell-key method): the counts may differ slightly from the true ones; see the method page"},
        {"min", "lowest"},
        {"median", "median"},
        {"max", "highest"},
        {"regions_with_value", "regions with a published value"},
        {"highest_of", "highest of"},
        {"regions_counted", "regions"},
        {"series_counted", "indicator series"},
        {"segregation", "Segregation"},
        {"validation", "Validation"},
        {"segregation_explained",
         "Dissimilarity D: the share of a group that would have to move for it to be spread like the rest of the population (0 = even, "
         "1 = complete separation). Exposure and isolation: the average share of another group, or of the own group, in the area where "
         "a member lives. Entropy H: how far the areas' mix falls short of the city's mix. Intervals and p-values as in "
         "../shared/spec/segregation.md."},
        {"crosswalk", "Boundary changes and crosswalk"},
        {"disclosure", "Disclosure control"},
        {"disclosure_nowhere", "A suppressed value, its numerator and its denominator appear nowhere in this atlas: not in the pages, the "
                               "maps, the scripts or the downloads (../shared/spec/indicators.md §5)."},
        {"software", "Software"},
        {"inputs", "Inputs"},
        {"checksum", "SHA-256"},
        {"what", "What"},
        {"where", "Where"},
        {"when", "When"},
        {"open_first", "Start here"},
        {"previous", "previous vintage"},
        {"skip", "Skip to the content"},
        {"map_alt", "Map of"},
        {"sort_hint", "Select a column heading to sort the table."},
    };
    return words;
}

const Words& german() {
    static const Words words = {
        {"atlas", "Atlas"},
        {"indicators", "Indikatoren"},
        {"indicator", "Indikator"},
        {"regions", "Gebiete"},
        {"region", "Gebiet"},
        {"method", "Methode und Quellen"},
        {"downloads", "Downloads"},
        {"file", "Datei"},
        {"size", "Größe"},
        {"sources", "Quellen und Namensnennung"},
        {"value", "Wert"},
        {"numerator", "Zähler"},
        {"denominator", "Nenner"},
        {"flag", "Kennzeichen"},
        {"class", "Klasse"},
        {"rank", "Rang"},
        {"rank_in_parent", "Rang innerhalb"},
        {"legend", "Legende"},
        {"distribution", "Verteilung"},
        {"table", "Tabelle"},
        {"definition", "Definition"},
        {"footnotes", "Fußnoten"},
        {"change", "Veränderung"},
        {"neighbours", "Nachbargebiete"},
        {"locator", "Lage"},
        {"profile", "Gebietsprofil"},
        {"all_regions", "Alle Gebiete"},
        {"city", "Alle Gebiete zusammen"},
        {"no_data", "keine Daten"},
        {"confidential", "geheim"},
        {"flag_ok", "ok"},
        {"flag_suppressed", "aus Gründen der Geheimhaltung gesperrt: Wert und Fallzahlen werden nicht veröffentlicht"},
        {"flag_zero_denominator", "keine Einwohner in der Bezugsgröße"},
        {"flag_no_data", "keine Daten"},
        {"flag_perturbed", "mit kleiner zufälliger Überlagerung veröffentlicht (Cell-Key-Verfahren): die Fallzahlen können leicht von den wahren abweichen; siehe Methode"},
        {"min", "niedrigster"},
        {"median", "Median"},
        {"max", "höchster"},
        {"regions_with_value", "Gebiete mit veröffentlichtem Wert"},
        {"highest_of", "höchster Wert von"},
        {"regions_counted", "Gebieten"},
        {"series_counted", "Indikatorreihen"},
        {"segregation", "Segregation"},
        {"validation", "Validierung"},
        {"segregation_explained",
         "Segregationsindex D: der Anteil einer Gruppe, der umziehen müsste, damit sie wie die übrige Bevölkerung verteilt wäre "
         "(0 = gleichmäßig, 1 = vollständige Trennung). Kontakt und Isolation: der durchschnittliche Anteil einer anderen Gruppe oder "
         "der eigenen Gruppe im Gebiet, in dem ein Mitglied wohnt. Entropie H: wie weit die Mischung der Gebiete hinter der Mischung "
         "der ganzen Stadt zurückbleibt. Intervalle und p-Werte wie in ../shared/spec/segregation.md."},
        {"crosswalk", "Gebietsänderungen und Umschlüsselung"},
        {"disclosure", "Geheimhaltung"},
        {"disclosure_nowhere", "Ein gesperrter Wert, sein Zähler und sein Nenner stehen nirgends in diesem Atlas: nicht auf den Seiten, "
                               "in den Karten, den Skripten oder den Downloads (../shared/spec/indicators.md §5)."},
        {"software", "Software"},
        {"inputs", "Eingabedaten"},
        {"checksum", "SHA-256"},
        {"what", "Was"},
        {"where", "Wo"},
        {"when", "Wann"},
        {"open_first", "Hier beginnen"},
        {"previous", "vorheriger Stand"},
        {"skip", "Zum Inhalt springen"},
        {"map_alt", "Karte:"},
        {"sort_hint", "Eine Spaltenüberschrift wählen, um die Tabelle zu sortieren."},
    };
    return words;
}

}  // namespace

Language parse_language(const std::string& code) {
    if (code == "en") return Language::English;
    if (code == "de") return Language::German;
    throw UsageError("--lang: '" + code + "' is not a language of the atlas (en, de)");
}

std::string language_code(Language language) { return language == Language::German ? "de" : "en"; }

const std::string& word(Language language, const std::string& key) {
    const Words& words = language == Language::German ? german() : english();
    const auto it = words.find(key);
    if (it == words.end()) throw std::logic_error("atlas: no text for '" + key + "'");
    return it->second;
}

std::string format_number(double value, int decimals, Language language) {
    if (value == 0) value = 0;  // no "-0.0"
    std::string text = fmt::format("{:.{}f}", value, decimals);
    if (text == "-" + fmt::format("{:.{}f}", 0.0, decimals)) text.erase(0, 1);
    if (language == Language::German)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string format_count(double value, Language language) {
    const std::string digits = fmt::format("{:.0f}", std::fabs(value));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += language == Language::German ? "." : ",";
        out += digits[i];
    }
    return (value < 0 ? "-" : "") + out;
}

std::string ordinal(std::size_t rank, Language language) {
    if (language == Language::German) return std::to_string(rank) + ".";
    const std::size_t tens = rank % 100;
    const char* suffix = "th";
    if (tens < 11 || tens > 13) {
        if (rank % 10 == 1) suffix = "st";
        else if (rank % 10 == 2) suffix = "nd";
        else if (rank % 10 == 3) suffix = "rd";
    }
    return std::to_string(rank) + suffix;
}

std::string file_stem(const std::string& id) {
    std::string out;
    for (const unsigned char c : id) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += static_cast<char>(c);
        else out += fmt::format("~{:02X}", c);
    }
    return out.empty() ? "_" : out;
}

}  // namespace regio::atlas
