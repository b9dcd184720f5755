#pragma once
// The request framing rules of RFC 9112 that Beast's parser leaves to the
// server: obsolete line folding, transfer codings other than chunked, and
// the Host header. Plain code over bytes and field values, so that the
// server (the only Beast translation unit) stays small.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::http {

/// Watches a request's first bytes arrive until no more are needed to
/// parse or refuse its header section, and notes obsolete line folding
/// (RFC 9112 §5.2), which Beast's parser would silently unfold. Resumes
/// where it stopped, so a client dripping bytes costs linear time.
class HeaderScanner {
 public:
  explicit HeaderScanner(std::size_t limit) : limit_(limit) {}
  /// `bytes`: everything received so far, the same bytes as at the last
  /// call plus those that arrived since.
  void Scan(std::string_view bytes);
  /// The header section ended, or the parser can already tell the request
  /// is malformed (a bare LF) or too large (more than `limit` bytes).
  bool ready() const { return ready_; }
  /// A header line starts with a space or tab.
  bool obs_fold() const { return obs_fold_; }

 private:
  std::size_t limit_;
  std::size_t start_ = 0;  ///< after empty lines before the request line
  bool started_ = false;
  std::size_t next_ = 0;  ///< the next byte to look at
  bool ready_ = false;
  bool obs_fold_ = false;
};

/// A request refused for its framing: status and a message for the caller.
struct FramingRefusal {
  int status = 400;
  std::string code;
  std::string message;
};

/// Checks the Transfer-Encoding field lines (RFC 9112 §6.1: only `chunked`
/// is implemented here, and HTTP/1.0 has no transfer codings) and the Host
/// lines (§3.2: exactly one in HTTP/1.1, at most one before). `version` is
/// 10 or 11.
std::optional<FramingRefusal> CheckFraming(unsigned version,
                                           const std::vector<std::string_view>& transfer_encodings,
                                           std::size_t host_lines);

}  // namespace slipway::http
