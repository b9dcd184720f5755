#include "sandbox/kubernetes/api_path.hpp"

#include <vector>

namespace slipway::sandbox::kube {

namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::optional<ApiPath> ParseApiPath(const std::string& path) {
  auto parts = Split(path);
  std::string group, version;
  size_t i = 0;
  if (parts.size() >= 2 && parts[0] == "api") {
    version = parts[1];
    i = 2;
  } else if (parts.size() >= 3 && parts[0] == "apis") {
    group = parts[1];
    version = parts[2];
    i = 3;
  } else {
    return std::nullopt;
  }
  ApiPath out;
  if (i < parts.size() && parts[i] == "watch") {
    out.legacy_watch = true;
    ++i;
  }
  std::vector<std::string> rest(parts.begin() + static_cast<long>(i), parts.end());
  if (rest.empty()) return std::nullopt;
  // namespaces/<ns>/<plural>… is a namespaced path unless the third segment
  // is a namespace subresource (namespaces/<ns>/status, /finalize).
  if (rest.size() >= 3 && rest[0] == "namespaces" &&
      (!group.empty() || (rest[2] != "status" && rest[2] != "finalize"))) {
    out.ns = rest[1];
    rest.erase(rest.begin(), rest.begin() + 2);
  }
  out.type = FindResource(group, version, rest[0]);
  if (!out.type) return std::nullopt;
  if (!out.ns.empty() && !out.type->namespaced) return std::nullopt;
  if (rest.size() >= 2) out.name = rest[1];
  if (rest.size() >= 3) out.sub = rest[2];
  if (rest.size() > 3) return std::nullopt;
  if (!out.sub.empty()) {
    bool known = false;
    for (auto s : out.type->subresources) known = known || s == out.sub;
    if (!known) return std::nullopt;
  }
  return out;
}

}  // namespace slipway::sandbox::kube
