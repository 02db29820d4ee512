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

void check_text_file(const std::filesystem::path& temp, const std::string& shown) {
    std::ifstream in(temp, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t bad = table::find_invalid_utf8(text);
    if (bad == std::string::npos) return;
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    fail(text, bad, Where{shown, {}, line});
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
