#include "connectors/gitlab/push_event.hpp"

#include <sodium.h>

#include <boost/json.hpp>

namespace slipway::connectors::gitlab {

namespace {

std::string Str(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t Int(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

const boost::json::object& Obj(const boost::json::object& o, std::string_view key) {
  static const boost::json::object empty;
  const auto* v = o.if_contains(key);
  return v && v->is_object() ? v->as_object() : empty;
}

}  // namespace

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
  if (Str(o, "object_kind") != "push") {
    return core::Invalid("gitlab: object_kind is '" + Str(o, "object_kind") + "', not 'push'");
  }
  PushEvent e;
  e.ref = Str(o, "ref");
  e.before = Str(o, "before");
  e.after = Str(o, "after");
  if (e.ref.empty() || e.before.size() != 40 || e.after.size() != 40) {
    return core::Invalid("gitlab: the push hook lacks ref, before or after");
  }
  if (e.ref.starts_with("refs/heads/")) e.branch = e.ref.substr(11);
  if (const auto* c = o.if_contains("checkout_sha"); c && c->is_string())
    e.checkout_sha = std::string(c->as_string());
  const auto& project = Obj(o, "project");
  e.project_id = Int(o, "project_id") != 0 ? Int(o, "project_id") : Int(project, "id");
  e.project_path = Str(project, "path_with_namespace");
  e.user_name = Str(o, "user_name");
  e.user_username = Str(o, "user_username");
  e.user_email = Str(o, "user_email");
  e.total_commits_count = Int(o, "total_commits_count");
  if (const auto* commits = o.if_contains("commits"); commits && commits->is_array()) {
    for (const auto& v : commits->as_array()) {
      if (!v.is_object()) continue;
      const auto& c = v.as_object();
      const auto& author = Obj(c, "author");
      e.commits.push_back({Str(c, "id"), Str(c, "title"), Str(c, "message"), Str(c, "timestamp"),
                           Str(c, "url"), Str(author, "name"), Str(author, "email")});
    }
  }
  return e;
}

}  // namespace slipway::connectors::gitlab
