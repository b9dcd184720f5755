#pragma once
#include <boost/json.hpp>
#include <string>

namespace slipway::sandbox::kube {

/// Media type of Kubernetes' protobuf encoding.
inline constexpr const char* kProtobufMediaType = "application/vnd.kubernetes.protobuf";

/// Decodes a request body in Kubernetes' protobuf encoding (the "k8s\0"
/// magic, then a runtime.Unknown envelope) to its JSON form. kubectl's typed
/// clients send it for `kubectl create namespace` / `create configmap`;
/// they accept JSON answers. Only Namespace and ConfigMap bodies are
/// understood (ObjectMeta name, generateName, namespace, labels,
/// annotations, finalizers; Namespace spec.finalizers; ConfigMap data,
/// binaryData, immutable); any other kind is a 415 ApiError, as is a
/// malformed body.
boost::json::object DecodeProtobufObject(const std::string& body);

}  // namespace slipway::sandbox::kube
