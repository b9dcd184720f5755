#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "sandbox/dns/dns_handler.hpp"
#include "sandbox/emulator.hpp"

namespace slipway::sandbox {

/// The zone and TSIG key of `slipway sandbox`'s DNS (a public test value: the
/// sandbox is not a security boundary).
inline constexpr const char* kSandboxDnsZone = "sandbox.test.";
inline constexpr const char* kSandboxTsigKeyName = "slipway-sandbox-key.";
inline constexpr const char* kSandboxTsigSecret = "c2xpcHdheS1zYW5kYm94LXRzaWctc2VjcmV0LTMyYiE=";

/// The sandbox's DNS server: a DnsHandler served on UDP and TCP (RFC 1035
/// §4.2.2 two-byte length framing) on the same free loopback port. One thread
/// per transport; TCP connections are served one after the other, which is
/// plenty for a sandbox. Injected latency holds a UDP reply back without
/// holding up the messages behind it; over TCP it delays the connection.
class DnsResponder final : public Service {
 public:
  explicit DnsResponder(std::shared_ptr<DnsHandler> handler, std::uint16_t port = 0);
  ~DnsResponder() override;
  std::string_view system() const override { return "dns"; }
  /// Binds UDP and TCP to one port on `host`; returns "host:port".
  std::string Start(const std::string& host, std::uint16_t port) override;
  void Stop() override;
  boost::json::value State() const override { return handler_->State(); }
  void Reset() override { handler_->Reset(); }
  FaultControl& faults() override { return handler_->faults(); }
  std::uint16_t port() const { return port_; }
  DnsHandler& handler() { return *handler_; }

 private:
  void ServeUdp();
  void ServeTcp();
  void ServeConnection(int fd);
  std::shared_ptr<DnsHandler> handler_;
  std::uint16_t port_;
  int udp_ = -1, tcp_ = -1;
  std::atomic<bool> stopping_{false};
  std::thread udp_thread_, tcp_thread_;
};

/// The DNS of `slipway sandbox`: kSandboxDnsZone, updates signed with kSandboxTsigKeyName.
std::unique_ptr<DnsResponder> MakeSandboxDns();

}  // namespace slipway::sandbox
