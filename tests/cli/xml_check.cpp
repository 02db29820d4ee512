#include "xml_check.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace regio_test {
namespace {

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Character data and attribute values: no raw '<', and '&' only as a
// predefined or numeric entity.
bool valid_text(const std::string& text, std::string& why) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') {
            why = "raw '<' in text";
            return false;
        }
        if (text[i] != '&') continue;
        const auto end = text.find(';', i);
        if (end == std::string::npos) {
            why = "unterminated entity";
            return false;
        }
        const std::string entity = text.substr(i + 1, end - i - 1);
        static const std::set<std::string> kPredefined{"amp", "lt", "gt", "quot", "apos"};
        const bool numeric = entity.size() > 1 && entity[0] == '#' &&
                             std::all_of(entity.begin() + 1, entity.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == 'x'; });
        if (!kPredefined.count(entity) && !numeric) {
            why = "unknown entity &" + entity + ";";
            return false;
        }
        i = end;
    }
    return true;
}

}  // namespace

// True when `xml` is one well-formed element (after an optional XML
// declaration, comments and a DOCTYPE without an internal subset); `why`
// says what is wrong otherwise.
bool well_formed(const std::string& xml, std::string& why) {
    std::vector<std::string> open;
    std::size_t roots = 0, i = 0;
    while (i < xml.size()) {
        if (xml[i] != '<') {
            const auto next = xml.find('<', i);
            const std::string text = xml.substr(i, next == std::string::npos ? std::string::npos : next - i);
            if (open.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos) {
                why = "text outside the root element";
                return false;
            }
            if (!valid_text(text, why)) return false;
            if (next == std::string::npos) break;
            i = next;
            continue;
        }
        if (xml.compare(i, 4, "<!--") == 0) {
            const auto end = xml.find("-->", i + 4);
            if (end == std::string::npos) return why = "unterminated comment", false;
            i = end + 3;
            continue;
        }
        if (xml.compare(i, 2, "<?") == 0 || xml.compare(i, 9, "<!DOCTYPE") == 0) {
            if (roots || !open.empty()) return why = "declaration after the root element started", false;
            const auto end = xml.find('>', i);
            if (end == std::string::npos) return why = "unterminated declaration", false;
            i = end + 1;
            continue;
        }
        const bool closing = xml.compare(i, 2, "</") == 0;
        std::size_t j = i + (closing ? 2 : 1);
        const std::size_t name_start = j;
        while (j < xml.size() && is_name_char(xml[j])) ++j;
        const std::string name = xml.substr(name_start, j - name_start);
        if (name.empty()) return why = "empty tag name at offset " + std::to_string(i), false;
        if (closing) {
            while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
            if (j >= xml.size() || xml[j] != '>') return why = "bad closing tag </" + name, false;
            if (open.empty() || open.back() != name)
                return why = "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">", false;
            open.pop_back();
            i = j + 1;
            continue;
        }
        // Attributes: name="value" or name='value', each name once.
        std::set<std::string> attributes;
        bool self_closing = false;
        while (true) {
            while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
            if (j >= xml.size()) return why = "unterminated tag <" + name, false;
            if (xml[j] == '>') break;
            if (xml.compare(j, 2, "/>") == 0) {
                self_closing = true;
                ++j;
                break;
            }
            const std::size_t a = j;
            while (j < xml.size() && is_name_char(xml[j])) ++j;
            const std::string attribute = xml.substr(a, j - a);
            if (attribute.empty() || j >= xml.size() || xml[j] != '=' || j + 1 >= xml.size() || (xml[j + 1] != '"' && xml[j + 1] != '\''))
                return why = "bad attribute in <" + name + "> at offset " + std::to_string(a), false;
            if (!attributes.insert(attribute).second) return why = "attribute " + attribute + " twice in <" + name + ">", false;
            const char quote = xml[j + 1];
            const auto end = xml.find(quote, j + 2);
            if (end == std::string::npos) return why = "unterminated attribute value in <" + name + ">", false;
            if (!valid_text(xml.substr(j + 2, end - j - 2), why)) return why += " (attribute " + attribute + ")", false;
            j = end + 1;
        }
        if (open.empty()) {
            if (++roots > 1) return why = "more than one root element", false;
        }
        if (!self_closing) open.push_back(name);
        i = j + 1;
    }
    if (!open.empty()) return why = "<" + open.back() + "> is never closed", false;
    if (roots != 1) return why = "no root element", false;
    return true;
}

}  // namespace regio_test
