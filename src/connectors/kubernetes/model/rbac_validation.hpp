#pragma once
#include <boost/json.hpp>
#include <vector>

#include "connectors/kubernetes/model/validation.hpp"

namespace slipway::connectors::kube::model {

/// pkg/apis/rbac/validation: every rule names verbs and either API groups
/// and resources or (cluster-wide only) non-resource URLs; a binding refers
/// to a Role or ClusterRole of rbac.authorization.k8s.io (a ClusterRoleBinding
/// to a ClusterRole only) and cannot change that reference; subjects are
/// ServiceAccounts (namespace required in a ClusterRoleBinding), Users or
/// Groups. Appends the causes of a 422; no-op for other types.
void ValidateRbac(const ResourceType& type, const boost::json::object& object,
                  const boost::json::object* old, std::vector<Cause>& causes);

}  // namespace slipway::connectors::kube::model
