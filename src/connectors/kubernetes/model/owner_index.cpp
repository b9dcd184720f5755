#include "connectors/kubernetes/model/owner_index.hpp"

#include "connectors/kubernetes/model/controllers.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

void OwnerIndex::Add(const StoreEvent& event) {
  auto& of_type = types_[event.resource->plural];
  ObjectKey key{core::StringAt(event.object, {"metadata", "namespace"}),
                core::StringAt(event.object, {"metadata", "name"})};
  std::string owner = event.type == "DELETED" ? "" : ControllerUid(event.object);
  auto known = of_type.owner_of.find(key);
  if (known != of_type.owner_of.end()) {
    if (known->second == owner) return;
    auto dependents = of_type.by_owner.find(known->second);
    dependents->second.erase(key);
    if (dependents->second.empty()) of_type.by_owner.erase(dependents);
    of_type.owner_of.erase(known);
  }
  if (owner.empty()) return;
  of_type.by_owner[owner].insert(key);
  of_type.owner_of.emplace(std::move(key), std::move(owner));
}

const std::set<ObjectKey>& OwnerIndex::Dependents(const ResourceType& type,
                                                  const std::string& owner_uid) const {
  static const std::set<ObjectKey> kNone;
  auto of_type = types_.find(type.plural);
  if (of_type == types_.end()) return kNone;
  auto dependents = of_type->second.by_owner.find(owner_uid);
  return dependents == of_type->second.by_owner.end() ? kNone : dependents->second;
}

}  // namespace slipway::connectors::kube::model
