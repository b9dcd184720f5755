#pragma once
// The model's Status errors (connectors/kubernetes/model/status_errors.hpp),
// which admission shares with the fake, as ApiErrors the handlers throw: the
// answer the real client turns back into the very error the fake returns.
// Apart from api_error.* so that the fuzzed parsers link without the model.

#include <string>
#include <vector>

#include "connectors/kubernetes/model/status_errors.hpp"
#include "core/common/error.hpp"
#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::kube {

using model::Cause;
using model::Details;
using model::QualifiedResource;

/// The Status answer an error of the model's status_errors.hpp stands for.
ApiError ApiErrorFrom(const core::Error& error);

ApiError NotFound(const ResourceType& type, const std::string& name);
ApiError AlreadyExists(const ResourceType& type, const std::string& name);
/// 409 Conflict for a stale resourceVersion.
ApiError Conflict(const ResourceType& type, const std::string& name);
/// 409 Conflict for a failed precondition, saying `why`.
ApiError Conflict(const ResourceType& type, const std::string& name, const std::string& why);
ApiError Invalid(const ResourceType& type, const std::string& name,
                 const std::vector<Cause>& causes);

}  // namespace slipway::sandbox::kube
