#include "regio/io/output_utf8.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/output_file.hpp"
#include "regio/table/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

namespace regio::io {
namespace {

[[noreturn]] void fail(std::string_view text, std::size_t bad, Where where) {
    throw DataError("the output would hold " + table::describe_invalid_utf8(text, bad) + "; nothing was written",
                    std::move(where), "an input holds text that is not UTF-8: name its encoding with --encoding");
}

// How many bytes at the end of `text` may start a UTF-8 sequence that the
// next block completes (0..3): held back so that a block boundary is never
// taken for an error.
std::size_t incomplete_tail(std::string_view text) {
    for (std::size_t back = 1; back <= std::min<std::size_t>(3, text.size()); ++back) {
        const auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

// Read in blocks, not whole: an output can be as large as its input (e.g.
// aggregate points --assignments, a row per record).
void check_text_file(const std::filesystem::path& temp, const std::string& shown) {
    std::ifstream in(temp, std::ios::binary);
    constexpr std::size_t kBlock = std::size_t{1} << 20;
    std::string block;
    std::int64_t lines_before = 0;
    while (true) {
        const std::size_t kept = block.size();
        block.resize(kept + kBlock);
        in.read(block.data() + kept, static_cast<std::streamsize>(kBlock));
        block.resize(kept + static_cast<std::size_t>(in.gcount()));
        const bool last = in.gcount() == 0 || !in;
        const std::size_t hold = last ? 0 : incomplete_tail(block);
        const std::string_view checked(block.data(), block.size() - hold);
        const std::size_t bad = table::find_invalid_utf8(checked);
        if (bad != std::string::npos) {
            const auto line = 1 + lines_before + std::count(checked.begin(), checked.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
            fail(checked, bad, Where{shown, {}, line});
        }
        if (last) return;
        lines_before += std::count(checked.begin(), checked.end(), '\n');
        block.erase(0, checked.size());
    }
}

void check_text(const char* text, const Where& where) {
    if (!text) return;
    const std::string_view view(text);
    const std::size_t bad = table::find_invalid_utf8(view);
    if (bad != std::string_view::npos) fail(view, bad, where);
}

void check_gpkg(const std::filesystem::path& temp, const std::string& shown) {
    ensure_gdal();
    CplErrorCapture capture;
    const char* options[] = {"LIST_ALL_TABLES=YES", nullptr};
    DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(temp.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr)));
    if (!ds) throw IoError("cannot reopen the finished output: " + capture.last_error(), Where{shown});
    for (OGRLayer* layer : ds->GetLayers()) {
        const Where at_layer{shown, layer->GetName()};
        check_text(layer->GetName(), Where{shown});
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        std::vector<int> text_fields;
        std::vector<std::string> ignored{"OGR_GEOMETRY"};
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            OGRFieldDefn* field = defn->GetFieldDefn(i);
            check_text(field->GetNameRef(), at_layer);
            if (field->GetType() == OFTString) text_fields.push_back(i);
            else ignored.emplace_back(field->GetNameRef());
        }
        if (text_fields.empty()) continue;
        std::vector<const char*> names;
        for (const auto& n : ignored) names.push_back(n.c_str());
        names.push_back(nullptr);
        layer->SetIgnoredFields(names.data());
        layer->ResetReading();
        for (auto& feature : *layer)
            for (const int i : text_fields)
                if (feature->IsFieldSetAndNotNull(i))
                    check_text(feature->GetFieldAsString(i),
                               Where{shown, layer->GetName(), {}, feature->GetFID(), defn->GetFieldDefn(i)->GetNameRef()});
    }
}

}  // namespace

void check_output_utf8(const std::filesystem::path& temp, const std::string& shown) {
    static const std::set<std::string> kText = {"csv", "tsv", "txt", "svg", "json", "qml", "sld", "html", "xml", "toml", "md"};
    const std::string ext = extension_of(temp);
    if (kText.count(ext)) check_text_file(temp, shown);
    else if (ext == "gpkg") check_gpkg(temp, shown);
}

}  // namespace regio::io
