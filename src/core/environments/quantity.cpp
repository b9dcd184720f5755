#include "core/environments/quantity.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace slipway::core {

namespace {

constexpr std::pair<std::string_view, double> kSuffixes[] = {
    {"Ki", 1024.0},
    {"Mi", 1048576.0},
    {"Gi", 1073741824.0},
    {"Ti", 1099511627776.0},
    {"Pi", 1125899906842624.0},
    {"Ei", 1152921504606846976.0},
    {"m", 1e-3},
    {"k", 1e3},
    {"M", 1e6},
    {"G", 1e9},
    {"T", 1e12},
    {"P", 1e15},
    {"E", 1e18},
};

// The largest quantity Kubernetes represents (resource.Quantity: "no
// quantity may represent a number greater than 2^63-1").
constexpr double kMaxQuantity = 9223372036854775807.0;

std::optional<double> InRange(double value) {
  if (!std::isfinite(value) || value > kMaxQuantity) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> ParseQuantity(std::string_view text) {
  // <number> ::= digits [. digits] | . digits ; then an optional suffix or exponent.
  std::size_t i = 0;
  if (i < text.size() && text[i] == '+') ++i;
  std::size_t start = i;
  bool digits = false;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, digits = true;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, digits = true;
  }
  if (!digits) return std::nullopt;
  std::string number(text.substr(start, i - start));
  double value = std::strtod(number.c_str(), nullptr);
  std::string_view rest = text.substr(i);
  if (rest.empty()) return InRange(value);
  if (rest.front() == 'e' || rest.front() == 'E') {
    // A decimal exponent ("1e3"); "E" alone is the exa suffix, "Ei" the exbi one.
    if (rest.size() > 1 && rest != "Ei") {
      int exponent = 0;
      std::size_t sign = (rest[1] == '+' || rest[1] == '-') ? 1 : 0;
      auto exp_text = rest.substr(1 + sign);
      if (exp_text.empty()) return std::nullopt;
      auto [end, ec] =
          std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
      if (ec != std::errc() || end != exp_text.data() + exp_text.size()) return std::nullopt;
      if (rest[1] == '-') exponent = -exponent;
      return value == 0 ? 0.0 : InRange(value * std::pow(10.0, exponent));
    }
  }
  for (const auto& [suffix, factor] : kSuffixes) {
    if (rest == suffix) return InRange(value * factor);
  }
  return std::nullopt;
}

}  // namespace slipway::core
