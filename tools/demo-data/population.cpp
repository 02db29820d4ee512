// Address rows of the demo city and the 100 m population grid built from them.
//
// Addresses gather in clusters ("neighbourhoods") whose centres crowd around
// the city centre, so density falls off outwards. Every point is rounded to
// 0.01 m first and then tested, so what is printed is what was tested: valid
// points lie strictly inside the outline and at least 5 cm from every
// district border of either vintage, so no tool has to break a tie to place
// them. A few rows at fixed positions are spoiled or moved outside the city
// to exercise the "nothing is lost" accounting.
#include "demo.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace regio_demo {
namespace {

constexpr std::size_t kBadRows = 20;      // rows 1237 + 2500 k, k < 20 (0-based)
constexpr std::size_t kOutsideRows = 30;  // rows 811 + 1663 k, k < 30 (0-based)
constexpr double kBorderClearance = 0.05;  // m

RowKind kind_of_row(std::size_t i) {
    if (i >= 1237 && (i - 1237) % 2500 == 0 && (i - 1237) / 2500 < kBadRows) {
        switch ((i - 1237) / 2500 % 3) {
        case 0: return RowKind::EmptyX;
        case 1: return RowKind::NanY;
        default: return RowKind::NotNumeric;
        }
    }
    if (i >= 811 && (i - 811) % 1663 == 0 && (i - 811) / 1663 < kOutsideRows) return RowKind::Outside;
    return RowKind::Inside;
}

struct Box {
    std::int64_t xmin, ymin, xmax, ymax;
};

Box box_of(const std::vector<Pt>& pts) {
    Box b{pts.front().x, pts.front().y, pts.front().x, pts.front().y};
    for (const Pt& p : pts) {
        b.xmin = std::min(b.xmin, p.x);
        b.ymin = std::min(b.ymin, p.y);
        b.xmax = std::max(b.xmax, p.x);
        b.ymax = std::max(b.ymax, p.y);
    }
    return b;
}

// Shares of national / eu / non_eu by district of 2023 (index into before.districts).
std::vector<std::array<double, 3>> citizenship_shares(std::uint64_t seed, const City& city) {
    Rng rng = Rng::stream(seed, 3);
    std::vector<std::array<double, 3>> shares;
    for (const auto& d : city.before.districts) {
        double eu = 0.12 + rng.uniform(-0.03, 0.03);
        double non_eu = 0.12 + rng.uniform(-0.04, 0.04);
        if (d.id == "D09" || d.id == "D13") non_eu = 0.36;  // two inner districts with many non-EU citizens
        if (d.id == "D08" || d.id == "D21") eu = 0.22;      // the old town draws EU citizens
        shares.push_back({1.0 - eu - non_eu, eu, non_eu});
    }
    return shares;
}

int residents_of(Rng& rng) {
    // Mostly houses and small flats, some apartment blocks, a few large buildings.
    const double u = rng.uniform();
    if (u < 0.84) {
        static constexpr std::array<double, 6> cumulative{0.30, 0.60, 0.76, 0.89, 0.96, 1.0};
        const double v = rng.uniform();
        int n = 1;
        while (n < 6 && v >= cumulative[static_cast<std::size_t>(n - 1)]) ++n;
        return n;
    }
    if (u < 0.985) return static_cast<int>(rng.integer(7, 30));
    return static_cast<int>(rng.integer(31, 80));
}

struct Rates {
    double working_age;  // share aged 20-64
    double employed;     // of working age
    double unemployed;   // of working age; the rest is inactive
};

Rates rates_of(Citizenship g) {
    switch (g) {
    case Citizenship::National: return {0.60, 0.78, 0.04};
    case Citizenship::Eu: return {0.72, 0.72, 0.06};
    case Citizenship::NonEu: return {0.70, 0.58, 0.10};
    }
    throw std::logic_error("demo addresses: bad citizenship");
}

}  // namespace

std::vector<Address> build_addresses(std::uint64_t seed, const City& city) {
    Rng rng = Rng::stream(seed, 2);
    const auto shares = citizenship_shares(seed, city);
    const Box city_box = box_of(city.outline);
    std::vector<Box> border_boxes;
    for (const auto& l : city.borders) border_boxes.push_back(box_of(l));

    const auto clearance_cm = to_cm(kBorderClearance) + 1;
    auto clear_of_borders = [&](Pt p) {
        for (std::size_t k = 0; k < city.borders.size(); ++k) {
            const Box& b = border_boxes[k];
            if (p.x < b.xmin - clearance_cm || p.x > b.xmax + clearance_cm || p.y < b.ymin - clearance_cm ||
                p.y > b.ymax + clearance_cm)
                continue;
            if (distance_m(city.borders[k], p) < kBorderClearance) return false;
        }
        return true;
    };
    auto in_city = [&](Pt p) { return in_ring(city.outline, p) && clear_of_borders(p); };
    auto uniform_in = [&](const Box& b, std::int64_t margin) {
        return Pt{to_cm(rng.uniform(to_m(b.xmin - margin), to_m(b.xmax + margin))),
                  to_cm(rng.uniform(to_m(b.ymin - margin), to_m(b.ymax + margin)))};
    };

    struct Cluster {
        Pt centre;
        double spread;  // m
    };
    std::vector<Cluster> clusters;
    while (clusters.size() < 500) {
        const Pt c = rng.chance(0.7) ? Pt{city.centre.x + to_cm(2800.0 * rng.normal()), city.centre.y + to_cm(2800.0 * rng.normal())}
                                     : uniform_in(city_box, 0);
        const double spread = rng.uniform(80.0, 260.0);
        if (in_ring(city.outline, c)) clusters.push_back({c, spread});
    }

    std::vector<Address> rows;
    rows.reserve(kAddressRows);
    for (std::size_t i = 0; i < kAddressRows; ++i) {
        Address a;
        a.kind = kind_of_row(i);
        if (a.kind == RowKind::Outside) {
            do a.at = uniform_in(city_box, 600'000);
            while (in_ring(city.outline, a.at) || distance_m(city.outline, a.at) < 1500.0);
        } else {
            do {
                const Cluster& c = clusters[static_cast<std::size_t>(rng.integer(0, static_cast<std::int64_t>(clusters.size()) - 1))];
                a.at = {c.centre.x + to_cm(c.spread * rng.normal()), c.centre.y + to_cm(c.spread * rng.normal())};
            } while (!in_city(a.at));
        }

        // Citizenship by the district's shares; outside points use the city mean.
        std::array<double, 3> share{0.74, 0.12, 0.14};
        if (a.kind != RowKind::Outside) {
            const auto& ds = city.before.districts;
            const auto hit = std::find_if(ds.begin(), ds.end(), [&](const District& d) { return in_district(d, a.at); });
            if (hit == ds.end()) throw std::logic_error("demo addresses: point inside the city but in no district");
            share = shares[static_cast<std::size_t>(hit - ds.begin())];
        }
        const double u = rng.uniform();
        a.group = u < share[0] ? Citizenship::National : u < share[0] + share[1] ? Citizenship::Eu : Citizenship::NonEu;

        // Persons one by one, so the counts add up by construction.
        const Rates rates = rates_of(a.group);
        a.residents = residents_of(rng);
        for (int p = 0; p < a.residents; ++p) {
            if (!rng.chance(rates.working_age)) continue;
            ++a.working_age;
            const double v = rng.uniform();
            if (v < rates.employed) ++a.employed;
            else if (v < rates.employed + rates.unemployed) ++a.unemployed;
            else ++a.inactive;
        }
        rows.push_back(a);
    }
    return rows;
}

namespace {
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

Grid build_grid(const City& city, const std::vector<Address>& addresses, Tally& tally) {
    constexpr std::int64_t margin = 50'000;  // 500 m
    const Box b = box_of(city.outline);
    Grid g;
    g.origin_x = floor_div(b.xmin - margin, kCellCm) * kCellCm;
    g.origin_y = -floor_div(-(b.ymax + margin), kCellCm) * kCellCm;  // ceiling
    const std::int64_t east = -floor_div(-(b.xmax + margin), kCellCm) * kCellCm;
    const std::int64_t south = floor_div(b.ymin - margin, kCellCm) * kCellCm;
    g.cols = static_cast<int>((east - g.origin_x) / kCellCm);
    g.rows = static_cast<int>((g.origin_y - south) / kCellCm);
    g.cells.assign(static_cast<std::size_t>(g.cols) * static_cast<std::size_t>(g.rows), 0);

    tally = Tally{};
    for (const Address& a : addresses) {
        ++tally.rows;
        tally.residents_all += a.residents;
        switch (a.kind) {
        case RowKind::EmptyX: ++tally.empty_x; continue;
        case RowKind::NanY: ++tally.nan_y; continue;
        case RowKind::NotNumeric: ++tally.not_numeric; continue;
        case RowKind::Inside: ++tally.inside; break;
        case RowKind::Outside: ++tally.outside; break;
        }
        tally.residents_valid += a.residents;
        // Integer centimetres make the half-open rule exact: x in [x0, x0+100), y in (y1-100, y1].
        const std::int64_t col = floor_div(a.at.x - g.origin_x, kCellCm);
        const std::int64_t row = floor_div(g.origin_y - a.at.y, kCellCm);
        if (col < 0 || col >= g.cols || row < 0 || row >= g.rows) continue;
        ++tally.valid_in_grid;
        tally.residents_in_grid += a.residents;
        g.cells[static_cast<std::size_t>(row * g.cols + col)] += a.residents;
    }
    for (const auto v : g.cells) tally.grid_total += v;
    if (tally.grid_total != tally.residents_in_grid) throw std::logic_error("demo grid: total differs from the residents in the grid");
    return g;
}

}  // namespace regio_demo
