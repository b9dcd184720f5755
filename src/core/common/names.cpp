#include "core/common/names.hpp"

namespace slipway::core {

namespace {
bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
}  // namespace

std::optional<std::string> CheckDns1123Label(std::string_view name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > 63) return "must be at most 63 characters";
  for (char c : name) {
    if (!IsLowerAlnum(c) && c != '-') {
      return "must consist of lower-case letters, digits and '-' (DNS-1123 label)";
    }
  }
  if (!IsLowerAlnum(name.front()) || !IsLowerAlnum(name.back())) {
    return "must start and end with a lower-case letter or digit (DNS-1123 label)";
  }
  return std::nullopt;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoll(std::string(text));
}

std::optional<std::string> CheckUsername(std::string_view name) {
  if (name.empty() || name.size() > 64) return "must be 1 to 64 characters";
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return "may contain only letters, digits, '.', '_' and '-'";
  }
  return CheckNotAnId(name);
}

std::optional<std::string> CheckNotAnId(std::string_view name) {
  if (!name.empty() && name.find_first_not_of("0123456789") == std::string_view::npos) {
    return "must not be all digits (it would read as an id)";
  }
  return std::nullopt;
}

std::string NameKey(std::string_view name) {
  std::string key(name);
  for (auto& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

std::optional<std::string> CheckImageTag(std::string_view tag) {
  const std::string rule =
      "must be 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";
  if (tag.empty() || tag.size() > 128 || tag.front() == '.' || tag.front() == '-') return rule;
  for (char c : tag) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) return rule;
  }
  return std::nullopt;
}

std::optional<std::string> CheckImageAddress(std::string_view image) {
  if (image.empty() || image.size() > 512) return "must be 1-512 characters";
  for (char c : image) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-' || c == '/' || c == ':' || c == '@';
    if (!ok) return "may hold only letters, digits and . _ - / : @";
  }
  auto slash = image.rfind('/');
  auto last = image.substr(slash == std::string_view::npos ? 0 : slash + 1);
  if (auto at = image.find('@'); at != std::string_view::npos) {
    auto digest = image.substr(at + 1);
    if (digest.size() != 71 || digest.substr(0, 7) != "sha256:" ||
        digest.substr(7).find_first_not_of("0123456789abcdef") != std::string_view::npos) {
      return "must end in @sha256:<64 lower-case hex digits> when it names a digest";
    }
    return std::nullopt;
  }
  auto colon = last.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    return "must name a tag (name:tag) or a digest (name@sha256:…)";
  if (auto rule = CheckImageTag(last.substr(colon + 1))) return "tag " + *rule;
  return std::nullopt;
}

}  // namespace slipway::core
