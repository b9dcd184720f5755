#pragma once
#include <mutex>
#include <string>

namespace slipway::services {

/// Slipway's own address as others reach it ("http://host:port"): the
/// configured public URL, or the listening address, known only once the
/// server listens (its port may be chosen then). Links in notices and the
/// URL GitLab posts push hooks to are made from it. Thread-safe.
class ServerAddress {
 public:
  explicit ServerAddress(std::string url = "") : url_(std::move(url)) {}
  void Set(std::string url) {
    std::lock_guard lock(mutex_);
    url_ = std::move(url);
  }
  std::string url() const {
    std::lock_guard lock(mutex_);
    return url_;
  }

 private:
  mutable std::mutex mutex_;
  std::string url_;
};

}  // namespace slipway::services
