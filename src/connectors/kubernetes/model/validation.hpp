#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "connectors/kubernetes/model/resources.hpp"

namespace slipway::connectors::kube::model {

/// One entry of `details.causes` in a 422 Invalid.
struct Cause {
  std::string reason;   ///< FieldValueRequired, FieldValueInvalid, …
  std::string field;    ///< "spec.selector"
  std::string message;  ///< "Required value", "Invalid value: …"
};

/// The apiserver's validation (pkg/apis/*/validation) for the rules that
/// matter to a release tool: object names (DNS-1123 subdomain, namespace
/// DNS-1123 label, Service DNS-1035 label), Deployment/ReplicaSet selector
/// required and matching the template labels, containers with name and
/// image, restartPolicy Always, Service ports, Ingress pathType and backend,
/// ConfigMap keys, RBAC (rbac_validation.hpp). `old` is the stored object on
/// update (immutable fields: Deployment/ReplicaSet selector, Service
/// clusterIP, immutable ConfigMap data, RBAC roleRef), nullptr on create.
/// Returns the causes of a 422; empty when valid.
std::vector<Cause> Validate(const ResourceType& type, const boost::json::object& object,
                            const boost::json::object* old);

/// RFC 1123 subdomain / label and RFC 1035 label checks (the error text the
/// apiserver uses, or empty when valid).
std::string Dns1123SubdomainError(const std::string& value);
std::string Dns1123LabelError(const std::string& value);
std::string Dns1035LabelError(const std::string& value);

}  // namespace slipway::connectors::kube::model
