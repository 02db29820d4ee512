// `regio docs`: writes the man pages and the bash completion generated from
// the command-line definition. Hidden from the help; the build runs it.
#include "commands.hpp"
#include "manual.hpp"
#include "option_kinds.hpp"

#include "regio/error.hpp"
#include "regio/pipeline/registry_catalog.hpp"

#include <filesystem>
#include <fstream>

namespace regio::cli {
namespace {

struct DocsArgs {
    std::string man_dir;
    std::string completion;
    std::string catalog;
    std::string registry_catalog;
};

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw IoError(path.string() + ": cannot write");
}

int run(const CLI::App& root, const DocsArgs& args, const std::string& version) {
    if (!args.man_dir.empty()) {
        std::filesystem::create_directories(args.man_dir);
        write_text(std::filesystem::path(args.man_dir) / man_page_name({}), man_page(root, {}, version));
        for (const auto& path : command_paths(root))
            write_text(std::filesystem::path(args.man_dir) / man_page_name(path), man_page(root, path, version));
    }
    if (!args.completion.empty()) {
        const std::filesystem::path file(args.completion);
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        write_text(file, bash_completion(root));
    }
    if (!args.catalog.empty()) write_text(args.catalog, pipeline::catalog_json(command_catalog(root)));
    if (!args.registry_catalog.empty())
        write_text(args.registry_catalog, pipeline::catalog_json(pipeline::registry_catalog()));
    return 0;
}

}  // namespace

void add_docs(CLI::App& app, Action& action, const std::string& version) {
    auto args = std::make_shared<DocsArgs>();
    CLI::App* cmd = app.add_subcommand("docs", "Write the man pages and the bash completion");
    cmd->group("");  // hidden: a build step, not a user's command
    cmd->add_option("--man-dir", args->man_dir, "Directory for the man pages (regio.1, regio-COMMAND.1, ...)");
    cmd->add_option("--completion", args->completion, "File for the bash completion script");
    cmd->add_option("--catalog", args->catalog, "File for the command catalog (JSON): the commands a pipeline step may run")
        ->type_name(kOutputFile);
    // For the test that the CLI built from the registry says what the
    // registry declares (tests/cli/command_catalog_cli_test.cpp).
    cmd->add_option("--registry-catalog", args->registry_catalog,
                    "File for the catalog of the registered commands, read from their declarations (JSON)")
        ->type_name(kOutputFile);
    const CLI::App* root = &app;
    cmd->callback([args, root, version, &action] { action = [args, root, version] { return run(*root, *args, version); }; });
}

}  // namespace regio::cli
