#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "connectors/kubernetes/model/store.hpp"
#include "connectors/kubernetes/model/work_queue.hpp"

namespace slipway::connectors::kube::model {

/// Which objects each controller owns, fed by the store's change events (as
/// the controllers' informers index pods and ReplicaSets by owner): finding
/// a ReplicaSet's pods costs what it owns, not every pod of the namespace.
/// Not thread-safe: the cluster's owner serializes every call.
class OwnerIndex {
 public:
  /// Records the object's controller ownerReference (none: forgets it).
  void Add(const StoreEvent& event);
  /// The objects of `type` whose controller has `owner_uid`, in namespace
  /// then name order.
  const std::set<ObjectKey>& Dependents(const ResourceType& type,
                                        const std::string& owner_uid) const;

 private:
  struct OfType {
    std::map<std::string, std::set<ObjectKey>> by_owner;  // owner uid → dependents
    std::map<ObjectKey, std::string> owner_of;            // dependent → owner uid
  };
  std::map<std::string_view, OfType> types_;
};

}  // namespace slipway::connectors::kube::model
