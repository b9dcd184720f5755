#include "core/builds/jenkins_item_path.hpp"

#include "core/common/text_rules.hpp"

namespace slipway::core {

namespace {

constexpr std::string_view kUnsafe = "?*\\%!@#$^&|<>[]:;";

std::optional<std::string> CheckSegment(std::string_view name) {
  if (name.empty())
    return "must not have an empty segment (\"a//b\", or a leading or trailing '/')";
  if (name == "." || name == "..") return "must not have a '.' or '..' segment";
  if (name.front() == ' ' || name.back() == ' ')
    return "must not have segments starting or ending with a space";
  if (CheckSingleLine(name)) return "must not contain control characters";
  if (name.find_first_of(kUnsafe) != std::string_view::npos) {
    return "must not contain any of ? * \\ % ! @ # $ ^ & | < > [ ] : ; (Jenkins refuses them in "
           "item names)";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckJenkinsItemPath(std::string_view path) {
  if (path.empty()) return "must not be empty";
  while (true) {
    auto slash = path.find('/');
    if (auto rule = CheckSegment(path.substr(0, slash))) return rule;
    if (slash == std::string_view::npos) return std::nullopt;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace slipway::core
