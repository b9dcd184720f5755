#pragma once
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "core/environments/env_spec_patch.hpp"
#include "core/environments/environment.hpp"

namespace slipway::core {

/// The JSON form of an environment's resources, as stored and as served.
boost::json::object EnvSpecToJson(const EnvSpec& spec);

/// The form of a resources body (each field's own rules, below); nothing
/// that depends on the values it changes.
Result<EnvSpecPatch> ParseEnvSpecPatch(const boost::json::object& json);
/// Reads and validates resources from a request body or a stored row:
/// replicas 1–24; CPU/memory as quantities with requests ≤ limits; ports
/// 1–65535, unique, protocol TCP|UDP|SCTP; Services with DNS-1035 names,
/// type ClusterIP|NodePort|LoadBalancer, nodePort 30000–32767 only where it
/// applies; environment variable names; probes with what their type needs.
/// Fields absent from `json` keep the values of `base`. Unknown fields are
/// refused. Errors name the field ("ports[1].container_port").
Result<EnvSpec> ParseEnvSpec(const boost::json::object& json, EnvSpec base = {});

}  // namespace slipway::core
