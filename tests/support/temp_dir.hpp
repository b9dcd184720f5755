#pragma once
#include <string>

namespace slipway::testing {

/// A fresh directory under $TMPDIR (or /tmp), removed with its contents when
/// the object is destroyed. Movable; a moved-from TempDir owns nothing.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Absolute path of the directory (no trailing slash).
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace slipway::testing
