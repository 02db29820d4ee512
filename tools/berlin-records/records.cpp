#include "records.hpp"

#include <fmt/core.h>

#include <numeric>
#include <stdexcept>

namespace berlin_records {
namespace {

// A person: origin index (kOrigins, kOther or kNone) and citizenship.
struct Person {
    std::uint8_t origin = kNone;
    bool foreign = false;
};

// Fisher-Yates with our own generator: the order depends only on the seed.
void shuffle(std::vector<Person>& persons, Rng& rng) {
    for (std::size_t i = persons.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.integer(0, static_cast<std::int64_t>(i) - 1));
        std::swap(persons[i - 1], persons[j]);
    }
}

void add_person(Record& r, const Person& p) {
    ++r[0];  // inhabitants
    if (p.origin != kNone) ++r[1];
    if (!p.foreign) ++r[2];
    if (!p.foreign && p.origin == kNone) ++r[3];
    if (!p.foreign && p.origin != kNone) ++r[4];
    if (p.foreign) ++r[5];
    if (p.origin < kOther) ++r[6 + p.origin];
}

}  // namespace

void check_counts(const AreaCounts& a) {
    const auto fail = [&](const std::string& what) {
        throw std::runtime_error(fmt::format("planning area {}: {}", a.id, what));
    };
    if (a.inhabitants != a.germans_without_migration_background + a.germans_with_migration_background + a.foreigners)
        fail("inhabitants != Germans without + Germans with a migration background + foreigners");
    if (a.with_migration_background != a.germans_with_migration_background + a.foreigners)
        fail("with a migration background != Germans with one + foreigners");
    const std::int64_t origins = std::accumulate(a.origins.begin(), a.origins.end(), std::int64_t{0});
    if (origins > a.with_migration_background)
        fail(fmt::format("the origin groups sum to {}, more than the {} residents with a migration background", origins,
                         a.with_migration_background));
    for (std::int64_t v : {a.inhabitants, a.germans_without_migration_background, a.germans_with_migration_background, a.foreigners})
        if (v < 0) fail("a negative count");
    for (std::int64_t v : a.origins)
        if (v < 0) fail("a negative origin count");
}

std::vector<Record> address_records(const AreaCounts& a, Rng& rng) {
    std::vector<Person> background;
    background.reserve(static_cast<std::size_t>(a.with_migration_background));
    for (std::size_t k = 0; k < kOrigins.size(); ++k)
        background.insert(background.end(), static_cast<std::size_t>(a.origins[k]), Person{static_cast<std::uint8_t>(k), false});
    background.resize(static_cast<std::size_t>(a.with_migration_background), Person{static_cast<std::uint8_t>(kOther), false});
    shuffle(background, rng);
    for (std::size_t i = 0; i < static_cast<std::size_t>(a.foreigners); ++i) background[i].foreign = true;

    std::vector<Person> persons = std::move(background);
    persons.resize(static_cast<std::size_t>(a.inhabitants), Person{static_cast<std::uint8_t>(kNone), false});
    shuffle(persons, rng);

    std::vector<Record> records;
    for (std::size_t next = 0; next < persons.size();) {
        const auto size = static_cast<std::size_t>(rng.integer(1, kMaxResidents));
        Record r{};
        for (std::size_t end = std::min(persons.size(), next + size); next < end; ++next) add_person(r, persons[next]);
        records.push_back(r);
    }

    // The records must give back the register's counts exactly.
    Record sum{};
    for (const Record& r : records)
        for (std::size_t c = 0; c < sum.size(); ++c) sum[c] += r[c];
    Record expected{};
    expected[0] = static_cast<std::int32_t>(a.inhabitants);
    expected[1] = static_cast<std::int32_t>(a.with_migration_background);
    expected[2] = static_cast<std::int32_t>(a.germans_without_migration_background + a.germans_with_migration_background);
    expected[3] = static_cast<std::int32_t>(a.germans_without_migration_background);
    expected[4] = static_cast<std::int32_t>(a.germans_with_migration_background);
    expected[5] = static_cast<std::int32_t>(a.foreigners);
    for (std::size_t k = 0; k < kOrigins.size(); ++k) expected[6 + k] = static_cast<std::int32_t>(a.origins[k]);
    if (sum != expected) throw std::logic_error("planning area " + a.id + ": the records do not reproduce the register counts");
    return records;
}

}  // namespace berlin_records
