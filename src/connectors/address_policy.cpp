#include "connectors/address_policy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <charconv>
#include <cstring>

namespace slipway::connectors {

namespace {

// The address as bytes in its own family; IPv4-mapped IPv6 counts as IPv4.
Network Bytes(const sockaddr* address) {
  Network n;
  if (address->sa_family == AF_INET) {
    n.family = AF_INET;
    std::memcpy(n.bytes, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, 4);
    return n;
  }
  const auto* a6 = &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr;
  if (IN6_IS_ADDR_V4MAPPED(a6)) {
    n.family = AF_INET;
    std::memcpy(n.bytes, a6->s6_addr + 12, 4);
    return n;
  }
  n.family = AF_INET6;
  std::memcpy(n.bytes, a6->s6_addr, 16);
  return n;
}

bool Within(const Network& address, const Network& net) {
  if (address.family != net.family) return false;
  int bits = net.prefix;
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    unsigned char mask = bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - bits));
    if ((address.bytes[i] & mask) != (net.bytes[i] & mask)) return false;
  }
  return true;
}

const std::vector<Network>& PrivateNetworks() {
  static const std::vector<Network> nets = [] {
    std::vector<Network> out;
    for (const char* text :
         {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
          "172.16.0.0/12", "192.168.0.0/16", "::/128", "::1/128", "fc00::/7", "fe80::/10"}) {
      out.push_back(*ParseNetwork(text));
    }
    return out;
  }();
  return nets;
}

std::string Text(const Network& n) {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(n.family, n.bytes, buffer, sizeof buffer);
  return buffer;
}

}  // namespace

core::Result<Network> ParseNetwork(std::string_view text) {
  auto slash = text.find('/');
  std::string address(text.substr(0, slash));
  Network n;
  if (inet_pton(AF_INET, address.c_str(), n.bytes) == 1) {
    n.family = AF_INET;
    n.prefix = 32;
  } else if (inet_pton(AF_INET6, address.c_str(), n.bytes) == 1) {
    n.family = AF_INET6;
    n.prefix = 128;
  } else {
    return core::Invalid("'" + std::string(text) + "' is not an IP address or network");
  }
  if (slash != std::string_view::npos) {
    auto prefix = text.substr(slash + 1);
    int bits = -1;
    auto [end, ec] = std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
    if (ec != std::errc() || end != prefix.data() + prefix.size() || bits < 0 || bits > n.prefix) {
      return core::Invalid("'" + std::string(text) + "' has a bad prefix length");
    }
    n.prefix = bits;
  }
  return n;
}

bool IsPrivateAddress(const sockaddr* address) {
  const auto bytes = Bytes(address);
  for (const auto& net : PrivateNetworks()) {
    if (Within(bytes, net)) return true;
  }
  return false;
}

std::optional<std::string> RefusalFor(const AddressPolicy& policy, const sockaddr* address) {
  if (!policy.refuse_private || (address->sa_family != AF_INET && address->sa_family != AF_INET6)) {
    return std::nullopt;
  }
  if (!IsPrivateAddress(address)) return std::nullopt;
  const auto bytes = Bytes(address);
  for (const auto& net : policy.allowed) {
    if (Within(bytes, net)) return std::nullopt;
  }
  return Text(bytes) +
         " is a loopback, link-local or private address (allow its network in "
         "notifications.allowed_networks to reach it)";
}

}  // namespace slipway::connectors
