#pragma once
#include <boost/json.hpp>
#include <functional>
#include <string>

#include "connectors/kubernetes/model/resources.hpp"

namespace slipway::connectors::kube::model {

/// Fills the fields the apiserver defaults (SetDefaults_* in
/// k8s.io/kubernetes/pkg/apis/*/v1/defaults.go) for the emulated kinds:
/// Deployment replicas/strategy/revisionHistoryLimit/progressDeadlineSeconds,
/// pod spec restartPolicy/dnsPolicy/…, container imagePullPolicy/…, Service
/// type/ports/sessionAffinity/…, Namespace finalizers and phase, RBAC
/// binding roleRef and subject apiGroups. Only fills
/// what is absent. `allocate_ip` hands out a Service clusterIP.
void ApplyDefaults(const ResourceType& type, boost::json::object& object,
                   const std::function<std::string()>& allocate_ip);

/// Pod-spec defaults alone (also applied to Deployment/ReplicaSet templates).
void DefaultPodSpec(boost::json::object& spec);

}  // namespace slipway::connectors::kube::model
