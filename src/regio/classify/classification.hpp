#pragma once
// Class breaks for choropleths with mapclassify's semantics
// (../shared/spec/choropleth.md §1): classes are given by ascending *upper*
// bounds; class 0 is (-inf, bins[0]], class j is (bins[j-1], bins[j]], so a
// value on a bound goes to the lower class. The last bound is max(y) (std-mean
// and manual bounds above the data are kept, giving empty classes).
#include "regio/error.hpp"
#include "regio/classify/method.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::classify {

// Std-mean bounds (§2.5): Plain uses `std_multiples` as given; Anchor also
// puts a bound on the mean itself (multiple 0), for diverging palettes
// centred on the mean.
enum class StdMeanVariant { Plain, Anchor };

struct Options {
    // Method::Manual: the user's ascending upper bounds (§2.7).
    std::vector<double> manual_breaks;
    // Method::Manual: the legend's lower bound; default min(y).
    std::optional<double> lowest;
    // Method::StdMean: bounds at mean + c * sample sd for each c (§2.5).
    std::vector<double> std_multiples{-2.0, -1.0, 1.0, 2.0};
    StdMeanVariant std_variant = StdMeanVariant::Plain;
    // Method::NaturalBreaks: required, because k-means is random (§2.4).
    std::optional<std::uint64_t> seed;
    // Method::NaturalBreaks: k-means++ starts; mapclassify uses 10.
    std::size_t kmeans_starts = 10;
    // Where the values come from (file, field), for the messages of data errors.
    Where source;
};

struct Classification {
    std::vector<double> bins;          // ascending upper bounds; bins.size() is the k used
    std::vector<std::size_t> counts;   // values per class
    double lowest = 0.0;               // legend lower bound of class 0
    std::size_t requested_k = 0;       // k asked for; manual: breaks given; head/tail, std-mean: bounds before duplicates went
    std::vector<std::string> warnings; // e.g. duplicate bounds removed, k reduced
    double gvf = 1.0;                  // goodness of variance fit = 1 - SDCM/SDAM (1 when SDAM = 0)
    double adcm = 0.0;                 // sum of absolute deviations around class medians
    Where source;                      // Options::source, for class_of's messages

    [[nodiscard]] std::size_t k() const { return bins.size(); }
};

// Classifies finite values. Non-finite values (NaN, ±inf) are dropped first;
// when all that remain are equal, every method but manual gives one class
// (bound = the value) with a warning, so that a constant field still maps;
// the caller shows them in the "no data" class (§5.2). Throws DataError when
// no finite value remains or the method cannot work on the data (equal
// interval on constant data, Fisher–Jenks with fewer distinct values than k),
// and UsageError for bad parameters (k = 0, unsorted manual breaks, natural
// breaks without a seed, options that do not belong to the method).
[[nodiscard]] Classification classify(std::vector<double> values, Method method, std::size_t k,
                                      const Options& options = {});

// The class of y: the first j with y <= bins[j]. Unlike mapclassify (which
// returns class 0), a value above the last bound is an error (§1): DataError.
[[nodiscard]] std::size_t class_of(const Classification& classes, double y);

}  // namespace regio::classify
