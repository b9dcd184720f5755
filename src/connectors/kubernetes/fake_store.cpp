#include "connectors/kubernetes/fake_store.hpp"

#include "core/common/json_path.hpp"

namespace slipway::connectors::fake {

namespace {
constexpr size_t kHistoryLimit = 10'000;
}

KubeObject* Store::Find(std::string_view plural, std::string_view ns, std::string_view name) {
  auto it = objects_.find(Key{plural, ns, name});
  return it == objects_.end() ? nullptr : &it->second;
}

std::vector<KubeObject*> Store::All(std::string_view plural, std::string_view ns) {
  std::vector<KubeObject*> out;
  for (auto& [key, object] : objects_) {
    if (std::get<0>(key) == plural && (ns.empty() || std::get<1>(key) == ns))
      out.push_back(&object);
  }
  return out;
}

const KubeObject& Store::Put(const KubeResource& resource, std::string_view ns, KubeObject object) {
  auto& metadata = core::EnsureObject(object, {"metadata"});
  metadata["resourceVersion"] = std::to_string(++version_);
  if (resource.namespaced) metadata["namespace"] = ns;
  object["apiVersion"] = resource.api_version;
  object["kind"] = resource.kind;
  const std::string name = core::StringAt(object, {"metadata", "name"});
  Key key{std::string(resource.plural), resource.namespaced ? std::string(ns) : "", name};
  const bool existed = objects_.contains(key);
  auto& stored = objects_[key] = std::move(object);
  Record(existed ? WatchEvent::Type::kModified : WatchEvent::Type::kAdded, resource.plural,
         std::get<1>(key), stored);
  return stored;
}

void Store::Erase(const KubeResource& resource, std::string_view ns, std::string_view name) {
  auto it = objects_.find(Key{resource.plural, resource.namespaced ? ns : "", name});
  if (it == objects_.end()) return;
  KubeObject last = std::move(it->second);
  objects_.erase(it);
  core::EnsureObject(last, {"metadata"})["resourceVersion"] = std::to_string(++version_);
  Record(WatchEvent::Type::kDeleted, resource.plural, resource.namespaced ? ns : "", last);
}

void Store::Record(WatchEvent::Type type, std::string_view plural, std::string_view ns,
                   const KubeObject& object) {
  StoredEvent event{type, std::string(plural), std::string(ns), object, version_};
  history_.push_back(event);
  if (history_.size() > kHistoryLimit) {
    floor_ = history_.front().version;
    history_.pop_front();
  }
  pending_.push_back(std::move(event));
}

void Store::ExpireHistory() {
  history_.clear();
  floor_ = version_;
}

std::vector<StoredEvent> Store::TakeNewEvents() {
  std::vector<StoredEvent> out;
  out.swap(pending_);
  return out;
}

}  // namespace slipway::connectors::fake
