#include "regio/io/gdal_handles.hpp"

#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"

#include <filesystem>
#include <mutex>

namespace regio::io {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

void apply_program_gdal_settings() {
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    if (!CPLGetConfigOption("GDAL_CACHEMAX", nullptr)) CPLSetConfigOption("GDAL_CACHEMAX", "32");
}

CplErrorCapture::CplErrorCapture() { CPLPushErrorHandlerEx(&CplErrorCapture::handler, this); }

CplErrorCapture::~CplErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL CplErrorCapture::handler(CPLErr level, CPLErrorNum, const char* message) {
    if (level < CE_Failure) return;  // warnings and debug output are not failures
    auto* self = static_cast<CplErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self && message) self->m_last = message;
}

std::string CplErrorCapture::last_error(const std::string& fallback) const {
    return m_last.empty() ? fallback : m_last;
}

std::string one_line(std::string text) {
    // PostgreSQL follows a query error with the query and a caret under the
    // place ("LINE 1: ..."), which says nothing on one line.
    if (const auto at = text.find("\nLINE "); at != std::string::npos) text.erase(at);
    std::string out;
    for (char c : text) {
        const bool blank = c == '\n' || c == '\r' || c == ' ' || c == '\t';
        if (blank && (out.empty() || out.back() == ' ')) continue;
        out += blank ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

static DatasetPtr open_dataset(const std::string& path, unsigned flags, const char* what) {
    ensure_gdal();
    // Connection strings and virtual paths go to GDAL as they are; messages
    // show them without their password.
    const bool local = !is_data_source_name(path);
    const std::string shown = redact_secrets(path);
    if (local && !std::filesystem::exists(path)) throw IoError("no such file", Where{shown});
    CplErrorCapture capture;
    DatasetPtr ds(GDALDataset::Open(path.c_str(), flags | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!ds)
        throw IoError(std::string("cannot open as ") + what + ": " + one_line(redact_secrets(capture.last_error("format not recognised"))),
                      Where{shown});
    return ds;
}

DatasetPtr open_vector(const std::string& path) { return open_dataset(path, GDAL_OF_VECTOR, "a vector dataset"); }

DatasetPtr open_raster(const std::string& path) { return open_dataset(path, GDAL_OF_RASTER, "a raster"); }

OGRLayer& select_layer(GDALDataset& ds, const std::string& source, const std::string& name) {
    const std::string path = redact_secrets(source);
    std::string names;
    for (auto* layer : ds.GetLayers()) names += (names.empty() ? "" : ", ") + std::string(layer->GetName());
    if (name.empty()) {
        if (ds.GetLayerCount() == 1) return *ds.GetLayer(0);
        if (ds.GetLayerCount() == 0) throw DataError("has no layers", Where{path});
        throw DataError("has " + std::to_string(ds.GetLayerCount()) + " layers; name one as FILE:LAYER (layers: " +
                            names + ")",
                        Where{path},
                        // A source with colons of its own (PG:..., /vsizip/...) cannot take
                        // ":LAYER"; every such input has a companion option (issue #16).
                        "or name it with the input's layer option (--regions-layer, --units-layer, --grid-layer-name, "
                        "...: see the command's --help)");
    }
    if (OGRLayer* layer = ds.GetLayerByName(name.c_str())) return *layer;
    throw DataError("no layer '" + name + "' (layers: " + names + ")", Where{path});
}

OGRLayer& input_layer(GDALDataset& ds, const std::string& path, const std::string& layer, const std::string& sql,
                      ResultSetPtr& result) {
    if (sql.empty()) return select_layer(ds, path, layer);
    if (!layer.empty()) throw UsageError("a layer and an SQL query name the same input; give one of them", Where{redact_secrets(path)});
    CplErrorCapture capture;
    result = ResultSetPtr(ds.ExecuteSQL(sql.c_str(), nullptr, nullptr), ResultSetReleaser{&ds});
    if (!result)
        throw DataError("the query failed: " + one_line(redact_secrets(capture.last_error("it returned no rows layer"))),
                        Where{redact_secrets(path)});
    return *result;
}

static std::string field_list(OGRFeatureDefn& defn) {
    std::string names;
    for (int i = 0; i < defn.GetFieldCount(); ++i)
        names += (i ? ", " : "") + std::string(defn.GetFieldDefn(i)->GetNameRef());
    return names;
}

int find_field(OGRLayer& layer, const std::string& name, const Where& where) {
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    const int index = defn.GetFieldIndex(name.c_str());  // case-insensitive, as in GDAL
    if (index < 0) {
        Where w = where;
        w.field = name;
        throw DataError("no such field (fields: " + field_list(defn) + ")", w);
    }
    return index;
}

}  // namespace regio::io
