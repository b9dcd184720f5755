#include "sandbox/registry/registry_emulator.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "connectors/registry/digest.hpp"
#include "connectors/registry/image_reference.hpp"

namespace slipway::sandbox::registry {

namespace {

std::string Base64(std::string_view text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

http::Response PageNotFound() { return http::Response::Text(404, "404 page not found\n"); }

}  // namespace

http::Response RegistryErrorResponse(int status, std::string_view code, std::string_view message,
                                     const boost::json::value& detail) {
  boost::json::object error{{"code", code}, {"message", message}};
  if (!detail.is_null()) error["detail"] = detail;
  auto response =
      http::Response::Json(status, boost::json::object{{"errors", boost::json::array{error}}});
  response.content_type = "application/json; charset=utf-8";
  return response;
}

RegistryEmulator::RegistryEmulator(RegistryEmulatorOptions options)
    : options_(std::move(options)) {}

void RegistryEmulator::SetBaseUrl(const std::string& url) {
  std::lock_guard lock(mutex_);
  base_url_ = url;
}

std::string RegistryEmulator::base_url() const {
  std::lock_guard lock(mutex_);
  return base_url_;
}

std::string RegistryEmulator::host() const {
  std::string url = base_url();
  auto scheme = url.find("://");
  return scheme == std::string::npos ? url : url.substr(scheme + 3);
}

void RegistryEmulator::Reset() {
  std::lock_guard lock(mutex_);
  blobs_.clear();
  repos_.clear();
  uploads_.clear();
  tokens_.clear();
}

bool RegistryEmulator::ImageExists(std::string_view reference) const {
  auto ref = connectors::registry::ParseImageReference(reference);
  if (!ref.ok()) return false;
  std::lock_guard lock(mutex_);
  auto repo = repos_.find(ref->repository);
  if (repo == repos_.end()) return false;
  if (!ref->digest.empty()) return repo->second.manifests.contains(ref->digest);
  return repo->second.tags.contains(ref->tag);
}

boost::json::value RegistryEmulator::State() const {
  std::lock_guard lock(mutex_);
  boost::json::object repos;
  for (const auto& [name, repo] : repos_) {
    boost::json::object tags;
    for (const auto& [tag, digest] : repo.tags) tags[tag] = digest;
    boost::json::array manifests;
    for (const auto& [digest, m] : repo.manifests) {
      manifests.push_back(boost::json::object{
          {"digest", digest}, {"media_type", m.media_type}, {"size", m.bytes.size()}});
    }
    boost::json::array blobs(repo.blobs.begin(), repo.blobs.end());
    repos[name] = boost::json::object{{"tags", tags}, {"manifests", manifests}, {"blobs", blobs}};
  }
  return boost::json::object{
      {"repositories", repos}, {"blobs", blobs_.size()}, {"uploads", uploads_.size()}};
}

std::optional<http::Response> RegistryEmulator::CheckAuth(const http::Request& request,
                                                          std::string_view repository) const {
  if (options_.user.empty() && !options_.bearer) return std::nullopt;
  std::string_view given = request.Header("authorization");
  if (options_.bearer) {
    if (given.starts_with("Bearer ")) {
      std::lock_guard lock(mutex_);
      if (tokens_.contains(std::string(given.substr(7)))) return std::nullopt;
    }
    std::string challenge = "Bearer realm=\"" + base_url() + "/token\",service=\"slipway-sandbox\"";
    if (!repository.empty())
      challenge += ",scope=\"repository:" + std::string(repository) + ":pull,push\"";
    auto r = RegistryErrorResponse(401, "UNAUTHORIZED", "authentication required", nullptr);
    r.headers.emplace_back("WWW-Authenticate", challenge);
    return r;
  }
  if (given == "Basic " + Base64(options_.user + ":" + options_.password)) return std::nullopt;
  auto r = RegistryErrorResponse(401, "UNAUTHORIZED", "authentication required", nullptr);
  r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"slipway-sandbox\"");
  return r;
}

http::Response RegistryEmulator::IssueToken(const http::Request& request) {
  if (!options_.user.empty() && request.Header("authorization") !=
                                    "Basic " + Base64(options_.user + ":" + options_.password)) {
    return http::Response::Json(401,
                                boost::json::object{{"details", "incorrect username or password"}});
  }
  unsigned char raw[24];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  {
    std::lock_guard lock(mutex_);
    tokens_.insert(hex);
  }
  return http::Response::Json(
      200, boost::json::object{{"token", hex}, {"access_token", hex}, {"expires_in", 300}});
}

http::Response RegistryEmulator::Handle(http::Request& request) {
  http::Response response;
  if (options_.bearer && request.path == "/token" && request.method == "GET") {
    response = IssueToken(request);
  } else {
    response = Route(request);
  }
  response.headers.emplace_back("Docker-Distribution-Api-Version", "registry/2.0");
  // HEAD keeps the body: the server sends only the headers, with the Content-Length a
  // GET would get (clients read a manifest's or blob's size from it).
  return response;
}

http::Response RegistryEmulator::Route(http::Request& request) {
  const std::string& path = request.path;
  if (path == "/v2/" || path == "/v2") {
    if (auto denied = CheckAuth(request, "")) return *denied;
    if (request.method != "GET" && request.method != "HEAD") return PageNotFound();
    auto r = http::Response::Text(200, "{}", "application/json; charset=utf-8");
    return r;
  }
  if (path == "/v2/_catalog") {
    if (auto denied = CheckAuth(request, "")) return *denied;
    if (request.method == "GET") return Catalog(request);
    auto r = http::Response::Text(405, "Method Not Allowed\n");
    r.headers.emplace_back("Allow", "GET");
    return r;
  }
  if (!path.starts_with("/v2/")) return PageNotFound();
  std::string rest = path.substr(4);
  std::string name;
  auto split = [&](std::string_view marker, std::string& tail) {
    auto at = rest.rfind(marker);
    if (at == std::string::npos) return false;
    name = rest.substr(0, at);
    tail = rest.substr(at + marker.size());
    return true;
  };
  std::string tail;
  enum { kTags, kUploads, kBlobs, kManifests, kNone } kind = kNone;
  if (rest.ends_with("/tags/list")) {
    name = rest.substr(0, rest.size() - 10);
    kind = kTags;
  } else if (split("/blobs/uploads/", tail) ||
             (rest.ends_with("/blobs/uploads") && split("/blobs/uploads", tail))) {
    kind = kUploads;
  } else if (split("/blobs/", tail)) {
    kind = kBlobs;
  } else if (split("/manifests/", tail)) {
    kind = kManifests;
  }
  if (kind == kNone || !connectors::registry::IsValidRepositoryName(name)) return PageNotFound();
  if (auto denied = CheckAuth(request, name)) return *denied;
  switch (kind) {
    case kTags:
      return request.method == "GET" || request.method == "HEAD" ? Tags(request, name)
                                                                 : PageNotFound();
    case kUploads:
      return Uploads(request, name, tail);
    case kBlobs:
      return Blobs(request, name, tail);
    case kManifests:
      return Manifests(request, name, tail);
    case kNone:
      break;
  }
  return PageNotFound();
}

std::string RegistryEmulator::UploadLocation(const std::string& name,
                                             const std::string& uuid) const {
  // Absolute like Distribution; _state stands for its opaque resume token.
  return base_url() + "/v2/" + name + "/blobs/uploads/" + uuid + "?_state=" + uuid.substr(0, 8);
}

}  // namespace slipway::sandbox::registry
