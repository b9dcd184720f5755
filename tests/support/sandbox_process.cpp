#include "support/sandbox_process.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/temp_dir.hpp"

namespace slipway::testing {

SandboxProcess::SandboxProcess(SandboxProcessOptions options) : dir_(std::make_unique<TempDir>()) {
  const std::string file = dir_->path() + "/endpoints.json";
  ProcessOptions process;
  process.args = {"sandbox", "--endpoints-file", file, "--pod-ready-delay-ms",
                  std::to_string(options.pod_ready_delay.count())};
  process.serve = false;
  process_ = std::make_unique<SlipwayProcess>(std::move(process));
  // The file appears (renamed into place, never half written) once every emulator listens.
  const auto deadline = std::chrono::steady_clock::now() + options.ready_timeout;
  for (;;) {
    std::ifstream in(file);
    if (in) {
      std::stringstream text;
      text << in.rdbuf();
      const auto parsed = boost::json::parse(text.str());
      for (const auto& [system, url] : parsed.as_object()) {
        endpoints_[std::string(system)] = std::string(url.as_string());
      }
      return;
    }
    if (!process_->running()) {
      throw std::runtime_error("slipway sandbox exited (" + process_->status()->Describe() +
                               "): " + process_->ReadStderr());
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error("slipway sandbox did not write its endpoints in time: " +
                               process_->ReadStderr());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

SandboxProcess::~SandboxProcess() = default;

const std::string& SandboxProcess::Url(const std::string& system) const {
  auto it = endpoints_.find(system);
  if (it == endpoints_.end()) throw std::runtime_error("the sandbox has no " + system);
  return it->second;
}

std::string SandboxProcess::HostPort(const std::string& system) const {
  const std::string& url = Url(system);
  auto start = url.find("://");
  return start == std::string::npos ? url : url.substr(start + 3);
}

}  // namespace slipway::testing
