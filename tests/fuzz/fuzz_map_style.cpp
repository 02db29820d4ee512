// Fuzz target: map style files (src/regio/style/map_style.*), read from a
// file as `regio map --style` reads them. Checked: only regio errors; an
// accepted style keeps the promises of map_style.hpp (colours #RRGGBB,
// non-empty extents, inset id prefixes that do not overlap).
#include "fuzz_support.hpp"

#include "regio/style/map_style.hpp"

using namespace regio;

namespace {

bool non_empty(const geometry::Box& box) { return box.xmin < box.xmax && box.ymin < box.ymax; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::ScratchFile file("style.toml");
    const std::string& path = file.write(data, size);
    fuzz::expect_only_regio_errors([&] {
        const style::MapStyleFile s = style::load_map_style(path);
        for (const auto* colour : {&s.nodata_color, &s.confidential_color, &s.border_color})
            fuzz::require(!*colour || ((*colour)->size() == 7 && (*colour)->front() == '#'), "an accepted colour that is not #RRGGBB");
        fuzz::require(!s.extent || non_empty(*s.extent), "an accepted empty extent");
        for (std::size_t a = 0; a < s.insets.size(); ++a) {
            fuzz::require(!s.insets[a].label.empty() && !s.insets[a].ids.empty(), "an accepted inset without label or ids");
            fuzz::require(!s.insets[a].extent || non_empty(*s.insets[a].extent), "an accepted empty inset extent");
            for (std::size_t b = a + 1; b < s.insets.size(); ++b)
                for (const auto& pa : s.insets[a].ids)
                    for (const auto& pb : s.insets[b].ids)
                        fuzz::require(!pa.starts_with(pb) && !pb.starts_with(pa), "accepted insets whose id prefixes overlap");
        }
    });
    return 0;
}
