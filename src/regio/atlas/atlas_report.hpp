#pragma once
// The JSON report of `regio atlas` (--report). The site is a directory built
// apart and renamed into place by SiteDirectory, not a file of an
// io::OutputPlan, and a report may even lie inside SITE_DIR: so the report is
// checked before any work, as every output is, and planned, written and
// committed once the site is in place.
#include "regio/atlas/atlas.hpp"

namespace regio::atlas {

// UsageError when the report names the site's index page ("--report and
// --output name the same file"), is an input, or exists without
// Overwrite::Yes; IoError when its directory refuses a new file. Leaves
// nothing behind. Nothing to check without a report.
void check_report_output(const AtlasRequest& request);

// Writes the report (2-space indented JSON) and renames it into place.
void write_report(const AtlasRequest& request, const AtlasResult& result);

}  // namespace regio::atlas
