#include "app/config.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "app/config_connectors.hpp"
#include "app/config_section.hpp"
#include "connectors/address_policy.hpp"
#include "connectors/yaml_keys.hpp"
#include "core/builds/jenkins_item_path.hpp"
#include "core/lane/lane_rewrite.hpp"
#include "services/notifications/notification_targets.hpp"

namespace slipway::app {

namespace {

// builds.job_path with its placeholders filled in by plain names.
std::string JobPathExample(std::string path) {
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"{app}", "app"}, {"{team}", "team"}}) {
    for (auto at = path.find(from); at != std::string::npos; at = path.find(from, at + to.size())) {
      path.replace(at, from.size(), to);
    }
  }
  return path;
}

void ReadReleaseSettings(Section& top, Config& c) {
  {
    auto e = top.Child("environments");
    e.Get("types", c.environments.env_types);
    if (c.environments.env_types.empty())
      throw std::runtime_error("environments.types must list at least one env type");
    for (const auto& t : c.environments.env_types) {
      if (t.empty() || t.size() > 20 ||
          t.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        throw std::runtime_error("environments.types: '" + t +
                                 "' must be 1-20 lower-case letters, digits or '-'");
      }
    }
  }
  {
    auto b = top.Child("builds");
    b.Get("job_path", c.builds.job_path);
    // Checked with sample names: {app} is a DNS label, {team} is checked when a build starts.
    if (auto rule = core::CheckJenkinsItemPath(JobPathExample(c.builds.job_path))) {
      throw std::runtime_error("builds.job_path " + *rule);
    }
    b.Get("image_namespace", c.builds.image_namespace);
    b.Get("create_missing_jobs", c.builds.create_missing_jobs);
    b.GetRange<std::int64_t>("poll_interval_ms", c.builds.poll_interval_ms, 100, 60'000);
    b.GetRange<std::int64_t>("trigger_recovery_ms", c.builds.trigger_recovery_ms, 10'000,
                             24 * 3600'000);
    b.GetRange<std::int64_t>("outage_ms", c.builds.outage_ms, 10'000, 24 * 3600'000);
    b.GetRange<std::int64_t>("log_max_bytes", c.builds.log_max_bytes, 1024, std::int64_t(1) << 30);
  }
  {
    auto f = top.Child("config_files");
    f.Get("consul_prefix", c.config_files.consul_prefix);
    f.Get("apollo_envs", c.config_files.apollo_envs);
    f.Get("apollo_operator", c.config_files.apollo_operator);
    const auto& prefix = c.config_files.consul_prefix;
    if (prefix.find("//") != std::string::npos ||
        prefix.find_first_of(" \t\n") != std::string::npos) {
      throw std::runtime_error(
          "config_files.consul_prefix must be a Consul key path without spaces or empty segments");
    }
  }
  {
    auto r = top.Child("releases");
    r.GetRange<std::int64_t>("baseline_config_max_bytes", c.releases.baseline_config_max_bytes, 0,
                             64LL << 20);
    r.GetRange<core::Millis>("recheck_ms", c.release_runner.recheck_ms, 1'000, 3'600'000);
  }
  {
    auto s = top.Child("secrets");
    s.Get("key_file", c.secret_key_file);
  }
  {
    auto n = top.Child("notifications");
    n.Get("allowed_networks", c.notification_allowed_networks);
    for (const auto& net : c.notification_allowed_networks) {
      if (auto parsed = connectors::ParseNetwork(net); !parsed.ok()) {
        throw std::runtime_error("notifications.allowed_networks: " + parsed.error().message);
      }
    }
  }
}

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// lanes.notify: where the expiry notices of lanes without a channel go.
void ReadLaneNotify(Section& lanes_section, services::LaneSettings::NoticeChannel& notify) {
  auto n = lanes_section.Child("notify");
  n.Get("type", notify.type);
  GetSecret(n, "url", notify.url);
  GetSecret(n, "secret", notify.secret);
  if (notify.type != "dingtalk" && notify.type != "webhook")
    throw std::runtime_error("lanes.notify.type must be dingtalk or webhook");
  if (notify.url.empty()) {
    if (!notify.secret.empty()) throw std::runtime_error("lanes.notify.secret needs a url");
    return;
  }
  if (auto rule = services::CheckTargetUrl(notify.type, notify.url))
    throw std::runtime_error("lanes.notify.url " + *rule);
}

void ReadLaneSettings(Section& top, Config& c) {
  auto l = top.Child("lanes");
  auto& lanes = c.lanes;
  l.Get("base_env_type", lanes.base_env_type);
  l.Get("cluster", lanes.cluster);
  l.Get("domain_suffix", lanes.domain_suffix);
  l.Get("ingress_address", lanes.ingress_address);
  l.Get("hook_url", lanes.hook_url);
  l.Get("delete_images", lanes.delete_images);
  l.Get("keep_branches", lanes.keep_branches);
  l.GetRange<std::int64_t>("delete_wait_ms", lanes.delete_wait_ms, 0, 600'000);
  l.GetRange<std::int64_t>("follow_interval_ms", lanes.follow_interval_ms, 100, 3'600'000);
  std::int64_t pending_days = lanes.expiry.pending_after / kDayMs;
  std::int64_t delete_days = lanes.expiry.delete_after / kDayMs;
  l.GetRange<std::int64_t>("expiry_pending_days", pending_days, 1, 365);
  l.GetRange<std::int64_t>("expiry_delete_days", delete_days, 1, 366);
  if (delete_days <= pending_days)
    throw std::runtime_error("lanes.expiry_delete_days must be after expiry_pending_days");
  lanes.expiry = {pending_days * kDayMs, delete_days * kDayMs};
  std::vector<std::map<std::string, std::string>> rules;
  l.Get("rewrite_rules", rules);
  if (!rules.empty()) {
    lanes.rewrite_rules.clear();
    for (auto& rule : rules) {
      core::RewriteRule r{rule["from"], rule["to"]};
      if (auto problem = core::CheckRewriteRule(r))
        throw std::runtime_error("lanes.rewrite_rules: " + *problem);
      lanes.rewrite_rules.push_back(std::move(r));
    }
  }
  if (lanes.domain_suffix.empty() || lanes.domain_suffix.find_first_of(" /") != std::string::npos) {
    throw std::runtime_error("lanes.domain_suffix must be a domain name");
  }
  ReadLaneNotify(l, lanes.notify);
}

void ReadFile(const std::string& path, Config& c) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error("cannot read config " + path + ": " + e.what());
  }
  // yaml-cpp would read the first of two equal keys; the person meant one of them.
  if (auto problem = connectors::FindRepeatedKey(root)) {
    throw std::runtime_error("cannot read config " + path + ": " + problem->message + " (line " +
                             std::to_string(problem->line) + ")");
  }
  Section top(root, "");
  ReadLaneSettings(top, c);
  std::string listen;
  top.Get("listen", listen);
  if (!listen.empty() && !ParseListen(listen, c.server)) {
    throw std::runtime_error("listen must be HOST:PORT, got " + listen);
  }
  top.Get("data_dir", c.data_dir);
  {
    auto db = top.Child("database");
    db.Get("url", c.database_url);
    db.GetRange("pool_size", c.database_pool_size, 1, 256);
  }
  {
    auto s = top.Child("server");
    auto& v = c.server;
    s.Get("public_url", c.public_url);
    while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
    s.GetRange("network_threads", v.network_threads, 1, 64);
    s.GetRange("worker_threads", v.worker_threads, 1, 256);
    s.GetRange<std::size_t>("body_limit_bytes", v.body_limit, 1024, std::size_t(1) << 30);
    s.GetRange<std::size_t>("header_limit_bytes", v.header_limit, 1024, std::size_t(1) << 20);
    long long idle = v.idle_timeout.count(), request = v.request_timeout.count(),
              grace = v.shutdown_grace.count();
    s.GetRange("idle_timeout_ms", idle, 100LL, 3'600'000LL);
    s.GetRange("request_timeout_ms", request, 100LL, 3'600'000LL);
    s.GetRange("shutdown_grace_ms", grace, 0LL, 600'000LL);
    v.idle_timeout = std::chrono::milliseconds(idle);
    v.request_timeout = std::chrono::milliseconds(request);
    v.shutdown_grace = std::chrono::milliseconds(grace);
    s.Get("trust_forwarded_proto", v.trust_forwarded_proto);
    s.Get("secure_cookies", c.api.secure_cookies);
    s.GetRange<core::Millis>("response_cache_ms", c.api.response_cache_ms, 0, 60'000);
    s.GetRange("max_streams_per_user", c.api.streams.per_user, 1, 10'000);
    s.GetRange("max_streams", c.api.streams.total, 1, 100'000);
    std::string metrics_access = "local_or_token";
    s.Get("metrics_access", metrics_access);
    auto access = http::ParseMetricsAccess(metrics_access);
    if (!access)
      throw std::runtime_error("server.metrics_access must be local_or_token, token or public");
    c.api.metrics_access = *access;
  }
  {
    auto a = top.Child("auth");
    a.Get("admin_username", c.admin_username);
    auto& backoff = c.identity.login_backoff;
    long long ttl_minutes = c.identity.session_ttl_ms / 60'000,
              first = backoff.first_wait_ms / 1000, most = backoff.max_wait_ms / 1000;
    a.GetRange("session_ttl_minutes", ttl_minutes, 1LL, 60LL * 24 * 90);
    a.GetRange("max_failed_logins", backoff.free_failures, 1, 1000);
    a.GetRange("login_backoff_seconds", first, 1LL, 3600LL);
    a.GetRange("login_backoff_max_seconds", most, 1LL, 24LL * 3600);
    if (most < first)
      throw std::runtime_error(
          "auth.login_backoff_max_seconds must be at least auth.login_backoff_seconds");
    c.identity.session_ttl_ms = ttl_minutes * 60'000;
    backoff.first_wait_ms = first * 1000;
    backoff.max_wait_ms = most * 1000;
    auto argon = a.Child("argon2");
    argon.GetRange<std::uint32_t>("time_cost", c.identity.hasher.time_cost, 1, 100);
    argon.GetRange<std::uint32_t>("memory_kib", c.identity.hasher.memory_kib, 8, 4u << 20);
  }
  {
    auto e = top.Child("engine");
    e.GetRange("workers", c.engine.workers, 1, 256);
    e.GetRange<core::Millis>("lease_ms", c.engine.lease_ms, 100, 3'600'000);
    e.GetRange<core::Millis>("poll_interval_ms", c.engine.poll_interval_ms, 10, 600'000);
  }
  {
    auto sb = top.Child("sandbox");
    sb.Get("enabled", c.sandbox);
    long long ready = c.sandbox_settings.pod_ready_delay.count();
    sb.GetRange("pod_ready_delay_ms", ready, 0LL, 600'000LL);
    c.sandbox_settings.pod_ready_delay = std::chrono::milliseconds(ready);
    long long tick = c.sandbox_settings.kubernetes_tick.count();
    sb.GetRange("kubernetes_tick_ms", tick, 1LL, 10'000LL);
    c.sandbox_settings.kubernetes_tick = std::chrono::milliseconds(tick);
    // Room for every endpoint above the base (about a dozen).
    int base_port = c.sandbox_base_port;
    sb.GetRange("base_port", base_port, 0, 65000);
    c.sandbox_base_port = static_cast<std::uint16_t>(base_port);
  }
  ReadConnectors(top, c);
  ReadReleaseSettings(top, c);
  {
    auto ch = top.Child("changes");
    std::string self_approval(core::SelfApprovalName(c.changes.self_approval));
    ch.Get("refuse_self_approval", self_approval);
    auto policy = core::ParseSelfApproval(self_approval);
    if (!policy)
      throw std::runtime_error("changes.refuse_self_approval must be core_prod, always or never");
    c.changes.self_approval = *policy;
  }
  {
    auto l = top.Child("log");
    l.Get("level", c.log_level);
    std::string format = c.log_json ? "json" : "text";
    l.Get("format", format);
    if (format != "text" && format != "json")
      throw std::runtime_error("log.format must be text or json");
    c.log_json = format == "json";
    l.Get("access_log", c.access_log);
  }
}

}  // namespace

bool ParseListen(const std::string& listen, http::ServerSettings& server) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) return false;
  auto port = listen.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return false;
  int n = std::stoi(port);
  if (n > 65535) return false;
  server.host = listen.substr(0, colon);
  if (server.host.size() > 2 && server.host.front() == '[' && server.host.back() == ']') {
    server.host = server.host.substr(1, server.host.size() - 2);
  }
  server.port = static_cast<std::uint16_t>(n);
  return true;
}

Config LoadConfig(const std::optional<std::string>& path) {
  Config c;
  if (path) ReadFile(*path, c);
  if (const char* pw = std::getenv("SLIPWAY_ADMIN_PASSWORD"); pw && *pw) c.admin_password = pw;
  if (const char* url = std::getenv("SLIPWAY_DATABASE_URL"); url && *url) c.database_url = url;
  if (const char* key = std::getenv("SLIPWAY_SECRET_KEY"); key && *key) c.secret_key = key;
  return c;
}

}  // namespace slipway::app
