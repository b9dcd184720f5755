#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace slipway::app {

/// The ports the embedded sandbox's endpoints had in the endpoints file a
/// previous `serve` wrote (system → port); empty when there is none.
/// Asking for them again keeps addresses stored in the database (the
/// sandbox cluster's registry, image addresses) and written down by people
/// (kubeconfigs, CLI settings) valid across restarts.
std::map<std::string, std::uint16_t> PortsOfEndpointsFile(const std::string& path);

/// `base`, `base`+1, … for `names` in order (sandbox.base_port).
std::map<std::string, std::uint16_t> PortsFrom(std::uint16_t base,
                                               const std::vector<std::string>& names);

}  // namespace slipway::app
