#pragma once
// The apiserver's `kind: Status` failures that admission answers with, as
// the core::Errors the real client makes of them (kube::ErrorFromStatusObject):
// the fake returns these as they are, the emulator turns them back into the
// Status answer (kube::StatusObjectFromError), so both sides see one text.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "connectors/kubernetes/model/resources.hpp"
#include "connectors/kubernetes/model/validation.hpp"
#include "core/common/error.hpp"

namespace slipway::connectors::kube::model {

/// The error the real client makes of a Status with these fields.
core::Error StatusError(int code, std::string reason, std::string message,
                        boost::json::object details = {});

/// `<plural>[.<group>]` as apiserver messages name a resource ("deployments.apps").
std::string QualifiedResource(const ResourceType& type);
/// `details` naming an object: {name, group?, kind: plural}.
boost::json::object Details(const ResourceType& type, const std::string& name);

core::Error NotFoundError(const ResourceType& type, const std::string& name);
core::Error AlreadyExistsError(const ResourceType& type, const std::string& name);
/// 409 Conflict for a stale resourceVersion (the default `why`) or a failed precondition.
core::Error ConflictError(const ResourceType& type, const std::string& name,
                          const std::string& why =
                              "the object has been modified; please apply your "
                              "changes to the latest version and try again");
/// 422 Invalid with its causes; the message lists them as the apiserver does.
core::Error InvalidError(const ResourceType& type, const std::string& name,
                         const std::vector<Cause>& causes);
core::Error BadRequestError(const std::string& message);
/// 403 for a write into a namespace that is being deleted.
core::Error NamespaceTerminatingError(const ResourceType& type, const std::string& name,
                                      const std::string& ns);

}  // namespace slipway::connectors::kube::model
