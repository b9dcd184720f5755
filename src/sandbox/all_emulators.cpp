#include "sandbox/all_emulators.hpp"

#include "sandbox/registry/registry_emulator.hpp"

namespace slipway::sandbox {

// One line per system; emulators that need a peer (Jenkins pushes images to
// the registry and checks branches in GitLab) find it through the host.
void AddAllEmulators(SandboxHost& host) {
  // Registry first: the Jenkins emulator pushes its images there.
  host.Add(std::make_unique<registry::RegistryEmulator>());
}

}  // namespace slipway::sandbox
