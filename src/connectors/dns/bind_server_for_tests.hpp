#pragma once
// Test support (header-only, not part of the library): a real BIND 9 `named`
// on a free loopback port, UDP and TCP, serving one TSIG-protected dynamic
// zone, set up as REAL-SERVICES.md describes. Stopped by pid.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

#include "connectors/dns/client.hpp"
#include "support/temp_dir.hpp"

namespace slipway::connectors::dns {

class BindServer {
 public:
  static constexpr const char* kNamed = "/usr/sbin/named";
  static bool Available() { return access(kNamed, X_OK) == 0; }

  BindServer(std::string zone, std::string key_name, std::string secret)
      : zone_(std::move(zone)), key_name_(std::move(key_name)), secret_(std::move(secret)) {}
  ~BindServer() { Stop(); }

  /// Starts named and waits until it answers; false (with `log()`) otherwise.
  bool Start() {
    port_ = FreePort();
    const std::string dir = dir_.path();
    std::ofstream(dir + "/tsig.key")
        << "key \"" << key_name_ << "\" { algorithm hmac-sha256; secret \"" << secret_
        << "\"; };\n";
    std::ofstream(dir + "/named.conf")
        << "include \"" << dir << "/tsig.key\";\n"
        << "options { directory \"" << dir << "\"; pid-file \"" << dir
        << "/named.pid\"; session-keyfile \"" << dir << "/session.key\";\n  listen-on port "
        << port_ << " { 127.0.0.1; }; listen-on-v6 { none; }; recursion no;\n"
        << "  allow-query { 127.0.0.1; }; dnssec-validation no; allow-transfer { none; }; };\n"
        << "controls { };\n"
        << "zone \"" << zone_ << "\" { type primary; file \"" << dir
        << "/db.zone\"; allow-update { key \"" << key_name_ << "\"; }; };\n";
    std::ofstream(dir + "/db.zone")
        << "$TTL 300\n@ IN SOA ns1." << zone_ << ". hostmaster." << zone_
        << ". ( 1 3600 600 86400 300 )\n  IN NS ns1." << zone_ << ".\nns1 IN A 127.0.0.1\n";
    pid_ = fork();
    if (pid_ == 0) {
      const std::string log = dir + "/named.log";
      if (!freopen(log.c_str(), "w", stderr) || !freopen(log.c_str(), "a", stdout)) _exit(126);
      execl(kNamed, "named", "-g", "-4", "-c", (dir + "/named.conf").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    DnsClient probe(Settings());
    for (int i = 0; i < 100; ++i) {
      if (probe.Query("ns1." + zone_, DnsType::kA).ok()) return true;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  DnsSettings Settings() const {
    DnsSettings s;
    s.server = "127.0.0.1";
    s.port = port_;
    s.zone = zone_;
    s.key_name = key_name_;
    s.key_secret = secret_;
    s.timeout = std::chrono::milliseconds(2000);
    return s;
  }

  std::string log() const {
    std::ifstream in(dir_.path() + "/named.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  // A port free for both UDP and TCP right now (named binds both).
  static std::uint16_t FreePort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
      int udp = socket(AF_INET, SOCK_DGRAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      bind(udp, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
      socklen_t len = sizeof addr;
      getsockname(udp, reinterpret_cast<sockaddr*>(&addr), &len);
      int tcp = socket(AF_INET, SOCK_STREAM, 0);
      bool ok = bind(tcp, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
      close(tcp);
      close(udp);
      if (ok) return ntohs(addr.sin_port);
    }
    return 0;
  }

  slipway::testing::TempDir dir_;
  std::string zone_, key_name_, secret_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace slipway::connectors::dns
