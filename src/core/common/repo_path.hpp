#pragma once
#include <string>
#include <string_view>

namespace slipway::core {

/// The project path of a repository address, as GitLab names projects:
/// "https://git.example.com/team/app.git", "ssh://git@host:2222/team/app"
/// and "git@host:team/app.git" all give "team/app". "" when there is none.
std::string RepoProjectPath(std::string_view repo_url);

}  // namespace slipway::core
