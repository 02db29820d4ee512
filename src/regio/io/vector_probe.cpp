#include "regio/io/vector_probe.hpp"

#include "regio/io/gdal_handles.hpp"

namespace regio::io {

bool opens_as_vector_layers(const std::string& path) {
    ensure_gdal();
    CplErrorCapture quiet;
    DatasetPtr ds(GDALDataset::FromHandle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    return ds && ds->GetLayerCount() > 0;
}

}  // namespace regio::io
