#include "sandbox/dns/dns_responder.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <vector>

namespace slipway::sandbox {

namespace {

constexpr int kPollMs = 100;  // how quickly the loops notice Stop()

int Bind(int type, const std::string& host, std::uint16_t port) {
  int fd = socket(AF_INET, type, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1 ||
      bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      (type == SOCK_STREAM && listen(fd, 16) != 0)) {
    close(fd);
    return -1;
  }
  return fd;
}

std::uint16_t PortOf(int fd) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.sin_port);
}

bool Readable(int fd, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  return poll(&p, 1, timeout_ms) > 0;
}

bool ReadFull(int fd, std::uint8_t* data, std::size_t size, const std::atomic<bool>& stopping) {
  while (size > 0) {
    if (stopping) return false;
    if (!Readable(fd, kPollMs)) continue;
    ssize_t n = recv(fd, data, size, 0);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

DnsResponder::DnsResponder(std::shared_ptr<DnsHandler> handler, std::uint16_t port)
    : handler_(std::move(handler)), port_(port) {}

DnsResponder::~DnsResponder() { Stop(); }

std::string DnsResponder::Start(const std::string& host, std::uint16_t port) {
  const std::uint16_t wanted = port != 0 ? port : port_;
  // Port 0 picks a free UDP port; TCP must then get the same one, which can
  // race with other processes: try a few times.
  for (int attempt = 0; attempt < 20 && tcp_ < 0; ++attempt) {
    udp_ = Bind(SOCK_DGRAM, host, wanted);
    if (udp_ < 0) break;
    tcp_ = Bind(SOCK_STREAM, host, PortOf(udp_));
    if (tcp_ < 0) {
      close(udp_);
      udp_ = -1;
      if (wanted != 0) break;
    }
  }
  if (udp_ < 0 || tcp_ < 0)
    throw std::runtime_error("dns responder: cannot bind UDP and TCP on " + host);
  port_ = PortOf(udp_);
  stopping_ = false;
  udp_thread_ = std::thread([this] { ServeUdp(); });
  tcp_thread_ = std::thread([this] { ServeTcp(); });
  return host + ":" + std::to_string(port_);
}

void DnsResponder::Stop() {
  stopping_ = true;
  if (udp_thread_.joinable()) udp_thread_.join();
  if (tcp_thread_.joinable()) tcp_thread_.join();
  if (udp_ >= 0) close(udp_);
  if (tcp_ >= 0) close(tcp_);
  udp_ = tcp_ = -1;
}

void DnsResponder::ServeUdp() {
  using Clock = std::chrono::steady_clock;
  struct Held {  // a reply waiting out its injected latency
    Clock::time_point due;
    std::vector<std::uint8_t> wire;
    sockaddr_storage to;
    socklen_t to_len;
  };
  std::vector<Held> held;
  std::uint8_t buffer[65535];
  while (!stopping_) {
    int wait_ms = kPollMs;
    const auto now = Clock::now();
    for (auto it = held.begin(); it != held.end();) {
      if (it->due <= now) {
        sendto(udp_, it->wire.data(), it->wire.size(), 0, reinterpret_cast<sockaddr*>(&it->to),
               it->to_len);
        it = held.erase(it);
        continue;
      }
      auto left = std::chrono::ceil<std::chrono::milliseconds>(it->due - now).count();
      wait_ms = std::min(wait_ms, static_cast<int>(left));
      ++it;
    }
    if (!Readable(udp_, wait_ms)) continue;
    sockaddr_storage from{};
    socklen_t from_len = sizeof from;
    ssize_t n =
        recvfrom(udp_, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &from_len);
    if (n <= 0) continue;
    auto reply = handler_->Handle(buffer, static_cast<std::size_t>(n));
    if (reply.wire.empty()) continue;
    if (reply.wire.size() > 512) {
      // Classic DNS over UDP: say "truncated" so the client retries over TCP.
      reply.wire.resize(12);
      reply.wire[2] |= 0x02;
      for (int i = 4; i < 12; ++i) reply.wire[i] = 0;
    }
    if (reply.delay.count() > 0) {
      held.push_back({Clock::now() + reply.delay, std::move(reply.wire), from, from_len});
      continue;
    }
    sendto(udp_, reply.wire.data(), reply.wire.size(), 0, reinterpret_cast<sockaddr*>(&from),
           from_len);
  }
}

void DnsResponder::ServeTcp() {
  while (!stopping_) {
    if (!Readable(tcp_, kPollMs)) continue;
    int fd = accept(tcp_, nullptr, nullptr);
    if (fd < 0) continue;
    ServeConnection(fd);
    close(fd);
  }
}

void DnsResponder::ServeConnection(int fd) {
  while (!stopping_) {
    std::uint8_t length[2];
    if (!ReadFull(fd, length, 2, stopping_)) return;
    std::vector<std::uint8_t> message(static_cast<std::size_t>(length[0] << 8 | length[1]));
    if (!ReadFull(fd, message.data(), message.size(), stopping_)) return;
    auto reply = handler_->Handle(message.data(), message.size());
    if (reply.wire.empty()) continue;  // dropped: the client times out
    std::this_thread::sleep_for(reply.delay);
    const auto& out = reply.wire;
    std::uint8_t prefix[2] = {static_cast<std::uint8_t>(out.size() >> 8),
                              static_cast<std::uint8_t>(out.size() & 0xff)};
    if (send(fd, prefix, 2, MSG_NOSIGNAL) != 2 ||
        send(fd, out.data(), out.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(out.size())) {
      return;
    }
  }
}

std::unique_ptr<DnsResponder> MakeSandboxDns() {
  return std::make_unique<DnsResponder>(std::make_shared<DnsHandler>(
      kSandboxDnsZone, TsigKey{kSandboxTsigKeyName, kSandboxTsigSecret, "hmac-sha256."}));
}

}  // namespace slipway::sandbox
