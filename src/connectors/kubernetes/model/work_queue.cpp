#include "connectors/kubernetes/model/work_queue.hpp"

#include <algorithm>

#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

// The name of the controller ownerReference of `kind`, or "".
std::string ControllerNamed(const json::object& obj, std::string_view kind) {
  const auto* refs = core::Find(obj, {"metadata", "ownerReferences"});
  if (!refs || !refs->is_array()) return "";
  for (const auto& r : refs->as_array()) {
    const auto* controller = core::Find(r, {"controller"});
    if (controller && *controller == true && core::StringAt(r, {"kind"}) == kind)
      return core::StringAt(r, {"name"});
  }
  return "";
}

template <typename T>
T Take(T& part) {
  T out;
  out.swap(part);
  return out;
}

}  // namespace

void WorkQueue::Add(const StoreEvent& event) {
  const std::string_view plural = event.resource->plural;
  const bool deployment = plural == "deployments";
  const bool replicaset = plural == "replicasets";
  if (!deployment && !replicaset && plural != "pods") return;
  ObjectKey key{core::StringAt(event.object, {"metadata", "namespace"}),
                core::StringAt(event.object, {"metadata", "name"})};
  const bool deleted = event.type == "DELETED";
  if ((deployment || replicaset) &&
      (deleted || core::Find(event.object, {"metadata", "deletionTimestamp"}))) {
    garbage_ = true;
  }
  if (deployment) {
    deployments_.insert(std::move(key));
    return;
  }
  const char* owner_kind = replicaset ? "Deployment" : "ReplicaSet";
  if (auto owner = ControllerNamed(event.object, owner_kind); !owner.empty())
    (replicaset ? deployments_ : replicasets_).emplace(key.first, std::move(owner));
  if (replicaset) {
    replicasets_.insert(std::move(key));
  } else if (!deleted) {
    pods_.insert(std::move(key));
  }
}

void WorkQueue::AddAfter(const ResourceType& type, const ObjectKey& key, core::Millis at) {
  auto [it, fresh] = delayed_.try_emplace({type.plural, key}, at);
  if (!fresh) it->second = std::min(it->second, at);
}

void WorkQueue::QueueDue(core::Millis now) {
  for (auto it = delayed_.begin(); it != delayed_.end();) {
    const auto& [plural, key] = it->first;
    if (it->second > now) {
      ++it;
      continue;
    }
    (plural == "deployments" ? deployments_ : replicasets_).insert(key);
    it = delayed_.erase(it);
  }
}

core::Millis WorkQueue::NextDelayed() const {
  auto due = kNever;
  for (const auto& [what, at] : delayed_) due = std::min(due, at);
  return due;
}

bool WorkQueue::empty() const {
  return !everything_ && !garbage_ && deployments_.empty() && replicasets_.empty() && pods_.empty();
}

bool WorkQueue::TakeEverything() { return std::exchange(everything_, false); }
bool WorkQueue::TakeGarbage() { return std::exchange(garbage_, false); }
std::set<ObjectKey> WorkQueue::TakeDeployments() { return Take(deployments_); }
std::set<ObjectKey> WorkQueue::TakeReplicaSets() { return Take(replicasets_); }
std::set<ObjectKey> WorkQueue::TakePods() { return Take(pods_); }

}  // namespace slipway::connectors::kube::model
