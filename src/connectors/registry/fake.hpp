#pragma once
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/registry.hpp"

namespace slipway::connectors::registry {

/// An in-memory Registry for unit tests: repositories of manifests and tags
/// with the same rules as Distribution (delete by digest only, deleting a
/// digest drops its tags, a repository whose tags are gone lists none).
/// Records every call ("PushImage team/app:1.0") and fails the next calls
/// on request. Thread-safe.
class FakeRegistry final : public Registry {
 public:
  core::Status Ping() override;
  core::Result<ManifestInfo> HeadManifest(std::string_view repository,
                                          std::string_view reference) override;
  core::Result<ManifestInfo> GetManifest(std::string_view repository,
                                         std::string_view reference) override;
  core::Result<std::vector<std::string>> ListTags(std::string_view repository,
                                                  int page_size) override;
  core::Status DeleteManifest(std::string_view repository, std::string_view digest) override;
  core::Result<ManifestInfo> PushImage(std::string_view repository, std::string_view tag) override;

  /// The next call whose name ("PushImage", "DeleteManifest", …) matches
  /// (empty: any) fails with `error`.
  void FailNext(std::string operation, core::Error error);
  std::vector<std::string> calls() const;

 private:
  struct Repo {
    std::map<std::string, ManifestInfo> manifests;  ///< by digest
    std::map<std::string, std::string> tags;        ///< tag → digest
  };
  std::optional<core::Error> Enter(std::string operation, std::string_view detail);
  core::Result<ManifestInfo> Find(std::string_view repository, std::string_view reference) const;

  mutable std::mutex mutex_;
  std::map<std::string, Repo, std::less<>> repos_;
  std::deque<std::pair<std::string, core::Error>> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::registry
