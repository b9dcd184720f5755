#pragma once
// What developers ask of image builds, checked for form at the HTTP edge
// (http/handlers/build_input.cpp); the service checks it against the
// application, its environments and the connectors.
#include <cstdint>
#include <optional>
#include <string>

namespace slipway::services {

struct StartBuildCommand {
  std::optional<std::int64_t> env_id;  ///< bookkeeping: the environment it is meant for
  std::string branch;                  ///< a valid git branch name
  std::string version;                 ///< the image tag
  std::string note;
};

}  // namespace slipway::services
