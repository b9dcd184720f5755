#include "core/common/repo_path.hpp"

namespace slipway::core {

std::string RepoProjectPath(std::string_view url) {
  std::string_view rest = url;
  if (auto scheme = rest.find("://"); scheme != std::string_view::npos) {
    rest.remove_prefix(scheme + 3);
    auto slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  } else if (auto colon = rest.find(':'); colon != std::string_view::npos) {
    rest.remove_prefix(colon + 1);  // scp-like git@host:team/app.git
  }
  while (rest.ends_with("/")) rest.remove_suffix(1);
  if (rest.ends_with(".git")) rest.remove_suffix(4);
  return std::string(rest);
}

}  // namespace slipway::core
