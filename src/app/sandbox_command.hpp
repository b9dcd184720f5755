#pragma once
#include <optional>
#include <string>

#include "sandbox/all_emulators.hpp"

namespace slipway::app {

/// Writes the emulators' URLs as a JSON object keyed by system, atomically
/// (a temporary file renamed), so readers never see half a file.
void WriteEndpointsFile(const sandbox::SandboxHost& host, const std::string& path);

/// `slipway sandbox`: starts every emulator on `listen_host`, prints their
/// URLs (and writes them as JSON keyed by system to `endpoints_file`), and
/// runs until SIGTERM/SIGINT. Returns the exit code.
int SandboxCommand(const std::string& listen_host, const std::optional<std::string>& endpoints_file,
                   const sandbox::SandboxSettings& settings = {});

}  // namespace slipway::app
