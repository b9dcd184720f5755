#include "http/handlers/env_views.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"
#include "http/api_support.hpp"
#include "http/handlers/env_live_views.hpp"

namespace slipway::http {

namespace json = boost::json;

json::object ClusterJson(const services::ClusterView& v) {
  const auto& c = v.cluster;
  json::object namespaces;
  for (const auto& [type, ns] : c.namespaces) namespaces[type] = ns;
  json::value connectivity = nullptr;
  if (v.connectivity) {
    connectivity = json::object{{"ok", v.connectivity->ok},
                                {"version", v.connectivity->version},
                                {"error", v.connectivity->error},
                                {"checked_at", TimeJson(v.connectivity->checked_at)}};
  }
  return {{"id", c.id},
          {"name", c.name},
          {"description", c.description},
          {"connection", core::ClusterConnectionName(c.connection)},
          {"has_kubeconfig", v.has_kubeconfig},
          {"namespaces", std::move(namespaces)},
          {"registry", c.registry},
          {"config_backend", core::ConfigBackendName(c.config_backend)},
          {"environments", v.environments},
          {"connectivity", std::move(connectivity)},
          {"created_at", TimeJson(c.created_at)},
          {"updated_at", TimeJson(c.updated_at)},
          {"version", c.version}};
}

json::object EnvironmentJson(const services::EnvironmentView& v) {
  const auto& e = v.env;
  json::object out{{"id", e.id},
                   {"app_id", e.app_id},
                   {"app", v.app},
                   {"env_type", e.env_type},
                   {"cluster_id", e.cluster_id},
                   {"cluster", v.cluster},
                   {"namespace", e.namespace_name},
                   {"image", v.image},
                   {"image_set", !e.image.empty()},
                   {"image_digest", e.image_digest},
                   {"config_backend", core::ConfigBackendName(v.config_backend)},
                   {"spec", core::EnvSpecToJson(e.spec)},
                   {"release_policy", core::ReleasePolicyToJson(e.release_policy)},
                   {"created_by", e.created_by},
                   {"created_at", TimeJson(e.created_at)},
                   {"updated_at", TimeJson(e.updated_at)},
                   {"version", e.version}};
  if (v.live) out["live"] = LiveStateJson(*v.live);
  return out;
}

json::object EnvOperationJson(const store::EnvOperation& op) {
  json::value detail = json::parse(op.detail.empty() ? "{}" : op.detail);
  return {{"id", op.id},       {"env_id", op.env_id}, {"kind", op.kind},
          {"actor", op.actor}, {"detail", detail},    {"created_at", TimeJson(op.created_at)}};
}

}  // namespace slipway::http
