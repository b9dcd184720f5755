#pragma once
// The emulated types are the shared model's (connectors/kubernetes/model/):
// the emulator serves over HTTP the model the fake uses in process.
#include "connectors/kubernetes/model/resources.hpp"

namespace slipway::sandbox::kube {

namespace model = connectors::kube::model;
using model::AllGroupVersions;
using model::AllResources;
using model::FindResource;
using model::GroupVersion;
using model::ResourceByKind;
using model::ResourceByPlural;
using model::ResourceType;

}  // namespace slipway::sandbox::kube
