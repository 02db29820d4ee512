#include "regio/atlas/disclosure_notes.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

namespace regio::atlas {
namespace {

using json = nlohmann::ordered_json;

// A parameter as written in the report, with the language's decimal sign.
std::string number_text(const json& v, Language lang) {
    std::string text = v.is_number_integer() ? std::to_string(v.get<long long>()) : fmt::format("{}", v.get<double>());
    if (lang == Language::German)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

double number_or(const json& j, const char* key, double fallback) {
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : fallback;
}

std::string suppression_note(const std::string& who, const json& entry, Language lang) {
    const json t_min = entry.contains("t_min") ? entry["t_min"] : json(10);
    const json min_den = entry.contains("min_denominator") ? entry["min_denominator"] : t_min;
    if (lang == Language::German)
        return fmt::format("{}: Sperrung (Zellsperrung). Fallzahlen unter {} werden nicht veröffentlicht, ebenso Quoten mit einer "
                           "Bezugsgröße unter {}; weitere Zellen werden gesperrt, wo eine Summe den gesperrten Wert verraten würde. "
                           "Veröffentlichte Werte sind unverändert.",
                           who, number_text(t_min, lang), number_text(min_den, lang));
    return fmt::format("{}: suppression. Counts below {} are not published, nor rates on a base below {}; further cells are hidden "
                       "where a total would reveal a hidden one. Published values are exact.",
                       who, number_text(t_min, lang), number_text(min_den, lang));
}

std::string cell_key_note(const std::string& who, const json& entry, Language lang) {
    const json ptable = entry.contains("ptable") ? entry["ptable"] : json(nullptr);
    const bool from_file = ptable.is_object() && ptable.contains("file");
    const bool from_parameters = ptable.is_object() && ptable.contains("max_perturbation");
    // The table's own bounds: the report carries them for files too.
    const double d = from_parameters ? number_or(ptable, "max_perturbation", 0) : number_or(entry, "max_perturbation", 0);
    const double js = number_or(entry, "min_published", from_parameters ? number_or(ptable, "min_published", 1) : 1);
    const std::string d_text = number_text(json(d), lang);
    const std::string js_text = number_text(json(js), lang);
    std::string how;
    if (from_parameters) {
        const json& p_stay = ptable.contains("p_stay") ? ptable["p_stay"] : json(nullptr);
        const std::string p_text = p_stay.is_number() ? number_text(p_stay, lang) : (lang == Language::German ? "frei" : "free");
        how = fmt::format("D = {}, V = {}, js = {}, p_stay = {}", d_text, number_text(ptable["variance"], lang), js_text, p_text);
    } else if (from_file) {
        // Only the file's name: where it lay on the producer's disk is not the reader's business.
        const std::string name = std::filesystem::path(ptable["file"].get<std::string>()).filename().string();
        how = fmt::format("{} {}, D = {}, js = {}", lang == Language::German ? "Überlagerungstabelle" : "perturbation table", name, d_text,
                          js_text);
    } else {
        how = fmt::format("D = {}, js = {}", d_text, js_text);
    }
    if (lang == Language::German)
        return fmt::format("{}: Cell-Key-Verfahren ({}). Jeder Wert wird veröffentlicht; jede Fallzahl ist um einen kleinen zufälligen "
                           "Betrag verändert, höchstens {} nach oben oder unten, und keine veröffentlichte Fallzahl liegt zwischen 0 "
                           "und {} (ausschließlich). Dieselben Personen erhalten in jeder Tabelle dieselbe Überlagerung, so dass der "
                           "Vergleich von Tabellen nichts verrät. Quoten werden aus den veränderten Fallzahlen berechnet; Summen sind "
                           "eigene Zellen mit eigener Überlagerung, die Teile ergeben daher nicht genau die Summe.",
                           who, how, d_text, js_text);
    return fmt::format("{}: cell-key method ({}). Every value is published; each count has had a small random amount added, at most {} "
                       "up or down, and no published count lies between 0 and {} (exclusive). The same people get the same noise in "
                       "every table, so comparing tables reveals nothing. Rates are computed from the perturbed counts; totals are "
                       "cells with noise of their own, so the parts need not add up to the published total.",
                       who, how, d_text, js_text);
}

std::string note(const std::string& who, const json& entry, Language lang) {
    return entry.value("method", std::string("suppression")) == "cell-key" ? cell_key_note(who, entry, lang)
                                                                            : suppression_note(who, entry, lang);
}

}  // namespace

std::vector<std::string> disclosure_notes(const std::vector<json>& reports, const std::map<std::string, std::string>& labels,
                                          Language lang) {
    std::vector<std::string> order;
    std::map<std::string, json> entries;  // by indicator name: the last report's
    std::vector<std::string> notes;
    for (const json& report : reports) {
        if (report.contains("protection") && report["protection"].is_array()) {
            for (const json& entry : report["protection"]) {
                const std::string name = entry.value("indicator", std::string());
                if (!entries.count(name)) order.push_back(name);
                entries[name] = entry;
            }
            continue;
        }
        // An older report: one method for all its indicators.
        json entry = report.contains("cell_key") ? report["cell_key"] : report.value("disclosure", json::object());
        if (!report.contains("cell_key")) entry["method"] = "suppression";
        notes.push_back(note(lang == Language::German ? "Alle Indikatoren" : "All indicators", entry, lang));
    }
    for (const std::string& name : order) {
        const auto label = labels.find(name);
        notes.push_back(note(label == labels.end() ? name : label->second, entries.at(name), lang));
    }
    return notes;
}

}  // namespace regio::atlas
