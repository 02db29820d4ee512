#include "regio/classify/options_check.hpp"

#include "regio/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace regio::classify {

std::string message_prefix(Method method) {
    return std::string(method_name(method)) + ": ";
}

void check_class_count(std::size_t k, const std::string& option) {
    if (k < kMinClasses || k > kMaxClasses)
        throw UsageError(fmt::format("{} {}: the number of classes must be {} to {}", option, k, kMinClasses, kMaxClasses));
}

void check_options(Method method, std::size_t k, const Options& options) {
    const std::string who = message_prefix(method);
    if (takes_k(method)) check_class_count(k, who + "k =");
    if (method != Method::Manual && !options.manual_breaks.empty())
        throw UsageError(who + "breaks were given, but they apply only to method 'manual'");
    if (method != Method::Manual && options.lowest)
        throw UsageError(who + "a lowest bound was given, but it applies only to method 'manual'");
    if (method == Method::NaturalBreaks && !options.seed)
        throw UsageError(who + "k-means natural breaks are random and need a fixed seed",
                         {}, "give a seed, or use 'fisher-jenks', the exact optimum k-means approximates");
    if (method == Method::StdMean) {
        if (options.std_multiples.empty() && options.std_variant == StdMeanVariant::Plain)
            throw UsageError(who + "no standard-deviation multiples given");
        for (double c : options.std_multiples)
            if (!std::isfinite(c)) throw UsageError(who + "standard-deviation multiples must be finite");
    }
    if (method == Method::Manual) {
        const auto& b = options.manual_breaks;
        if (b.empty()) throw UsageError(who + "no breaks given");
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (!std::isfinite(b[i])) throw UsageError(who + "breaks must be finite numbers");
            if (i > 0 && b[i] < b[i - 1])
                throw UsageError(who + fmt::format("breaks must be ascending upper bounds, but {} follows {}", b[i], b[i - 1]));
        }
        if (options.lowest && (!std::isfinite(*options.lowest) || *options.lowest > b.front()))
            throw UsageError(who + fmt::format("the lowest bound {} must be finite and not above the first break {}",
                                               *options.lowest, b.front()));
    }
}

}  // namespace regio::classify
