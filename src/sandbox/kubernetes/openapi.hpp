#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace slipway::sandbox::kube {

/// The official OpenAPI v3 documents (shared/specs/kubernetes/), served
/// verbatim under /openapi/v3/<group-version>.
///
/// They are read at runtime from a directory rather than compiled in: the
/// three files are 3.4 MB, which as string literals would cost every build
/// of the sandbox layer far more time and compiler memory than a file read
/// costs at the first /openapi request. Default directory:
/// $SLIPWAY_K8S_OPENAPI_DIR, else `<repo>/../shared/specs/kubernetes` (the
/// repo as CMake saw it), else /work/shared/specs/kubernetes. When the files are missing
/// /openapi/v3 answers 404 and kubectl needs `--validate=false`.
class OpenApiDocuments {
 public:
  /// `dir` empty: the default described above.
  explicit OpenApiDocuments(std::string dir = "");
  /// The directory documents are read from.
  const std::string& dir() const { return dir_; }
  /// The document for "api/v1", "apis/apps/v1", …; nullopt when not available.
  std::optional<std::string> Document(const std::string& group_version);
  /// The /openapi/v3 index: {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"}}}.
  /// nullopt when no document could be read.
  std::optional<std::string> Index();

 private:
  void LoadLocked();
  std::string dir_;
  std::mutex mutex_;
  bool loaded_ = false;
  std::map<std::string, std::string> docs_;    ///< group-version → document
  std::map<std::string, std::string> hashes_;  ///< group-version → content hash
};

/// The default directory (see OpenApiDocuments).
std::string DefaultOpenApiDir();

}  // namespace slipway::sandbox::kube
