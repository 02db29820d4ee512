#pragma once
// Parameter checks of classify(), before any data are looked at: wrong
// parameters are usage errors (exit code 2), not data errors.
#include "regio/classify/classification.hpp"

namespace regio::classify {

// The one rule for a number of classes, whichever command or file gives it
// (regio classify --classes, regio map --classes, a style's `classes`):
// 1 to 20. One class is a legend of one colour (e.g. a constant field).
inline constexpr std::size_t kMinClasses = 1;
inline constexpr std::size_t kMaxClasses = 20;

// Throws UsageError naming `option` when k is outside [kMinClasses, kMaxClasses].
void check_class_count(std::size_t k, const std::string& option);

// "<method>: " for messages.
[[nodiscard]] std::string message_prefix(Method method);

// Throws UsageError for k = 0 on a method that takes k, options given to a
// method they do not belong to, natural breaks without a seed, non-finite or
// descending manual breaks, and a manual lowest bound above the first break.
void check_options(Method method, std::size_t k, const Options& options);

}  // namespace regio::classify
