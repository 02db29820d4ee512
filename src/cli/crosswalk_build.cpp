// regio crosswalk build: binds the options to harmonise::CrosswalkBuildRequest,
// runs it, prints the summary.
#include "crosswalk_build.hpp"

#include "regio/harmonise/crosswalk_build_operation.hpp"
#include "terminal_progress.hpp"

#include <iostream>

namespace regio::cli {

int run_crosswalk_build(const BuildArgs& args) {
    harmonise::CrosswalkBuildRequest request;
    request.text = args.text.options();  // first: an unknown delimiter or encoding is a usage error before anything else
    request.from = args.from;
    request.to = args.to;
    request.weights = args.weights;
    request.weights_layer = args.weights_layer;
    request.weights_x = args.weights_x;
    request.weights_y = args.weights_y;
    request.weights_crs = args.weights_crs;
    request.weights_field = args.weights_field;
    request.from_name = args.from_name;
    request.to_name = args.to_name;
    request.work_crs = args.work_crs;
    request.min_share = args.min_share;
    request.min_area = args.min_area;
    request.boundary_tolerance = args.boundary_tolerance;
    request.within_prefix = args.within_prefix;
    request.within = args.within;
    request.output = table_destination(args.out);
    request.changes = {args.changes, args.changes_layer, {}};
    request.gpkg = args.gpkg;
    request.report = args.out.report;
    request.overwrite = args.out.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    request.threads = args.out.threads;

    TerminalProgress progress(args.out.quiet);
    const harmonise::CrosswalkBuildResult result =
        harmonise::run(request, ProgressRange(progress.callback()), warning_printer(args.out.quiet));
    if (!args.out.quiet) std::cerr << result.summary();
    return 0;
}

}  // namespace regio::cli
