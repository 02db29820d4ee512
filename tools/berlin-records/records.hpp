#pragma once
// The model of the synthetic Berlin register extract (regio-make-berlin-records):
// the residents of one 2020 planning area, as the register counts them
// (tables t1 and t4 of 31.12.2020), cut into address records. No GDAL here:
// the counts of every planning area are reproduced exactly by its records,
// and that is checked before anything is placed or written.
#include "../demo-data/demo.hpp"  // regio_demo::Rng: seeded, independent of the standard library's distributions

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace berlin_records {

using regio_demo::Rng;

// Regions of origin of residents with a migration background (t4). Only
// groups that do not overlap are used: t4's "islamic countries" contains
// Turkey, Iran and the Arab countries (and overlaps the former Soviet Union
// and Yugoslavia), and the named countries are parts of these groups. The
// residents with a migration background not in any of them form `other`;
// that remainder is checked to be >= 0 in every planning area.
inline constexpr std::array<const char*, 9> kOrigins = {
    "european_union", "former_yugoslavia", "former_soviet_union", "turkey", "arabic_countries",
    "iran",           "vietnam",           "united_states",       "undefined"};
inline constexpr std::size_t kOther = kOrigins.size();  // origin index of `other`
inline constexpr std::size_t kNone = kOther + 1;        // no migration background

// The register counts of one planning area (t1 and the origin columns of t4).
struct AreaCounts {
    std::string id;
    std::int64_t inhabitants = 0;
    std::int64_t with_migration_background = 0;
    std::int64_t germans_without_migration_background = 0;
    std::int64_t germans_with_migration_background = 0;
    std::int64_t foreigners = 0;
    std::array<std::int64_t, kOrigins.size()> origins{};
};

// The columns of an address record after address_id, x, y; named as the
// register's columns, so that `aggregate points --weight` gives <column>_sum.
inline constexpr std::array<const char*, 6 + kOrigins.size()> kColumns = {
    "inhabitants", "inhabitants_with_migration_background", "inhabitants_germans",
    "inhabitants_germans_without_migration_background", "inhabitants_germans_with_migration_background",
    "inhabitants_foreigners", "inhabitants_from_european_union", "inhabitants_from_former_yugoslavia",
    "inhabitants_from_former_soviet_union", "inhabitants_from_turkey", "inhabitants_from_arabic_countries",
    "inhabitants_from_iran", "inhabitants_from_vietnam", "inhabitants_from_united_states", "inhabitants_from_undefined"};

using Record = std::array<std::int32_t, kColumns.size()>;

// Address records sizes are drawn uniformly from 1..kMaxResidents (mean 10.5,
// about the residents per residential building in Berlin).
inline constexpr std::int64_t kMaxResidents = 20;

// Checks the counts' identities (inhabitants = Germans + foreigners, migration
// background = Germans with one + foreigners, origin remainder >= 0); throws
// std::runtime_error naming the planning area and the identity.
void check_counts(const AreaCounts& area);

// The area's residents as address records: persons with a migration
// background get origins in a random order (so that citizenship and origin
// are independent within the area, the register publishing no cross table),
// the first `foreigners` of them are foreign citizens; then all persons are
// shuffled and cut into records of 1..kMaxResidents. The column sums of the
// records equal the area's counts exactly (checked; std::logic_error if not).
std::vector<Record> address_records(const AreaCounts& area, Rng& rng);

}  // namespace berlin_records
