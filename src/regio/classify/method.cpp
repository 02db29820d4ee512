#include "regio/classify/method.hpp"

#include "regio/error.hpp"

#include <array>
#include <utility>

namespace regio::classify {

namespace {

constexpr std::array<std::pair<std::string_view, Method>, 7> k_names{{
    {"quantile", Method::Quantile},
    {"equal", Method::EqualInterval},
    {"fisher-jenks", Method::FisherJenks},
    {"std-mean", Method::StdMean},
    {"head-tail", Method::HeadTail},
    {"manual", Method::Manual},
    {"natural-breaks", Method::NaturalBreaks},
}};

}  // namespace

Method parse_method(std::string_view text) {
    for (const auto& [name, method] : k_names)
        if (name == text) return method;
    std::string valid;
    for (const auto& entry : k_names) valid += (valid.empty() ? "" : ", ") + std::string(entry.first);
    throw UsageError("unknown classification method '" + std::string(text) + "'", {}, "valid methods: " + valid);
}

std::string_view method_name(Method method) {
    for (const auto& [name, m] : k_names)
        if (m == method) return name;
    return "unknown";
}

bool takes_k(Method method) {
    return method != Method::HeadTail && method != Method::Manual && method != Method::StdMean;
}

}  // namespace regio::classify
