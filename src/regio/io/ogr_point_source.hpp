#pragma once
// Points from any OGR layer (GeoPackage, FlatGeobuf, Shapefile, GeoJSON...).
// OGR reads sequentially, so read() decodes features itself; decode() only
// hands the batch over.
#include "regio/io/gdal_handles.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/ogr_fields.hpp"
#include "regio/io/point_source.hpp"

namespace regio::io {

class OgrPointSource final : public PointSource {
public:
    OgrPointSource(const InputSpec& input, const PointFields& fields, std::size_t batch_size = 65536);

    bool read(RawChunk& chunk) override;
    void decode(RawChunk& chunk, PointBatch& batch) const override;
    [[nodiscard]] double fraction_read() const override;
    [[nodiscard]] Crs crs() const override { return m_crs; }
    [[nodiscard]] std::string display() const override { return m_display; }
    [[nodiscard]] const char* ref_kind() const override { return "feature"; }

private:
    DatasetPtr m_ds;
    ResultSetPtr m_query;  // the rows of --points-sql; released before m_ds closes
    OGRLayer* m_layer = nullptr;
    std::string m_display;
    Crs m_crs;
    std::size_t m_batch_size;
    std::vector<int> m_weights;
    std::vector<std::string> m_weight_names;
    int m_by = -1;
    std::unique_ptr<OgrText> m_text;  // the by-field as UTF-8
    std::int64_t m_total = 0;
    std::int64_t m_done = 0;
};

}  // namespace regio::io
