#include "app/sandbox_ports.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "core/common/names.hpp"

namespace slipway::app {

std::map<std::string, std::uint16_t> PortsOfEndpointsFile(const std::string& path) {
  std::map<std::string, std::uint16_t> ports;
  std::ifstream in(path);
  if (!in) return ports;
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto endpoints = boost::json::parse(text.str(), ec);
  // A damaged file only costs the old ports: the sandbox picks free ones.
  if (ec || !endpoints.is_object()) return ports;
  for (const auto& [system, address] : endpoints.as_object()) {
    if (!address.is_string()) continue;
    // "http://127.0.0.1:PORT" or "127.0.0.1:PORT".
    std::string_view text_address(address.as_string().data(), address.as_string().size());
    auto port = core::ParseId(text_address.substr(text_address.rfind(':') + 1));
    if (port && *port <= 65535) ports[std::string(system)] = static_cast<std::uint16_t>(*port);
  }
  return ports;
}

std::map<std::string, std::uint16_t> PortsFrom(std::uint16_t base,
                                               const std::vector<std::string>& names) {
  std::map<std::string, std::uint16_t> ports;
  for (std::size_t i = 0; i < names.size(); ++i)
    ports[names[i]] = static_cast<std::uint16_t>(base + i);
  return ports;
}

}  // namespace slipway::app
