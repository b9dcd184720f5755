#include "core/common/git_branch.hpp"

namespace slipway::core {

namespace {

// One slash-separated component of a ref: what git refuses inside it.
std::optional<std::string> CheckRefComponent(std::string_view part) {
  if (part.empty())
    return "must not contain empty path components (\"//\", or a leading or trailing '/')";
  if (part.front() == '.') return "must not have a path component starting with '.'";
  if (part.ends_with(".lock")) return "must not have a path component ending with \".lock\"";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckGitBranch(std::string_view branch) {
  if (branch.empty() || branch.size() > 255) return "must be 1 to 255 characters (a Git branch)";
  if (branch == "@") return "must not be \"@\"";
  if (branch.front() == '-') return "must not start with '-'";
  if (branch.back() == '.') return "must not end with '.'";
  if (branch.find("..") != std::string_view::npos) return "must not contain \"..\"";
  if (branch.find("@{") != std::string_view::npos) return "must not contain \"@{\"";
  for (unsigned char c : branch) {
    if (c < 0x20 || c == 0x7f || c == ' ' || c == '~' || c == '^' || c == ':' || c == '?' ||
        c == '*' || c == '[' || c == '\\') {
      return "must not contain spaces, control characters or any of ~^:?*[\\ (a Git branch)";
    }
  }
  std::size_t start = 0;
  while (true) {
    auto slash = branch.find('/', start);
    auto part = branch.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (auto rule = CheckRefComponent(part)) return rule;
    if (slash == std::string_view::npos) return std::nullopt;
    start = slash + 1;
  }
}

}  // namespace slipway::core
