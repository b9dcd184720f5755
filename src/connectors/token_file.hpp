#pragma once
#include <chrono>
#include <mutex>
#include <string>

namespace slipway::connectors {

/// A bearer token kept in a file that is rewritten while we run: Kubernetes
/// projected service-account tokens rotate (the kubelet replaces the file
/// well before the token expires; client-go re-reads it about every minute).
///
/// Current() looks at the file's status on every call, which costs one stat(2),
/// and reads it again when its modification time, size or inode changed (the
/// kubelet swaps a symlink, so the inode changes even when nothing else does)
/// or when the last read is older than `max_age` (a rewrite within the file
/// system's timestamp granularity). A file that cannot be read, or reads
/// empty, keeps the last good token. Thread-safe.
class TokenFile {
 public:
  /// `initial` is served until the file is first read successfully.
  explicit TokenFile(std::string path, std::string initial = "",
                     std::chrono::seconds max_age = std::chrono::seconds(60));

  /// The token as the file holds it now, whitespace trimmed.
  std::string Current();
  const std::string& path() const { return path_; }

 private:
  struct Stamp {
    long long mtime_ns = -1;
    long long size = -1;
    unsigned long long inode = 0;
    bool operator==(const Stamp&) const = default;
  };
  const std::string path_;
  const std::chrono::seconds max_age_;
  std::mutex mutex_;
  std::string token_;
  Stamp stamp_;
  std::chrono::steady_clock::time_point read_at_{};
};

}  // namespace slipway::connectors
