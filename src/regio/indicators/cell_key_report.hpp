#pragma once
// The cell-key section of the `regio indicators` report and its summary line
// (issue #17): the ptable used and the utility and risk figures. The record
// key salt is not known here and never reported.
#include "regio/indicators/cell_key_compute.hpp"
#include "regio/indicators/definitions.hpp"
#include "regio/indicators/protected_compute.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace regio::indicators {

nlohmann::ordered_json to_json(const CellKeyUtility& utility, const CellKeySettings& settings);
std::string summary_text(const CellKeyUtility& utility);

// The report's "protection" list: per indicator, the method that ran and its
// settings (suppression: t_min, min_denominator and the cells suppressed;
// cell-key: the ptable's file or parameters, never the salt, and the utility
// figures). The atlas method page reads it.
nlohmann::ordered_json protection_json(const Definitions& definitions, const std::vector<ProtectionOutcome>& outcomes);

// The report's "cell_key" section over all perturbed indicators; its ptable
// reads "per indicator" when they use different ones.
nlohmann::ordered_json cell_key_json(const std::vector<ProtectionOutcome>& outcomes);

// "protection: a cell-key, b suppression" when the indicators' methods differ, else empty.
std::string methods_text(const Definitions& definitions, const std::vector<ProtectionOutcome>& outcomes);

}  // namespace regio::indicators
