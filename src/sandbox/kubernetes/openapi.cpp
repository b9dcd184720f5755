#include "sandbox/kubernetes/openapi.hpp"

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "connectors/kubernetes/model/generated_ids.hpp"
#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

std::string DefaultOpenApiDir() {
  if (const char* env = std::getenv("SLIPWAY_K8S_OPENAPI_DIR"); env && *env) return env;
  // The documents live beside the checkout (<repo>/../shared/specs/kubernetes);
  // a clone elsewhere on the same machine finds the machine's shared folder.
  const std::filesystem::path candidates[] = {
      std::filesystem::path(SLIPWAY_SOURCE_DIR).parent_path() / "shared" / "specs" / "kubernetes",
      "/work/shared/specs/kubernetes",
  };
  for (const auto& dir : candidates) {
    if (std::filesystem::is_directory(dir)) return dir.lexically_normal().string();
  }
  return candidates[0].lexically_normal().string();
}

OpenApiDocuments::OpenApiDocuments(std::string dir)
    : dir_(dir.empty() ? DefaultOpenApiDir() : std::move(dir)) {}

void OpenApiDocuments::LoadLocked() {
  if (loaded_) return;
  loaded_ = true;
  for (const auto& gv : AllGroupVersions()) {
    std::string key = gv.group.empty()
                          ? "api/" + std::string(gv.version)
                          : "apis/" + std::string(gv.group) + "/" + std::string(gv.version);
    std::string file = key;
    for (size_t p = file.find('/'); p != std::string::npos; p = file.find('/', p + 2)) {
      file.replace(p, 1, "__");
    }
    std::ifstream in(std::filesystem::path(dir_) / (file + "_openapi.json"), std::ios::binary);
    if (!in) continue;
    std::ostringstream content;
    content << in.rdbuf();
    docs_[key] = content.str();
    std::string hash = model::Sha256Hex(docs_[key]);
    for (auto& c : hash) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    hashes_[key] = hash;
  }
}

std::optional<std::string> OpenApiDocuments::Document(const std::string& group_version) {
  std::lock_guard lock(mutex_);
  LoadLocked();
  auto it = docs_.find(group_version);
  if (it == docs_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> OpenApiDocuments::Index() {
  std::lock_guard lock(mutex_);
  LoadLocked();
  if (docs_.empty()) return std::nullopt;
  boost::json::object paths;
  for (const auto& [key, hash] : hashes_) {
    paths[key] = boost::json::object{{"serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash}};
  }
  return boost::json::serialize(boost::json::object{{"paths", paths}});
}

}  // namespace slipway::sandbox::kube
