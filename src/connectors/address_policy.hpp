#pragma once
// Where outgoing calls set by users (notification webhooks, DingTalk robots)
// may connect: not to loopback, link-local or private networks — an SSRF path
// into the platform's own network — unless a configured network allows it.
// Checked on the address libcurl is about to connect to, so a name that
// resolves to a private address (or is re-pointed later) is refused too.
#include <sys/socket.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// One IPv4 or IPv6 network ("10.0.0.0/8", "::1/128", "127.0.0.1").
struct Network {
  int family = 0;  ///< AF_INET or AF_INET6
  unsigned char bytes[16] = {};
  int prefix = 0;
};

/// Parses "address[/prefix]"; invalid with the reason otherwise.
core::Result<Network> ParseNetwork(std::string_view text);

struct AddressPolicy {
  bool refuse_private = false;
  std::vector<Network> allowed;  ///< private networks that may be reached anyway
};

/// Loopback, link-local, private (RFC 1918, unique-local), shared (100.64/10),
/// "this network" (0/8) and unspecified addresses; IPv4-mapped IPv6 by its IPv4.
bool IsPrivateAddress(const sockaddr* address);

/// Why `address` may not be reached under `policy`, or nullopt when it may.
std::optional<std::string> RefusalFor(const AddressPolicy& policy, const sockaddr* address);

}  // namespace slipway::connectors
