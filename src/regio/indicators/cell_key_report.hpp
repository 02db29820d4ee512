#pragma once
// The cell-key section of the `regio indicators` report and its summary line
// (issue #17): the ptable used and the utility and risk figures. The record
// key salt is not known here and never reported.
#include "regio/indicators/cell_key_compute.hpp"
#include "regio/indicators/definitions.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace regio::indicators {

nlohmann::ordered_json to_json(const CellKeyUtility& utility, const CellKeySettings& settings);
std::string summary_text(const CellKeyUtility& utility);

}  // namespace regio::indicators
