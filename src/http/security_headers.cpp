#include "http/security_headers.hpp"

#include <algorithm>
#include <cctype>

namespace slipway::http {

namespace {

bool Has(const Response& r, std::string_view name) {
  return std::any_of(r.headers.begin(), r.headers.end(), [&](const auto& h) {
    return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) ==
             std::tolower(static_cast<unsigned char>(b));
    });
  });
}

void Add(Response& r, const char* name, std::string value) {
  if (!Has(r, name)) r.headers.emplace_back(name, std::move(value));
}

}  // namespace

void AddSecurityHeaders(Response& r) {
  Add(r, "X-Content-Type-Options", "nosniff");
  Add(r, "X-Frame-Options", "DENY");
  Add(r, "Referrer-Policy", "no-referrer");
  Add(r, "Content-Security-Policy", r.route == "console" ? kConsolePolicy : kApiPolicy);
}

}  // namespace slipway::http
