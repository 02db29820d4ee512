// classify(): checks, dispatch to the methods of
// ../shared/spec/choropleth.md §2, and the common mapclassify rules of §1
// (duplicate bounds removed with a warning, counts by upper bounds).
#include "regio/classify/breaks.hpp"
#include "regio/classify/classification.hpp"
#include "regio/classify/fisher_jenks.hpp"
#include "regio/classify/fit.hpp"
#include "regio/classify/options_check.hpp"
#include "regio/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace regio::classify {

namespace {

// The raw bounds of one method, before duplicates are removed.
std::vector<double> raw_bins(const std::vector<double>& s, Method method, std::size_t k, const Options& options,
                             std::vector<std::string>& warnings) {
    const std::string who = message_prefix(method);
    switch (method) {
    case Method::Quantile: return detail::quantile_breaks(s, k);
    case Method::EqualInterval:  // constant data never get here (one class)
        return detail::equal_interval_breaks(s, k);
    case Method::FisherJenks: {
        std::vector<double> distinct;
        std::unique_copy(s.begin(), s.end(), std::back_inserter(distinct));
        if (distinct.size() < k)
            throw DataError(who + fmt::format("{} classes need at least {} distinct values, but there are {}", k, k,
                                              distinct.size()), options.source, fmt::format("use k <= {}", distinct.size()));
        return fisher_jenks_breaks(s, k);
    }
    case Method::StdMean: {
        std::vector<double> multiples = options.std_multiples;
        if (options.std_variant == StdMeanVariant::Anchor &&
            std::find(multiples.begin(), multiples.end(), 0.0) == multiples.end())
            multiples.push_back(0.0);
        return detail::std_mean_breaks(s, std::move(multiples));
    }
    case Method::HeadTail: return detail::head_tail_breaks(s);
    case Method::Manual: {
        std::vector<double> bins = options.manual_breaks;
        if (bins.back() < s.back()) {
            warnings.push_back(who + fmt::format("the last break {} is below the maximum {}, which was added as the last bound",
                                                 bins.back(), s.back()));
            bins.push_back(s.back());
        }
        return bins;
    }
    case Method::NaturalBreaks: {
        std::vector<double> distinct;
        std::unique_copy(s.begin(), s.end(), std::back_inserter(distinct));
        if (distinct.size() <= k) {
            // §2.4: with no more distinct values than k, the bounds are the values.
            if (distinct.size() < k)
                warnings.push_back(who + fmt::format("only {} distinct values; each is a class", distinct.size()));
            return distinct;
        }
        return detail::natural_breaks(s, k, *options.seed, options.kmeans_starts);
    }
    }
    throw UsageError("unknown classification method");
}

}  // namespace

Classification classify(std::vector<double> values, Method method, std::size_t k, const Options& options) {
    check_options(method, k, options);
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty())
        throw DataError(message_prefix(method) + "no values to classify (every value is empty, not a number or not finite)",
                        options.source);
    std::sort(values.begin(), values.end());

    Classification out;
    out.source = options.source;
    // A constant field is one class whatever the method (equal intervals and
    // Fisher-Jenks could not cut it; the others would only make duplicates):
    // the map still shows it, and says so.
    const bool constant = values.front() == values.back() && method != Method::Manual;
    if (constant)
        out.warnings.push_back(message_prefix(method) +
                               fmt::format("all {} values are {}: one class", values.size(), values.front()));
    out.bins = constant ? std::vector<double>{values.front()} : raw_bins(values, method, k, options, out.warnings);
    // §1: remove duplicate bounds (numpy.unique); k shrinks, with a warning.
    const std::size_t raw = out.bins.size();
    out.bins.erase(std::unique(out.bins.begin(), out.bins.end()), out.bins.end());
    if (out.bins.size() < raw)
        out.warnings.push_back(message_prefix(method) +
                               fmt::format("{} duplicate class bounds removed (ties in the data)", raw - out.bins.size()));
    out.requested_k = takes_k(method) ? k : (method == Method::Manual ? options.manual_breaks.size() : raw);
    if (out.bins.size() < out.requested_k)  // §1: the tool must report the k actually used
        out.warnings.push_back(message_prefix(method) +
                               fmt::format("{} classes requested, {} used", out.requested_k, out.bins.size()));

    // Counts by upper bounds: class j holds (bins[j-1], bins[j]].
    std::size_t below = 0;
    for (double bound : out.bins) {
        const auto upto = static_cast<std::size_t>(std::upper_bound(values.begin(), values.end(), bound) - values.begin());
        out.counts.push_back(upto - below);
        below = upto;
    }

    if (options.lowest) {
        if (*options.lowest > values.front())
            throw DataError(message_prefix(method) +
                            fmt::format("the value {} lies below the lowest bound {}", values.front(), *options.lowest),
                            options.source);
        out.lowest = *options.lowest;
    } else {
        // Legend [min, b0]; a bound below the data (std-mean) extends it so the
        // legend never reads backwards.
        out.lowest = std::min(values.front(), out.bins.front());
    }

    if (method == Method::StdMean) {
        // §2.5 leaves empty classes to the tool: we keep them (count 0).
        const auto empty = static_cast<std::size_t>(std::count(out.counts.begin(), out.counts.end(), std::size_t{0}));
        if (empty > 0)
            out.warnings.push_back(message_prefix(method) +
                                   fmt::format("{} classes are empty (bounds outside the data); kept in the legend with count 0",
                                               empty));
    }

    const Fit fit = measure_fit(values, out.counts);
    out.gvf = fit.gvf;
    out.adcm = fit.adcm;
    return out;
}

std::size_t class_of(const Classification& classes, double y) {
    if (std::isnan(y)) throw DataError("cannot classify NaN: it belongs to the no-data class", classes.source);
    const auto it = std::lower_bound(classes.bins.begin(), classes.bins.end(), y);
    if (it == classes.bins.end())
        throw DataError(fmt::format("the value {} is above the last class bound {}", y,
                                    classes.bins.empty() ? std::nan("") : classes.bins.back()),
                        classes.source, "classify with data that include this value, or use manual breaks that cover it");
    return static_cast<std::size_t>(it - classes.bins.begin());
}

}  // namespace regio::classify
