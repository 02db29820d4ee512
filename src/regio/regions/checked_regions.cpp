#include "regio/regions/checked_regions.hpp"
#include "regio/regions/region_cache.hpp"

#include "regio/error.hpp"
#include "regio/geometry/identical_shapes.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <future>

namespace regio::regions {

nlohmann::ordered_json region_fixes_json(const std::vector<io::AppliedFix>& fixes) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& f : fixes) {
        nlohmann::ordered_json j{{"fid", f.fid}, {"id", f.old_id}};
        if (f.new_id) j["set_id"] = *f.new_id;
        else j["skipped"] = true;
        out.push_back(std::move(j));
    }
    return out;
}

void add_region_fixes(nlohmann::ordered_json& report, const std::vector<io::AppliedFix>& fixes, const std::string& key) {
    if (!fixes.empty()) report[key] = region_fixes_json(fixes);
}

namespace {

void add_repair_warnings(const geometry::RegionSet& regions, const std::vector<geometry::RepairNote>& notes,
                         std::vector<std::string>& warnings) {
    for (const auto& note : notes)
        warnings.push_back(Where{regions.file, regions.layer, {}, regions.feature_ids[note.region]}.format() +
                           ": region '" + regions.ids[note.region] + "' was invalid (" + note.reason + "); repaired");
}

// Throws on a significant overlap (unless allowed); otherwise adds a warning per pair.
void settle_overlaps(const RegionSource& options, const geometry::RegionSet& regions,
                     const std::vector<geometry::Overlap>& overlaps, std::vector<std::string>& warnings) {
    geometry::check_overlaps(regions, overlaps,
                             options.allow_overlaps ? geometry::OverlapPolicy::Allow : geometry::OverlapPolicy::Error);
    for (const auto& o : overlaps)
        warnings.push_back(fmt::format("regions '{}' and '{}' overlap by {:.6g} square units{}; the overlap goes to '{}'",
                                       regions.ids[o.first], regions.ids[o.second], o.area,
                                       o.significant ? "" : " (within --overlap-tolerance)", regions.ids[o.first]));
}

// A locator of `to` over the units that a check or an overlay can ask about
// when only changed units are compared: the changed units of `to`, and every
// unit whose box meets the box (with a margin) of a changed unit of either
// vintage. The others are left out (empty shapes): locating a point there
// finds nothing.
geometry::PointLocator locator_near_changes(const geometry::RegionSet& from, const geometry::RegionSet& to,
                                            const std::vector<char>& from_unchanged, const std::vector<char>& to_unchanged) {
    std::vector<geometry::Box> changed;
    auto add = [&](const geometry::MultiPolygon& shape) {
        geometry::Box b = geometry::bounds(shape);
        if (b.empty()) return;
        const double margin = 1e-6 * std::max(b.width(), b.height()) + 1e-9 * (std::abs(b.xmax) + std::abs(b.ymax)) + 1e-9;
        b.xmin -= margin, b.ymin -= margin, b.xmax += margin, b.ymax += margin;
        changed.push_back(b);
    };
    for (std::size_t i = 0; i < from.size(); ++i)
        if (!from_unchanged[i]) add(from.shapes[i]);
    for (std::size_t j = 0; j < to.size(); ++j)
        if (!to_unchanged[j]) add(to.shapes[j]);
    std::vector<geometry::MultiPolygon> near(to.size());
    for (std::size_t j = 0; j < to.size(); ++j) {
        const geometry::Box b = geometry::bounds(to.shapes[j]);
        if (!to_unchanged[j] || std::any_of(changed.begin(), changed.end(), [&](const geometry::Box& c) { return c.intersects(b); }))
            near[j] = to.shapes[j];
    }
    return geometry::PointLocator(near);
}

geometry::RegionSet read_checked_input(const RegionSource& options, std::vector<std::string>& warnings,
                                       std::vector<io::AppliedFix>& fixes) {
    io::RegionReadOptions read{options.id, {}, {}, options.fixes(), {}};
    return io::read_regions(options.input(), read, warnings, nullptr, &fixes);
}

}  // namespace

CheckedRegions load_checked_regions(const RegionSource& options, unsigned threads, const WarningFn& warn) {
    if (options.cache) {
        RegionSource loaded_here = options;
        loaded_here.cache = nullptr;
        return options.cache->load(loaded_here, threads, warn);
    }
    std::vector<std::string> warnings;
    std::vector<io::AppliedFix> fixes;
    geometry::RegionSet regions = read_checked_input(options, warnings, fixes);
    add_repair_warnings(regions, geometry::repair_invalid(regions, threads), warnings);
    geometry::PointLocator locator(regions, 0, threads);
    settle_overlaps(options, regions, geometry::find_overlaps(regions, locator, threads, options.overlap_tolerance), warnings);
    if (warn)
        for (const auto& w : warnings) warn(w);
    return {std::move(regions), std::move(locator), std::move(warnings), std::move(fixes)};
}

CheckedVintages load_checked_vintages(const RegionSource& from_options, const RegionSource& to_options, unsigned threads,
                                      const WarningFn& warn, LocatorScope to_locator_scope) {
    // 1. Read both, one after the other: on two threads the reading (GDAL,
    // SQLite, PROJ set up per thread) took as long and half again the CPU.
    std::vector<std::string> from_warnings, to_warnings;
    std::vector<io::AppliedFix> from_fixes, to_fixes;
    geometry::RegionSet from = read_checked_input(from_options, from_warnings, from_fixes);
    geometry::RegionSet to = read_checked_input(to_options, to_warnings, to_fixes);

    // 2. Units unchanged between the vintages (as read, before any repair).
    // (With different overlap tolerances nothing carries over.)
    std::vector<std::int64_t> partner = geometry::identical_partners(from, to);
    if (from_options.overlap_tolerance != to_options.overlap_tolerance) partner.assign(partner.size(), -1);
    std::vector<char> known(to.size(), 0);
    std::vector<char> from_known(from.size(), 0);
    for (std::size_t i = 0; i < partner.size(); ++i)
        if (partner[i] >= 0) {
            known[static_cast<std::size_t>(partner[i])] = 1;
            from_known[i] = 1;
        }

    // 3. Validity: all of `from`, the rest of `to`; an unchanged unit repaired
    // in `from` gets the same repair in `to`.
    auto to_repairs = std::async(std::launch::async, [&] { return geometry::repair_invalid(to, threads, &known); });
    const std::vector<geometry::RepairNote> from_notes = geometry::repair_invalid(from, threads);
    std::vector<geometry::RepairNote> to_notes = to_repairs.get();
    for (const auto& note : from_notes)
        if (partner[note.region] >= 0) {
            const auto j = static_cast<std::size_t>(partner[note.region]);
            to.shapes[j] = from.shapes[note.region];
            to_notes.push_back({j, note.reason});
        }
    std::sort(to_notes.begin(), to_notes.end(),
              [](const geometry::RepairNote& a, const geometry::RepairNote& b) { return a.region < b.region; });
    add_repair_warnings(from, from_notes, from_warnings);
    add_repair_warnings(to, to_notes, to_warnings);

    // 4. Overlaps: all pairs of `from`; in `to` the pairs of two unchanged
    // units are those of their `from` partners.
    auto to_checked = std::async(std::launch::async, [&] {
        geometry::PointLocator locator =
            to_locator_scope == LocatorScope::All ? geometry::PointLocator(to) : locator_near_changes(from, to, from_known, known);
        auto overlaps = geometry::find_overlaps(to, locator, threads, to_options.overlap_tolerance, &known);
        return std::make_pair(std::move(locator), std::move(overlaps));
    });
    geometry::PointLocator from_locator(from, 0, threads);
    const auto from_overlaps = geometry::find_overlaps(from, from_locator, threads, from_options.overlap_tolerance);
    auto [to_locator, to_overlaps] = to_checked.get();
    for (const auto& o : from_overlaps) {
        if (!from_known[o.first] || !from_known[o.second]) continue;
        const auto a = static_cast<std::size_t>(partner[o.first]), b = static_cast<std::size_t>(partner[o.second]);
        // Significance is relative to the smaller unit, the same shapes in both.
        to_overlaps.push_back({std::min(a, b), std::max(a, b), o.area, o.significant});
    }
    std::sort(to_overlaps.begin(), to_overlaps.end(), [](const geometry::Overlap& x, const geometry::Overlap& y) {
        return x.first != y.first ? x.first < y.first : x.second < y.second;
    });
    settle_overlaps(from_options, from, from_overlaps, from_warnings);
    settle_overlaps(to_options, to, to_overlaps, to_warnings);
    if (warn) {
        for (const auto& w : from_warnings) warn(w);
        for (const auto& w : to_warnings) warn(w);
    }
    std::vector<std::pair<std::size_t, std::size_t>> from_overlapping, to_overlapping;
    for (const auto& o : from_overlaps) from_overlapping.emplace_back(o.first, o.second);
    for (const auto& o : to_overlaps) to_overlapping.emplace_back(o.first, o.second);
    return {CheckedRegions{std::move(from), std::move(from_locator), std::move(from_warnings), std::move(from_fixes)},
            CheckedRegions{std::move(to), std::move(to_locator), std::move(to_warnings), std::move(to_fixes)}, std::move(partner),
            std::move(from_overlapping), std::move(to_overlapping)};
}

}  // namespace regio::regions
