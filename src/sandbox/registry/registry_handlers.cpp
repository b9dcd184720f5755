// The /v2/ resource handlers of RegistryEmulator: uploads, blobs, manifests, tags, catalog.
#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>

#include "connectors/registry.hpp"
#include "connectors/registry/digest.hpp"
#include "sandbox/registry/registry_emulator.hpp"

namespace slipway::sandbox::registry {

namespace {

using connectors::registry::IsDigest;
using connectors::registry::Sha256Digest;

std::string NewUuid() {
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  std::string h(hex);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

http::Response Status(int status, std::string_view content_type = "") {
  http::Response r;
  r.status = status;
  r.content_type = std::string(content_type);
  return r;
}

bool KnownManifestType(std::string_view type) {
  return type == connectors::kOciManifest || type == connectors::kOciIndex ||
         type == connectors::kDockerManifest || type == connectors::kDockerManifestList;
}

http::Response BlobUploadUnknown() {
  return RegistryErrorResponse(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
}

// The digests a manifest refers to: config and layers, or an index's manifests.
std::vector<std::string> References(const boost::json::object& manifest,
                                    std::vector<std::string>& children) {
  std::vector<std::string> blobs;
  auto digest_of = [](const boost::json::value& v) {
    const auto* d = v.is_object() ? v.as_object().if_contains("digest") : nullptr;
    return d && d->is_string() ? std::string(d->as_string()) : std::string();
  };
  if (const auto* c = manifest.if_contains("config")) blobs.push_back(digest_of(*c));
  if (const auto* l = manifest.if_contains("layers"); l && l->is_array()) {
    for (const auto& layer : l->as_array()) blobs.push_back(digest_of(layer));
  }
  if (const auto* m = manifest.if_contains("manifests"); m && m->is_array()) {
    for (const auto& child : m->as_array()) children.push_back(digest_of(child));
  }
  return blobs;
}

}  // namespace

http::Response RegistryEmulator::Uploads(http::Request& request, const std::string& name,
                                         const std::string& uuid) {
  if (request.method == "POST" && uuid.empty()) {
    auto mount = request.Query("mount");
    auto from = request.Query("from");
    if (mount && from) {
      std::lock_guard lock(mutex_);
      auto source = repos_.find(*from);
      if (source != repos_.end() && source->second.blobs.contains(*mount)) {
        repos_[name].blobs.insert(*mount);
        repos_[name].had_blobs = true;
        auto r = Status(201);
        r.headers = {{"Location", base_url_ + "/v2/" + name + "/blobs/" + *mount},
                     {"Docker-Content-Digest", *mount}};
        return r;
      }
    }
    // A one-request POST upload (?digest= with a body) is not honoured by
    // Distribution 2.8.2 either: it opens a session like any POST.
    std::string id = NewUuid();
    {
      std::lock_guard lock(mutex_);
      uploads_[id] = Upload{name, ""};
      repos_[name];  // the repository exists from its first upload on
    }
    auto r = Status(202);
    r.headers = {
        {"Location", UploadLocation(name, id)}, {"Docker-Upload-UUID", id}, {"Range", "0-0"}};
    return r;
  }
  std::lock_guard lock(mutex_);
  auto upload = uploads_.find(uuid);
  if (upload == uploads_.end() || upload->second.repository != name) return BlobUploadUnknown();
  auto range = [&] {
    auto size = upload->second.data.size();
    return "0-" + std::to_string(size == 0 ? 0 : size - 1);
  };
  auto location =
      base_url_ + "/v2/" + name + "/blobs/uploads/" + uuid + "?_state=" + uuid.substr(0, 8);
  if (request.method == "GET") {
    auto r = Status(204);
    r.headers = {{"Location", location}, {"Range", range()}, {"Docker-Upload-UUID", uuid}};
    return r;
  }
  if (request.method == "DELETE") {
    uploads_.erase(upload);
    return Status(204);
  }
  if (request.method == "PATCH") {
    upload->second.data += request.body;
    auto r = Status(202);
    r.headers = {{"Location", location}, {"Range", range()}, {"Docker-Upload-UUID", uuid}};
    return r;
  }
  if (request.method != "PUT") return http::Response::Text(405, "Method Not Allowed\n");
  auto digest = request.Query("digest").value_or("");
  // Like Distribution, a form content type makes the body a form: no blob.
  if (request.Header("content-type").starts_with("application/x-www-form-urlencoded")) {
    return RegistryErrorResponse(400, "DIGEST_INVALID",
                                 "provided digest did not match uploaded content");
  }
  upload->second.data += request.body;
  if (!IsDigest(digest) || Sha256Digest(upload->second.data) != digest) {
    return RegistryErrorResponse(400, "DIGEST_INVALID",
                                 "provided digest did not match uploaded content");
  }
  blobs_[digest] = std::move(upload->second.data);
  repos_[name].blobs.insert(digest);
  repos_[name].had_blobs = true;
  uploads_.erase(upload);
  auto r = Status(201);
  r.headers = {{"Location", base_url_ + "/v2/" + name + "/blobs/" + digest},
               {"Docker-Content-Digest", digest}};
  return r;
}

http::Response RegistryEmulator::Blobs(http::Request& request, const std::string& name,
                                       const std::string& digest) {
  std::lock_guard lock(mutex_);
  auto repo = repos_.find(name);
  bool linked =
      repo != repos_.end() && repo->second.blobs.contains(digest) && blobs_.contains(digest);
  if (request.method == "DELETE") {
    if (!options_.delete_enabled)
      return RegistryErrorResponse(405, "UNSUPPORTED", "The operation is unsupported.");
    if (!linked)
      return RegistryErrorResponse(404, "BLOB_UNKNOWN", "blob unknown to registry",
                                   boost::json::value(digest));
    repo->second.blobs.erase(digest);  // unlink only: space comes back with garbage collection
    return Status(202);
  }
  if (request.method != "GET" && request.method != "HEAD")
    return http::Response::Text(405, "Method Not Allowed\n");
  if (!linked)
    return RegistryErrorResponse(404, "BLOB_UNKNOWN", "blob unknown to registry",
                                 boost::json::value(digest));
  auto r = Status(200, "application/octet-stream");
  r.body = blobs_[digest];
  r.headers = {{"Docker-Content-Digest", digest}, {"Etag", "\"" + digest + "\""}};
  return r;
}

http::Response RegistryEmulator::Manifests(http::Request& request, const std::string& name,
                                           const std::string& reference) {
  if (request.method == "PUT") return PutManifest(request, name, reference);
  if (request.method == "DELETE") return DeleteManifest(name, reference);
  if (request.method != "GET" && request.method != "HEAD")
    return http::Response::Text(405, "Method Not Allowed\n");
  std::lock_guard lock(mutex_);
  auto unknown = [&] {
    return IsDigest(reference) ? RegistryErrorResponse(404, "MANIFEST_UNKNOWN", "manifest unknown")
                               : RegistryErrorResponse(404, "MANIFEST_UNKNOWN", "manifest unknown",
                                                       boost::json::object{{"Tag", reference}});
  };
  auto repo = repos_.find(name);
  if (repo == repos_.end()) return unknown();
  std::string digest = reference;
  if (!IsDigest(reference)) {
    auto tag = repo->second.tags.find(reference);
    if (tag == repo->second.tags.end()) return unknown();
    digest = tag->second;
  }
  auto manifest = repo->second.manifests.find(digest);
  if (manifest == repo->second.manifests.end()) return unknown();
  const auto& m = manifest->second;
  std::string_view accept = request.Header("accept");
  if (options_.strict_accept && accept.find(m.media_type) == std::string_view::npos) {
    // What 2.8.2 does: OCI content is withheld, Docker schema2 is "down-converted" (fails).
    if (m.media_type == connectors::kOciManifest || m.media_type == connectors::kOciIndex) {
      return RegistryErrorResponse(
          404, "MANIFEST_UNKNOWN",
          "OCI manifest found, but accept header does not support OCI manifests");
    }
    return RegistryErrorResponse(400, "MANIFEST_INVALID", "manifest invalid");
  }
  auto r = Status(200, m.media_type);
  r.body = m.bytes;
  r.headers = {{"Docker-Content-Digest", digest}, {"Etag", "\"" + digest + "\""}};
  return r;
}

http::Response RegistryEmulator::PutManifest(http::Request& request, const std::string& name,
                                             const std::string& reference) {
  std::string type(request.Header("content-type"));
  type = type.substr(0, type.find(';'));
  boost::system::error_code ec;
  auto parsed = boost::json::parse(request.body, ec);
  if (ec || !parsed.is_object() || !KnownManifestType(type)) {
    return RegistryErrorResponse(400, "MANIFEST_INVALID", "manifest invalid");
  }
  const auto& doc = parsed.as_object();
  if (const auto* mt = doc.if_contains("mediaType");
      mt && (!mt->is_string() || mt->as_string() != type)) {
    return RegistryErrorResponse(
        400, "MANIFEST_INVALID", "manifest invalid",
        boost::json::value("mediaType in manifest should be '" + type + "'"));
  }
  std::string digest = Sha256Digest(request.body);
  bool by_digest = IsDigest(reference);
  if (by_digest && reference != digest) {
    return RegistryErrorResponse(400, "DIGEST_INVALID",
                                 "provided digest did not match uploaded content");
  }
  if (!by_digest && !connectors::registry::IsValidTag(reference)) {
    return RegistryErrorResponse(400, "TAG_INVALID", "manifest tag did not match URI");
  }
  std::vector<std::string> children;
  auto blobs = References(doc, children);
  std::lock_guard lock(mutex_);
  auto& repo = repos_[name];
  for (const auto& b : blobs) {
    if (!repo.blobs.contains(b)) {
      return RegistryErrorResponse(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry",
                                   boost::json::value(b));
    }
  }
  for (const auto& c : children) {
    if (!repo.manifests.contains(c)) {
      return RegistryErrorResponse(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry",
                                   boost::json::value(c));
    }
  }
  repo.manifests[digest] = Manifest{request.body, type};
  if (!by_digest) repo.tags[reference] = digest;
  auto r = Status(201);
  r.headers = {{"Location", base_url_ + "/v2/" + name + "/manifests/" + digest},
               {"Docker-Content-Digest", digest}};
  return r;
}

http::Response RegistryEmulator::DeleteManifest(const std::string& name,
                                                const std::string& reference) {
  if (!options_.delete_enabled)
    return RegistryErrorResponse(405, "UNSUPPORTED", "The operation is unsupported.");
  std::lock_guard lock(mutex_);
  auto repo = repos_.find(name);
  std::string digest = reference;
  if (!IsDigest(reference)) {
    if (!options_.delete_by_tag) {
      return RegistryErrorResponse(400, "DIGEST_INVALID",
                                   "provided digest did not match uploaded content");
    }
    if (repo == repos_.end() || !repo->second.tags.contains(reference)) {
      return RegistryErrorResponse(404, "MANIFEST_UNKNOWN", "manifest unknown");
    }
    repo->second.tags.erase(reference);  // OCI 1.1: deleting a tag removes only the tag
    return Status(202);
  }
  if (repo == repos_.end() || repo->second.manifests.erase(digest) == 0) {
    return RegistryErrorResponse(404, "MANIFEST_UNKNOWN", "manifest unknown");
  }
  std::erase_if(repo->second.tags, [&](const auto& t) { return t.second == digest; });
  return Status(202);
}

http::Response RegistryEmulator::Tags(const http::Request& request, const std::string& name) {
  std::lock_guard lock(mutex_);
  auto repo = repos_.find(name);
  if (repo == repos_.end()) {
    return RegistryErrorResponse(404, "NAME_UNKNOWN", "repository name not known to registry",
                                 boost::json::object{{"name", name}});
  }
  std::string last = request.Query("last").value_or("");
  long n = std::atol(request.Query("n").value_or("0").c_str());
  boost::json::array tags;
  std::string link;
  for (auto it = repo->second.tags.upper_bound(last); it != repo->second.tags.end(); ++it) {
    if (n > 0 && static_cast<long>(tags.size()) == n) {
      link = "</v2/" + name + "/tags/list?last=" + std::string(tags.back().as_string()) +
             "&n=" + std::to_string(n) + ">; rel=\"next\"";
      break;
    }
    tags.push_back(boost::json::value(it->first));
  }
  // 2.8.2 answers "tags": null once every tag is gone; clients must cope.
  boost::json::value list = tags.empty() ? boost::json::value(nullptr) : boost::json::value(tags);
  auto r = http::Response::Json(200, boost::json::object{{"name", name}, {"tags", list}});
  r.content_type = "application/json; charset=utf-8";
  if (!link.empty()) r.headers.emplace_back("Link", link);
  return r;
}

// As Distribution 2.8.2 (observed): 100 names unless `n` asks otherwise,
// more than 1000 is PAGINATION_NUMBER_INVALID, an `n` that is not a
// non-negative number is ignored; names after `last` in path order (`/`
// sorts before every other character); a Link to the next page only when
// there is one.
http::Response RegistryEmulator::Catalog(const http::Request& request) {
  constexpr long kDefaultEntries = 100;
  constexpr long kMaxEntries = 1000;
  long n = kDefaultEntries;
  if (auto text = request.Query("n"); text && !text->empty() && text->size() <= 9 &&
                                      text->find_first_not_of("0123456789") == std::string::npos) {
    n = std::stol(*text);
    if (n > kMaxEntries) {
      return RegistryErrorResponse(400, "PAGINATION_NUMBER_INVALID",
                                   "invalid number of results requested",
                                   boost::json::object{{"n", n}});
    }
  }
  auto path_order = [](std::string name) {
    std::replace(name.begin(), name.end(), '/', '\0');
    return name;
  };
  const std::string last = path_order(request.Query("last").value_or(""));
  std::vector<std::string> names;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, repo] : repos_) {
      if (repo.had_blobs && path_order(name) > last) names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    return path_order(a) < path_order(b);
  });
  const bool more = static_cast<long>(names.size()) > n;
  if (more) names.resize(static_cast<std::size_t>(n));
  auto r = http::Response::Json(
      200, boost::json::object{{"repositories", boost::json::array(names.begin(), names.end())}});
  r.content_type = "application/json; charset=utf-8";
  if (more && !names.empty()) {
    std::string escaped;  // repository names need only '/' escaped in a query
    for (char c : names.back()) escaped += c == '/' ? std::string("%2F") : std::string(1, c);
    r.headers.emplace_back(
        "Link", "</v2/_catalog?last=" + escaped + "&n=" + std::to_string(n) + ">; rel=\"next\"");
  }
  return r;
}

}  // namespace slipway::sandbox::registry
