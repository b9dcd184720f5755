#include "connectors/gitlab/push_event.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "core/common/json_path.hpp"

namespace slipway::connectors::gitlab {

bool SecretsEqual(std::string_view a, std::string_view b) {
  // Hashing first gives equal-length inputs, so neither the position of the
  // first difference nor the secret's length leaks through timing.
  unsigned char ha[crypto_hash_sha256_BYTES];
  unsigned char hb[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(ha, reinterpret_cast<const unsigned char*>(a.data()), a.size());
  crypto_hash_sha256(hb, reinterpret_cast<const unsigned char*>(b.data()), b.size());
  return sodium_memcmp(ha, hb, sizeof ha) == 0;
}

core::Result<PushEvent> ParsePushHook(std::string_view event_header, std::string_view token_header,
                                      std::string_view body, std::string_view secret) {
  if (event_header != "Push Hook") {
    return core::Invalid("gitlab: not a push hook (X-Gitlab-Event: '" + std::string(event_header) +
                         "')");
  }
  if (secret.empty() || !SecretsEqual(token_header, secret)) {
    return core::Unauthenticated("gitlab: the webhook's X-Gitlab-Token does not match");
  }
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object())
    return core::Invalid("gitlab: the push hook body is not a JSON object");
  const auto& o = parsed.as_object();
  if (core::StringAt(o, {"object_kind"}) != "push") {
    return core::Invalid("gitlab: object_kind is '" + core::StringAt(o, {"object_kind"}) +
                         "', not 'push'");
  }
  PushEvent e;
  e.ref = core::StringAt(o, {"ref"});
  e.before = core::StringAt(o, {"before"});
  e.after = core::StringAt(o, {"after"});
  if (e.ref.empty() || e.before.size() != 40 || e.after.size() != 40) {
    return core::Invalid("gitlab: the push hook lacks ref, before or after");
  }
  if (e.ref.starts_with("refs/heads/")) e.branch = e.ref.substr(11);
  if (const auto* c = o.if_contains("checkout_sha"); c && c->is_string())
    e.checkout_sha = std::string(c->as_string());
  e.project_id = core::IntAt(o, {"project_id"});
  if (e.project_id == 0) e.project_id = core::IntAt(o, {"project", "id"});
  e.project_path = core::StringAt(o, {"project", "path_with_namespace"});
  e.user_name = core::StringAt(o, {"user_name"});
  e.user_username = core::StringAt(o, {"user_username"});
  e.user_email = core::StringAt(o, {"user_email"});
  e.total_commits_count = core::IntAt(o, {"total_commits_count"});
  if (const auto* commits = o.if_contains("commits"); commits && commits->is_array()) {
    for (const auto& v : commits->as_array()) {
      if (!v.is_object()) continue;
      const auto& c = v.as_object();
      e.commits.push_back({core::StringAt(c, {"id"}), core::StringAt(c, {"title"}),
                           core::StringAt(c, {"message"}), core::StringAt(c, {"timestamp"}),
                           core::StringAt(c, {"url"}), core::StringAt(c, {"author", "name"}),
                           core::StringAt(c, {"author", "email"})});
    }
  }
  return e;
}

}  // namespace slipway::connectors::gitlab
