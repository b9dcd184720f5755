#include "connectors/registry/fake.hpp"

#include "connectors/registry/digest.hpp"
#include "connectors/registry/tiny_image.hpp"

namespace slipway::connectors::registry {

namespace {

core::Error NotFound(std::string code, std::string what) {
  return core::NotFound("registry: " + what + ": " + code);
}

}  // namespace

std::optional<core::Error> FakeRegistry::Enter(std::string operation, std::string_view detail) {
  calls_.push_back(operation + (detail.empty() ? "" : " " + std::string(detail)));
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if (it->first.empty() || it->first == operation) {
      core::Error error = it->second;
      failures_.erase(it);
      return error;
    }
  }
  return std::nullopt;
}

void FakeRegistry::FailNext(std::string operation, core::Error error) {
  std::lock_guard lock(mutex_);
  failures_.emplace_back(std::move(operation), std::move(error));
}

std::vector<std::string> FakeRegistry::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

core::Status FakeRegistry::Ping() {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Ping", "")) return *e;
  return core::Ok{};
}

core::Result<ManifestInfo> FakeRegistry::Find(std::string_view repository,
                                              std::string_view reference) const {
  std::string what = "manifest " + std::string(repository) + ":" + std::string(reference);
  if (!IsValidRepositoryName(repository)) return core::Invalid("registry: invalid repository name");
  auto repo = repos_.find(repository);
  if (repo == repos_.end()) return NotFound("MANIFEST_UNKNOWN: manifest unknown", what);
  std::string digest(reference);
  if (!IsDigest(reference)) {
    auto tag = repo->second.tags.find(digest);
    if (tag == repo->second.tags.end()) return NotFound("MANIFEST_UNKNOWN: manifest unknown", what);
    digest = tag->second;
  }
  auto manifest = repo->second.manifests.find(digest);
  if (manifest == repo->second.manifests.end())
    return NotFound("MANIFEST_UNKNOWN: manifest unknown", what);
  return manifest->second;
}

core::Result<ManifestInfo> FakeRegistry::HeadManifest(std::string_view repository,
                                                      std::string_view reference) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("HeadManifest", std::string(repository) + ":" + std::string(reference)))
    return *e;
  auto found = Find(repository, reference);
  if (found.ok()) found->body.clear();
  return found;
}

core::Result<ManifestInfo> FakeRegistry::GetManifest(std::string_view repository,
                                                     std::string_view reference) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetManifest", std::string(repository) + ":" + std::string(reference)))
    return *e;
  return Find(repository, reference);
}

core::Result<std::vector<std::string>> FakeRegistry::ListTags(std::string_view repository,
                                                              int page_size) {
  (void)page_size;  // the fake has no pages
  std::lock_guard lock(mutex_);
  if (auto e = Enter("ListTags", repository)) return *e;
  auto repo = repos_.find(repository);
  if (repo == repos_.end()) {
    return NotFound("NAME_UNKNOWN: repository name not known to registry",
                    "tags of " + std::string(repository));
  }
  std::vector<std::string> tags;
  for (const auto& [tag, digest] : repo->second.tags) tags.push_back(tag);
  return tags;
}

core::Status FakeRegistry::DeleteManifest(std::string_view repository, std::string_view digest) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("DeleteManifest", std::string(repository) + "@" + std::string(digest)))
    return *e;
  if (!IsDigest(digest)) {
    return core::Invalid("registry: manifests are deleted by digest, not by '" +
                         std::string(digest) + "'");
  }
  auto repo = repos_.find(repository);
  if (repo == repos_.end() || repo->second.manifests.erase(std::string(digest)) == 0) {
    return NotFound("MANIFEST_UNKNOWN: manifest unknown", "delete " + std::string(repository));
  }
  std::erase_if(repo->second.tags, [&](const auto& t) { return t.second == digest; });
  return core::Ok{};
}

core::Result<ManifestInfo> FakeRegistry::PushImage(std::string_view repository,
                                                   std::string_view tag) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("PushImage", std::string(repository) + ":" + std::string(tag))) return *e;
  if (!IsValidRepositoryName(repository)) return core::Invalid("registry: invalid repository name");
  if (!IsValidTag(tag)) return core::Invalid("registry: invalid tag '" + std::string(tag) + "'");
  TinyImage image = MakeTinyImage(repository, tag);
  ManifestInfo info{image.manifest_digest, std::string(kOciManifest),
                    static_cast<std::int64_t>(image.manifest.size()), image.manifest};
  auto& repo = repos_[std::string(repository)];
  repo.manifests[info.digest] = info;
  repo.tags[std::string(tag)] = info.digest;
  return info;
}

}  // namespace slipway::connectors::registry
