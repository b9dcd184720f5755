#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace slipway::connectors::kube::model {

/// One emulated resource type: what discovery advertises and what the
/// router, store and messages need to know about it.
struct ResourceType {
  std::string_view plural;    ///< "deployments" (unique across groups here)
  std::string_view singular;  ///< "deployment"
  std::string_view kind;      ///< "Deployment"
  std::string_view group;     ///< "" for core, "apps", "networking.k8s.io"
  std::string_view version;   ///< "v1"
  bool namespaced = true;
  std::vector<std::string_view> short_names;
  std::vector<std::string_view> subresources;  ///< "status", "scale", "log", "finalize"

  /// "apps/v1" or "v1".
  std::string ApiVersion() const;
  /// "DeploymentList".
  std::string ListKind() const { return std::string(kind) + "List"; }
};

/// Every emulated type, in discovery order.
const std::vector<ResourceType>& AllResources();
/// The type served under group/version with this plural name, or nullptr.
const ResourceType* FindResource(std::string_view group, std::string_view version,
                                 std::string_view plural);
/// The type by plural name alone (plurals are unique in this emulator), or nullptr.
const ResourceType* ResourceByPlural(std::string_view plural);
/// The type with this kind, or nullptr.
const ResourceType* ResourceByKind(std::string_view kind);

/// The group/versions served, core first: {"", "v1"}, {"apps", "v1"}, …
struct GroupVersion {
  std::string_view group;
  std::string_view version;
};
const std::vector<GroupVersion>& AllGroupVersions();

}  // namespace slipway::connectors::kube::model
