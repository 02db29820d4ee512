#include "regio/io/ogr_point_source.hpp"

#include "regio/error.hpp"
#include "regio/table/utf8.hpp"

#include <cmath>
#include <limits>
#include <unordered_map>

namespace regio::io {

OgrPointSource::OgrPointSource(const InputSpec& input, const PointFields& fields, std::size_t batch_size)
    : m_ds(open_vector(input.path)), m_batch_size(batch_size) {
    m_layer = &input_layer(*m_ds, input.path, input.layer, input.sql, m_query);
    InputSpec shown = input;
    shown.layer = input.sql.empty() ? m_layer->GetName() : "query";
    m_display = shown.display();  // without a password
    const Where where{input.display_path(), m_layer->GetName()};
    if (!fields.x.empty() || !fields.y.empty())
        throw UsageError("--x/--y name CSV columns; " + m_display + " is a layer with point geometries");
    if (const OGRSpatialReference* srs = m_layer->GetSpatialRef()) {
        char* text = nullptr;
        const char* options[] = {"FORMAT=WKT2_2018", nullptr};
        srs->exportToWkt(&text, options);
        m_crs = Crs::from_wkt(text ? text : "");
        CPLFree(text);
    }
    for (const auto& w : fields.weights) {
        m_weights.push_back(find_field(*m_layer, w, where));
        m_weight_names.push_back(w);
    }
    if (!fields.by.empty()) m_by = find_field(*m_layer, fields.by, where);
    m_text = std::make_unique<OgrText>(*m_layer, fields.text.encoding, where);
    m_total = m_layer->GetFeatureCount(FALSE);
    m_layer->ResetReading();
}

bool OgrPointSource::read(RawChunk& chunk) {
    PointBatch& batch = chunk.decoded;
    batch.clear();
    const std::size_t nw = m_weights.size();
    std::unordered_map<std::string, std::uint32_t> groups;
    if (m_by < 0) batch.group_names.emplace_back();
    std::vector<double> weights(nw);
    std::size_t records = 0;
    while (records < m_batch_size) {
        FeaturePtr feature(m_layer->GetNextFeature());
        if (!feature) break;
        ++records;
        ++m_done;
        const std::int64_t fid = feature->GetFID();
        std::string why;
        for (std::size_t k = 0; k < nw; ++k) {
            const int index = m_weights[k];
            weights[k] = std::numeric_limits<double>::quiet_NaN();
            if (!feature->IsFieldSetAndNotNull(index)) {
                if (why.empty()) why = m_weight_names[k] + " is empty";
                continue;
            }
            const OGRFieldType type = feature->GetFieldDefnRef(index)->GetType();
            if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
                weights[k] = feature->GetFieldAsDouble(index);
            } else {
                const char* text = feature->GetFieldAsString(index);
                char* end = nullptr;
                const double v = std::strtod(text, &end);
                if (end != text && *end == '\0') weights[k] = v;
                else if (why.empty()) why = m_weight_names[k] + " '" + table::printable_utf8(text) + "' is not a number";
            }
            if (!std::isfinite(weights[k]) && why.empty()) why = m_weight_names[k] + " is not finite";
        }
        const OGRGeometry* geometry = feature->GetGeometryRef();
        double x = 0, y = 0;
        if (!geometry || geometry->IsEmpty()) {
            why = "has no geometry";
        } else if (wkbFlatten(geometry->getGeometryType()) != wkbPoint) {
            why = std::string("is a ") + geometry->getGeometryName() + ", not a point";
        } else {
            x = geometry->toPoint()->getX();
            y = geometry->toPoint()->getY();
            if (!std::isfinite(x) || !std::isfinite(y)) why = "has a non-finite coordinate";
        }
        if (!why.empty()) {
            ++batch.invalid_count;
            for (double w : weights) batch.invalid_weights.push_back(std::isfinite(w) ? w : 0.0);
            if (batch.invalid_examples.size() < batch.invalid_example_limit) batch.invalid_examples.push_back({fid, why});
            continue;
        }
        batch.x.push_back(x);
        batch.y.push_back(y);
        batch.weights.insert(batch.weights.end(), weights.begin(), weights.end());
        batch.ref.push_back(fid);
        if (m_by >= 0) {
            std::string value = (*m_text)(*feature, m_by);
            if (value.empty()) value = "NA";
            auto [it, fresh] = groups.try_emplace(value, static_cast<std::uint32_t>(batch.group_names.size()));
            if (fresh) batch.group_names.push_back(value);
            batch.group.push_back(it->second);
        } else {
            batch.group.push_back(0);
        }
    }
    return records > 0;
}

void OgrPointSource::decode(RawChunk& chunk, PointBatch& batch) const { std::swap(batch, chunk.decoded); }

double OgrPointSource::fraction_read() const {
    return m_total > 0 ? std::min(1.0, static_cast<double>(m_done) / static_cast<double>(m_total)) : 0.0;
}


}  // namespace regio::io
