#include "http/router.hpp"

namespace slipway::http {

namespace {
std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

std::string_view PermissionName(Permission p) {
  switch (p) {
    case Permission::kPublic:
      return "public";
    case Permission::kAuthenticated:
      return "authenticated";
    case Permission::kDeveloper:
      return "developer";
    case Permission::kAdmin:
      return "admin";
    case Permission::kAppRead:
      return "app.read";
    case Permission::kAppWrite:
      return "app.write";
    case Permission::kAppOwner:
      return "app.owner";
    case Permission::kAppApprove:
      return "app.approve";
  }
  return "";
}

void Router::Add(std::string method, std::string pattern, Permission permission,
                 RouteHandler handler, const std::atomic<std::uint64_t>* cache_generation) {
  segments_.push_back(Split(pattern));
  routes_.push_back(
      {std::move(method), std::move(pattern), permission, std::move(handler), cache_generation});
}

void Router::Add(std::string method, std::string pattern, Permission permission,
                 BodyRouteHandler handler) {
  Add(std::move(method), std::move(pattern), permission,
      [handler = std::move(handler)](Call& call) { return handler(call, call.body); });
  routes_.back().takes_body = true;
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match match;
  if (path.empty() || path.front() != '/') return match;
  auto parts = Split(path);
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& pattern = segments_[i];
    if (pattern.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t j = 0; j < parts.size() && ok; ++j) {
      const auto& seg = pattern[j];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        ok = !parts[j].empty();
        params[seg.substr(1, seg.size() - 2)] = parts[j];
      } else {
        ok = seg == parts[j];
      }
    }
    if (!ok) continue;
    const std::string& served = routes_[i].method;
    match.allowed_methods.push_back(served);
    // RFC 9110 §9.3.2: HEAD is served wherever GET is (the server drops the body).
    if (served == "GET") match.allowed_methods.push_back("HEAD");
    if (served == method || (method == "HEAD" && served == "GET")) {
      match.route = &routes_[i];
      match.params = std::move(params);
      return match;
    }
  }
  return match;
}

}  // namespace slipway::http
