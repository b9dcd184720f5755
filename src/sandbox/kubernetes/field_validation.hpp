#pragma once
#include <boost/json.hpp>
#include <string>

#include "sandbox/kubernetes/resources.hpp"
#include "sandbox/kubernetes/schema_checker.hpp"

namespace slipway::sandbox::kube {

/// The apiserver's decoding of a written object, from the OpenAPI schema:
/// a value of the wrong type is a 400 ("… cannot be handled as a
/// Deployment: …"); unknown fields are a 400 under `fieldValidation=Strict`
/// (kubectl apply sends it once it has seen /openapi/v3) and are dropped
/// otherwise (Warn, the default, and Ignore). No-op without a checker.
void CheckFields(const SchemaChecker* checker, const ResourceType& type,
                 boost::json::object& object, const std::string& field_validation);

}  // namespace slipway::sandbox::kube
