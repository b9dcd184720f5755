#include "sandbox/kubernetes/cluster.hpp"

#include "connectors/kubernetes/model/defaults.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

const core::SystemClock kSystemClock;

model::ClusterSettings ModelSettings(const KubernetesSettings& s) {
  model::ClusterSettings m;
  m.pod_ready_delay = s.pod_ready_delay.count();
  m.crash_backoff = s.pod_ready_delay.count();
  m.namespace_delete_delay = s.namespace_delete_delay.count();
  m.event_history = s.event_history;
  m.image_exists = s.image_exists;
  return m;
}

}  // namespace

Cluster::Cluster(KubernetesSettings s)
    : model::Cluster(ModelSettings(s), kSystemClock), emulator(std::move(s)) {
  store.on_event = [this](const model::StoreEvent& event) { watches.Publish(event); };
}

void Cluster::Bootstrap() {
  const auto* ns_type = ResourceByPlural("namespaces");
  for (const char* name : {"default", "kube-node-lease", "kube-public", "kube-system"}) {
    json::object ns{{"metadata", json::object{{"name", name}}}};
    model::ApplyDefaults(*ns_type, ns, [this] { return AllocateServiceIp(); });
    store.Create(*ns_type, std::move(ns));
  }
}

}  // namespace slipway::sandbox::kube
