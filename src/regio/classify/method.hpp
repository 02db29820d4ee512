#pragma once
// The classification methods of ../shared/spec/choropleth.md §2, and their
// names as written on the command line and in style files.
#include <string>
#include <string_view>

namespace regio::classify {

enum class Method {
    Quantile,       // §2.2, Hyndman–Fan type 7, ties collapsed
    EqualInterval,  // §2.1
    FisherJenks,    // §2.3, exact optimum
    StdMean,        // §2.5, k from the multiples
    HeadTail,       // §2.6, k is an output
    Manual,         // §2.7, user-defined upper bounds
    NaturalBreaks,  // §2.4, seeded k-means
};

// "quantile", "equal", "fisher-jenks", "std-mean", "head-tail", "manual",
// "natural-breaks". Throws UsageError listing these for anything else.
[[nodiscard]] Method parse_method(std::string_view text);

// The inverse of parse_method.
[[nodiscard]] std::string_view method_name(Method method);

// Whether k is an input of the method. Head/tail derives k from the data,
// std-mean from its multiples, manual from the breaks; they ignore k.
[[nodiscard]] bool takes_k(Method method);

}  // namespace regio::classify
