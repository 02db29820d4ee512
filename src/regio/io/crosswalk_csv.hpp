#pragma once
// The crosswalk and change files (formats documented in the README):
//   CROSSWALK.csv  from_id,to_id,area_m2,area_share_from,area_share_to
//                  [,weight,weight_share_from,weight_share_to]
//   CHANGES.csv    side,id,type,counterparts,detail
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"

#include <string>
#include <vector>

namespace regio::io {

void write_crosswalk(const harmonise::Crosswalk& crosswalk, const std::string& path, Overwrite overwrite,
                     const std::vector<std::string>& inputs);
harmonise::Crosswalk read_crosswalk(const std::string& path);
// To the temporary files of planned outputs (see OutputPlan).
void write_crosswalk(const harmonise::Crosswalk& crosswalk, const PlannedOutput& output);
void write_changes(const std::vector<harmonise::Change>& changes, const PlannedOutput& output);
void write_changes(const std::vector<harmonise::Change>& changes, const std::string& path, Overwrite overwrite,
                   const std::vector<std::string>& inputs);

}  // namespace regio::io
