#pragma once
// The crosswalk and change files (formats documented in the README):
//   CROSSWALK.csv  from_id,to_id,area_m2,area_share_from,area_share_to
//                  [,weight,weight_share_from,weight_share_to]
//   CHANGES.csv    side,id,type,counterparts,detail
// They live beside the types they read and write (harmonise/ reads and
// writes through io/), so that io/ never includes a capability module.
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

void write_crosswalk(const Crosswalk& crosswalk, const std::string& path, io::Overwrite overwrite,
                     const std::vector<std::string>& inputs);
Crosswalk read_crosswalk(const std::string& path);
// To the temporary files of planned outputs (see OutputPlan).
void write_crosswalk(const Crosswalk& crosswalk, const io::PlannedOutput& output);
void write_changes(const std::vector<Change>& changes, const io::PlannedOutput& output);
void write_changes(const std::vector<Change>& changes, const std::string& path, io::Overwrite overwrite,
                   const std::vector<std::string>& inputs);

}  // namespace regio::harmonise
