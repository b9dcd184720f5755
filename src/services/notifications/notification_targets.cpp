#include "services/notifications/notification_targets.hpp"

namespace slipway::services {

namespace {

// A value keeps its last four characters when long enough that they give
// nothing away, so people can tell two tokens apart.
std::string Masked(std::string_view value) {
  if (value.size() < 12) return value.empty() ? "" : "…";
  return "…" + std::string(value.substr(value.size() - 4));
}

std::string MaskQuery(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    out += (out.empty() ? "" : "&") + std::string(pair.substr(0, eq));
    if (eq != std::string_view::npos) out += "=" + Masked(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

std::string MaskPath(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    auto slash = path.find('/', 1);
    auto segment = path.substr(0, slash);  // with its leading '/'
    out += segment.size() > 16 ? "/" + Masked(segment.substr(1)) : std::string(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

}  // namespace

std::optional<std::string> CheckTargetUrl(std::string_view type, std::string_view url) {
  std::size_t rest = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  if (rest == 0) return "must start with http:// or https://";
  if (url.size() > 2048) return "must be at most 2048 characters";
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7f) return "must not contain blanks or control characters";
  }
  auto host_end = url.find_first_of("/?#", rest);
  if (url.substr(rest, host_end == std::string_view::npos ? url.npos : host_end - rest).empty()) {
    return "must name a host";
  }
  if (type == "dingtalk") {
    auto query = url.find('?');
    if (query == std::string_view::npos ||
        url.find("access_token=", query) == std::string_view::npos) {
      return "must be the robot's webhook URL with its access_token";
    }
  }
  return std::nullopt;
}

std::string MaskUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "…";
  auto rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));
  auto authority_end = rest.find_first_of("/?");
  auto authority = rest.substr(0, authority_end);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string out = std::string(url.substr(0, scheme_end + 3)) + std::string(authority);
  if (authority_end == std::string_view::npos) return out;
  rest.remove_prefix(authority_end);
  auto q = rest.find('?');
  out += MaskPath(rest.substr(0, q));
  if (q != std::string_view::npos) out += "?" + MaskQuery(rest.substr(q + 1));
  return out;
}

}  // namespace slipway::services
