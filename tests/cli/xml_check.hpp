#pragma once
// A small XML well-formedness check for the CLI tests (SVG, QML, SLD): one
// root element, balanced tags, quoted attributes each given once, and text
// with no raw '<' and only predefined or numeric entities. No DTD, no
// namespaces checked.
#include <string>

namespace regio_test {

// True when `xml` is one well-formed element (after an optional XML
// declaration, comments and a DOCTYPE without an internal subset); `why`
// says what is wrong otherwise.
bool well_formed(const std::string& xml, std::string& why);

}  // namespace regio_test
