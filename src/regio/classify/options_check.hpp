#pragma once
// Parameter checks of classify(), before any data are looked at: wrong
// parameters are usage errors (exit code 2), not data errors.
#include "regio/classify/classification.hpp"

namespace regio::classify {

// "<method>: " for messages.
[[nodiscard]] std::string message_prefix(Method method);

// Throws UsageError for k = 0 on a method that takes k, options given to a
// method they do not belong to, natural breaks without a seed, non-finite or
// descending manual breaks, and a manual lowest bound above the first break.
void check_options(Method method, std::size_t k, const Options& options);

}  // namespace regio::classify
