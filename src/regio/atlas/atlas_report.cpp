#include "regio/atlas/atlas_report.hpp"

#include "regio/io/output_plan.hpp"
#include "regio/report/report_output.hpp"

namespace regio::atlas {
namespace {

// The report's plan: the run is an input (never overwritten).
io::OutputPlan report_plan(const AtlasRequest& request) {
    return io::OutputPlan(request.overwrite == Overwrite::Yes ? io::Overwrite::Yes : io::Overwrite::No, {request.run});
}

}  // namespace

void check_report_output(const AtlasRequest& request) {
    // Planned only to be checked: the plan, not committed, removes what it made.
    io::OutputPlan plan = report_plan(request);
    report::plan_report_apart(plan, request.report, request.site_dir + "/index.html");
}

void write_report(const AtlasRequest& request, const AtlasResult& result) {
    if (request.report.empty()) return;
    io::OutputPlan plan = report_plan(request);
    report::write_report_text(*report::plan_report_apart(plan, request.report, request.site_dir + "/index.html"), result.to_json());
    plan.commit();
}

}  // namespace regio::atlas
