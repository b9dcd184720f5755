#include "connectors/kubernetes/model/store.hpp"

#include "connectors/kubernetes/model/generated_ids.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

bool Store::TracksGeneration(const ResourceType& type) {
  return type.plural == "deployments" || type.plural == "replicasets" ||
         type.plural == "ingresses" || type.plural == "pods";
}

const json::object* Store::Get(const ResourceType& type, const std::string& ns,
                               const std::string& name) const {
  auto t = objects_.find(type.plural);
  if (t == objects_.end()) return nullptr;
  auto it = t->second.find({ns, name});
  return it == t->second.end() ? nullptr : &it->second;
}

std::vector<const json::object*> Store::List(const ResourceType& type,
                                             const std::string& ns) const {
  std::vector<const json::object*> out;
  auto t = objects_.find(type.plural);
  if (t == objects_.end()) return out;
  for (const auto& [key, obj] : t->second) {
    if (ns.empty() || key.first == ns) out.push_back(&obj);
  }
  return out;
}

json::object Store::Create(const ResourceType& type, json::object object) {
  object["apiVersion"] = type.ApiVersion();
  object["kind"] = type.kind;
  auto& meta = core::EnsureObject(object, {"metadata"});
  meta["uid"] = NewUid();
  meta["resourceVersion"] = std::to_string(++rv_);
  meta["creationTimestamp"] = core::Rfc3339Seconds(clock_.Now());
  if (TracksGeneration(type)) meta["generation"] = 1;
  Key key{core::StringAt(object, {"metadata", "namespace"}),
          core::StringAt(object, {"metadata", "name"})};
  objects_[type.plural][key] = object;
  Emit("ADDED", type, object);
  return object;
}

json::object Store::Update(const ResourceType& type, json::object object) {
  core::EnsureObject(object, {"metadata"})["resourceVersion"] = std::to_string(++rv_);
  Key key{core::StringAt(object, {"metadata", "namespace"}),
          core::StringAt(object, {"metadata", "name"})};
  objects_[type.plural][key] = object;
  Emit("MODIFIED", type, object);
  return object;
}

std::optional<json::object> Store::Remove(const ResourceType& type, const std::string& ns,
                                          const std::string& name) {
  auto t = objects_.find(type.plural);
  if (t == objects_.end()) return std::nullopt;
  auto it = t->second.find({ns, name});
  if (it == t->second.end()) return std::nullopt;
  json::object last = std::move(it->second);
  t->second.erase(it);
  core::EnsureObject(last, {"metadata"})["resourceVersion"] = std::to_string(++rv_);
  Emit("DELETED", type, last);
  return last;
}

void Store::Emit(std::string type, const ResourceType& resource, const json::object& object) {
  history_.push_back(StoreEvent{std::move(type), &resource, rv_, object});
  if (to_controllers) to_controllers(history_.back());
  if (on_event) on_event(history_.back());
  while (history_.size() > history_limit_) {
    compacted_ = history_.front().rv;
    history_.pop_front();
  }
}

void Store::Compact() {
  history_.clear();
  compacted_ = rv_;
}

void Store::Clear() {
  objects_.clear();
  history_.clear();
  rv_ = 0;
  compacted_ = 0;
}

}  // namespace slipway::connectors::kube::model
