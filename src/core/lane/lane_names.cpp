#include "core/lane/lane_names.hpp"

#include <cctype>

#include "core/common/names.hpp"

namespace slipway::core {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::optional<std::string> CheckLaneName(std::string_view name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > kMaxLaneNameLength) {
    return "must be at most " + std::to_string(kMaxLaneNameLength) + " characters";
  }
  for (char c : name) {
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') {
      return "may hold only letters, digits, '-', '_' and '.'";
    }
  }
  if (!IsAlnum(name.front()) || !IsAlnum(name.back()))
    return "must start and end with a letter or digit";
  if (name.find("..") != std::string_view::npos) return "must not contain \"..\"";
  if (auto id = CheckNotAnId(name)) return id;
  if (LaneNamespace(name).empty()) return "leaves no Kubernetes namespace";
  return std::nullopt;
}

std::string LaneNamespace(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    out.push_back(IsAlnum(c) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                             : '-');
  }
  // Non-ASCII bytes are not alnum in the C locale: they became '-' above.
  auto first = out.find_first_not_of('-');
  if (first == std::string::npos) return "";
  out.erase(0, first);
  if (out.size() > 63) out.resize(63);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string LaneBranch(std::string_view name) { return "feature/" + std::string(name); }

std::string LaneJenkinsFolder(std::string_view name) { return std::string(name); }

std::string LaneJobPath(std::string_view name, std::string_view app) {
  return LaneJenkinsFolder(name) + "/" + std::string(app);
}

std::string LaneConfigBranch(std::string_view name) { return "feature-" + LaneNamespace(name); }

std::string LaneInternalDomain(std::string_view service, std::string_view name) {
  return std::string(service) + "." + LaneNamespace(name);
}

std::string LaneExternalDomain(std::string_view business_domain, std::string_view name,
                               std::string_view suffix) {
  return std::string(business_domain) + "-" + LaneNamespace(name) + "." + std::string(suffix);
}

std::optional<std::string> CheckBusinessDomain(std::string_view domain) {
  if (domain.size() > kMaxBusinessDomainLength) {
    return "must be at most " + std::to_string(kMaxBusinessDomainLength) + " characters";
  }
  return CheckDns1123Label(domain);
}

std::string LaneConsumerGroup(std::string_view group, std::string_view name) {
  return std::string(group) + "-" + LaneNamespace(name);
}

std::string LaneImageTag(std::string_view name, std::string_view commit_sha) {
  return LaneNamespace(name) + "-" + std::string(commit_sha.substr(0, 8));
}

std::string LaneManualImageTag(std::string_view name) { return LaneNamespace(name) + "-manual"; }

}  // namespace slipway::core
