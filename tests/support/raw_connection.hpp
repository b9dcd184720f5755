#pragma once
// A plain TCP connection for tests that must send exact bytes (malformed or
// unusual requests) and see the server's exact answer, byte for byte.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace slipway::testing {

class RawConnection {
 public:
  /// Connects to 127.0.0.1:`port`; check connected().
  explicit RawConnection(std::uint16_t port);
  /// Connects to the port of "http://127.0.0.1:PORT".
  explicit RawConnection(const std::string& base_url);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0 && connected_; }
  /// Sends every byte; false when the connection refuses them.
  bool Write(std::string_view bytes);
  /// Reads until the server closes the connection, or until `timeout`
  /// passes without it closing (then timed_out() is true). Returns every
  /// byte received on this connection so far.
  std::string ReadAll(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// Reads until the bytes received on this connection so far contain
  /// `marker`, the server closes, or `timeout` passes; returns them all.
  std::string ReadUntil(std::string_view marker,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// Whether the last read stopped because time ran out rather than at a close.
  bool timed_out() const { return timed_out_; }
  /// Closes the connection now, as a client that goes away does.
  void Close();

 private:
  /// One recv with a deadline into received_; false at a close or timeout.
  bool ReadSome(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string received_;
  bool connected_ = false;
  bool timed_out_ = false;
};

/// Sends `bytes` on a new connection to 127.0.0.1:`port` and returns every
/// byte of the answer until the server closes the connection (10 s at most).
std::string RawExchange(std::uint16_t port, std::string_view bytes);

/// The status code of the first response in `bytes` ("HTTP/1.1 200 OK…"), or 0.
int RawStatus(std::string_view bytes);

}  // namespace slipway::testing
