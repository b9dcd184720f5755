#pragma once
// `slipway sandbox` as a child process of its own: emulators that outlive the
// `slipway serve` processes a crash test kills and restarts.
#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "support/slipway_process.hpp"

namespace slipway::testing {

struct SandboxProcessOptions {
  /// Kubernetes: pods become Ready this long after they start.
  std::chrono::milliseconds pod_ready_delay{1500};
  std::chrono::milliseconds ready_timeout{30'000};
};

/// Starts `slipway sandbox --endpoints-file …` and waits until the endpoints
/// are written. Killed (SIGKILL) when destroyed.
class SandboxProcess {
 public:
  explicit SandboxProcess(SandboxProcessOptions options = {});
  ~SandboxProcess();
  SandboxProcess(const SandboxProcess&) = delete;
  SandboxProcess& operator=(const SandboxProcess&) = delete;

  /// "http://127.0.0.1:PORT" of an emulator ("kubernetes", "registry"…);
  /// throws when the sandbox has no such system.
  const std::string& Url(const std::string& system) const;
  /// host:port of an emulator's URL ("127.0.0.1:PORT").
  std::string HostPort(const std::string& system) const;
  SlipwayProcess& process() { return *process_; }

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<SlipwayProcess> process_;
  std::map<std::string, std::string> endpoints_;
};

}  // namespace slipway::testing
