#include "app/sandbox_command.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <iostream>

#include "sandbox/all_emulators.hpp"

namespace slipway::app {

void WriteEndpointsFile(const sandbox::SandboxHost& host, const std::string& path) {
  boost::json::object endpoints;
  for (const auto& [system, url] : host.endpoints()) endpoints[system] = url;
  std::string tmp = path + ".tmp";
  std::ofstream(tmp) << boost::json::serialize(endpoints) << "\n";
  std::rename(tmp.c_str(), path.c_str());
}

int SandboxCommand(const std::string& listen_host, const std::optional<std::string>& endpoints_file,
                   const sandbox::SandboxSettings& settings) {
  sandbox::SandboxHost host(listen_host);
  sandbox::AddAllEmulators(host, settings);
  host.Start();
  for (const auto& [system, url] : host.endpoints()) std::cout << system << ": " << url << "\n";
  if (endpoints_file) WriteEndpointsFile(host, *endpoints_file);
  std::cout << "sandbox running; stop it with Ctrl-C" << std::endl;
  host.Wait();
  host.Stop();
  return 0;
}

}  // namespace slipway::app
