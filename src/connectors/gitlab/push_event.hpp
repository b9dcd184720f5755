#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors::gitlab {

/// 40 zeros: `before` of a new branch, `after` of a deleted one.
inline constexpr std::string_view kZeroSha = "0000000000000000000000000000000000000000";

struct PushCommit {
  std::string id{};
  std::string title{};
  std::string message{};
  std::string timestamp{};
  std::string url{};
  std::string author_name{};
  std::string author_email{};
};

/// What Slipway takes from a GitLab push hook delivery.
struct PushEvent {
  std::int64_t project_id = 0;
  std::string project_path{};  ///< path_with_namespace, "group/app"
  std::string ref{};           ///< "refs/heads/main"
  std::string branch{};        ///< "main"; "" for tag pushes
  std::string before{};
  std::string after{};
  std::optional<std::string> checkout_sha{};  ///< null when the branch was deleted
  std::vector<PushCommit> commits{};          ///< the newest 20 at most
  std::int64_t total_commits_count = 0;
  std::string user_name{};
  std::string user_username{};
  std::string user_email{};

  bool branch_created() const { return before == kZeroSha; }
  bool branch_deleted() const { return after == kZeroSha; }
};

/// Checks and parses one delivery: `X-Gitlab-Event` must be "Push Hook"
/// (else kInvalid), `X-Gitlab-Token` must equal `secret` — compared in
/// constant time, so timing does not reveal it (else kUnauthenticated) —
/// and the body must be a push event (else kInvalid). Pure; thread-safe.
core::Result<PushEvent> ParsePushHook(std::string_view event_header, std::string_view token_header,
                                      std::string_view body, std::string_view secret);

/// Constant-time equality of two secrets (lengths may differ).
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace slipway::connectors::gitlab
