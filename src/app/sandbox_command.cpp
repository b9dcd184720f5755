#include "app/sandbox_command.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <iostream>

#include "sandbox/all_emulators.hpp"

namespace slipway::app {

int SandboxCommand(const std::string& listen_host, const std::optional<std::string>& endpoints_file) {
  sandbox::SandboxHost host(listen_host);
  sandbox::AddAllEmulators(host);
  host.Start();
  boost::json::object endpoints;
  for (const auto& [system, url] : host.endpoints()) {
    std::cout << system << ": " << url << "\n";
    endpoints[system] = url;
  }
  if (endpoints_file) {
    // Written whole to a temporary name, then renamed: readers never see half a file.
    std::string tmp = *endpoints_file + ".tmp";
    std::ofstream(tmp) << boost::json::serialize(endpoints) << "\n";
    std::rename(tmp.c_str(), endpoints_file->c_str());
  }
  std::cout << "sandbox running; stop it with Ctrl-C" << std::endl;
  host.Wait();
  host.Stop();
  return 0;
}

}  // namespace slipway::app
