#include "connectors/registry/client.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "connectors/registry/digest.hpp"
#include "connectors/registry/tiny_image.hpp"

namespace slipway::connectors::registry {

namespace {

constexpr std::string_view kSystem = "registry";

std::string AcceptAll() {
  return std::string(kOciManifest) + ", " + std::string(kOciIndex) + ", " +
         std::string(kDockerManifest) + ", " + std::string(kDockerManifestList);
}

std::string Base64(std::string_view text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Parses `Bearer realm="…",service="…",scope="…"` into its parameters.
std::map<std::string, std::string> ChallengeParams(std::string_view challenge) {
  std::map<std::string, std::string> params;
  std::string_view rest = challenge.substr(std::min(challenge.size(), challenge.find(' ') + 1));
  while (!rest.empty()) {
    while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
    auto eq = rest.find('=');
    if (eq == std::string_view::npos) break;
    std::string key(rest.substr(0, eq));
    rest.remove_prefix(eq + 1);
    std::string value;
    if (!rest.empty() && rest.front() == '"') {
      auto close = rest.find('"', 1);
      value = std::string(rest.substr(1, close - 1));
      rest.remove_prefix(close == std::string_view::npos ? rest.size() : close + 1);
    } else {
      auto comma = rest.find(',');
      value = std::string(rest.substr(0, comma));
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma);
    }
    params[key] = value;
  }
  return params;
}

// `Link: </v2/x/tags/list?last=b&n=2>; rel="next"` → the target, or "".
std::string NextLink(const TransportResponse& response) {
  auto link = response.Header("Link");
  if (!link || link->find("rel=\"next\"") == std::string::npos) return "";
  auto open = link->find('<');
  auto close = link->find('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return link->substr(open + 1, close - open - 1);
}

std::string ManifestPath(std::string_view repository, std::string_view reference) {
  return "/v2/" + std::string(repository) + "/manifests/" + std::string(reference);
}

core::Error BadName(std::string_view repository) {
  return core::Invalid("registry: invalid repository name '" + std::string(repository) + "'");
}

}  // namespace

core::Error RegistryError(const TransportResponse& response, std::string_view what) {
  std::string message;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(response.body, ec);
  if (!ec && parsed.is_object()) {
    if (const auto* errors = parsed.as_object().if_contains("errors");
        errors && errors->is_array() && !errors->as_array().empty()) {
      const auto& first = errors->as_array().front();
      if (first.is_object()) {
        const auto& e = first.as_object();
        if (const auto* c = e.if_contains("code"); c && c->is_string())
          message = std::string(c->as_string());
        if (const auto* m = e.if_contains("message"); m && m->is_string()) {
          message += (message.empty() ? "" : ": ") + std::string(m->as_string());
        }
        if (const auto* d = e.if_contains("detail"); d && !d->is_null()) {
          message += " (" + boost::json::serialize(*d) + ")";
        }
      }
    }
  }
  if (message.empty()) {
    message = "HTTP " + std::to_string(response.status);
    if (!response.body.empty() && response.body.size() < 300) message += ": " + response.body;
  }
  return ErrorFromResponse(kSystem, response, std::string(what) + ": " + message);
}

RegistryClient::RegistryClient(TransportSettings settings)
    : token_settings_(settings),
      user_(settings.basic_user),
      password_(settings.basic_password),
      transport_([&] {
        // This client sends Authorization itself: basic first, a bearer token
        // once the registry asked for one.
        settings.basic_user.clear();
        settings.basic_password.clear();
        return settings;
      }()) {
  token_settings_.base_url.clear();
  token_settings_.default_headers.clear();
  token_settings_.bearer_token.clear();
}

core::Result<std::string> RegistryClient::FetchToken(std::string_view challenge) {
  auto params = ChallengeParams(challenge);
  if (params["realm"].empty())
    return core::Unauthenticated("registry: bearer challenge without a realm");
  std::string url = params["realm"];
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  for (const char* key : {"service", "scope"}) {
    if (!params[key].empty()) {
      url += sep + std::string(key) + "=" + UrlEncode(params[key]);
      sep = '&';
    }
  }
  HttpTransport realm(token_settings_);
  TransportRequest request{.path = url};
  if (!user_.empty())
    request.headers.emplace_back("Authorization", "Basic " + Base64(user_ + ":" + password_));
  auto response = realm.Send(request);
  if (!response.ok()) return response.error();
  if (response->status != 200)
    return RegistryError(*response, "token request to " + params["realm"]);
  boost::system::error_code ec;
  auto parsed = boost::json::parse(response->body, ec);
  if (!ec && parsed.is_object()) {
    for (const char* key : {"token", "access_token"}) {
      if (const auto* t = parsed.as_object().if_contains(key);
          t && t->is_string() && !t->as_string().empty()) {
        return std::string(t->as_string());
      }
    }
  }
  return core::Unauthenticated("registry: token response from " + params["realm"] +
                               " carries no token");
}

core::Result<TransportResponse> RegistryClient::Call(TransportRequest request) {
  auto base_headers = request.headers;
  for (int attempt = 0;; ++attempt) {
    request.headers = base_headers;
    {
      std::lock_guard lock(mutex_);
      if (!bearer_.empty()) {
        request.headers.emplace_back("Authorization", "Bearer " + bearer_);
      } else if (!user_.empty()) {
        request.headers.emplace_back("Authorization", "Basic " + Base64(user_ + ":" + password_));
      }
    }
    auto response = transport_.Send(request);
    if (!response.ok() || response->status != 401 || attempt > 0) return response;
    auto challenge = response->Header("WWW-Authenticate").value_or("");
    if (!challenge.starts_with("Bearer ") && !challenge.starts_with("bearer ")) return response;
    auto token = FetchToken(challenge);
    if (!token.ok()) return token.error();
    std::lock_guard lock(mutex_);
    bearer_ = *token;
  }
}

std::string RegistryClient::PathOf(std::string_view location) const {
  const std::string& base = transport_.settings().base_url;
  if (location.starts_with(base)) return std::string(location.substr(base.size()));
  if (auto scheme = location.find("://"); scheme != std::string_view::npos) {
    auto slash = location.find('/', scheme + 3);
    return slash == std::string_view::npos ? "/" : std::string(location.substr(slash));
  }
  return std::string(location);
}

core::Status RegistryClient::Ping() {
  auto response = Call({.path = "/v2/"});
  if (!response.ok()) return response.error();
  if (response->status != 200) return RegistryError(*response, "ping");
  return core::Ok{};
}

core::Result<ManifestInfo> RegistryClient::HeadManifest(std::string_view repository,
                                                        std::string_view reference) {
  if (!IsValidRepositoryName(repository)) return BadName(repository);
  auto response = Call({.method = "HEAD",
                        .path = ManifestPath(repository, reference),
                        .headers = {{"Accept", AcceptAll()}}});
  if (!response.ok()) return response.error();
  std::string what = "manifest " + std::string(repository) + ":" + std::string(reference);
  if (response->status != 200) return RegistryError(*response, what);
  ManifestInfo info;
  info.digest = response->Header("Docker-Content-Digest").value_or("");
  if (info.digest.empty() && IsDigest(reference)) info.digest = std::string(reference);
  if (!IsDigest(info.digest))
    return core::Error{core::Code::kTransient, "registry: " + what + ": HEAD gave no digest", {}};
  info.media_type = response->Header("Content-Type").value_or("");
  info.media_type = info.media_type.substr(0, info.media_type.find(';'));
  info.size = std::atoll(response->Header("Content-Length").value_or("0").c_str());
  return info;
}

core::Result<ManifestInfo> RegistryClient::GetManifest(std::string_view repository,
                                                       std::string_view reference) {
  if (!IsValidRepositoryName(repository)) return BadName(repository);
  auto response =
      Call({.path = ManifestPath(repository, reference), .headers = {{"Accept", AcceptAll()}}});
  if (!response.ok()) return response.error();
  std::string what = "manifest " + std::string(repository) + ":" + std::string(reference);
  if (response->status != 200) return RegistryError(*response, what);
  ManifestInfo info;
  info.body = std::move(response->body);
  info.size = static_cast<std::int64_t>(info.body.size());
  info.digest = Sha256Digest(info.body);
  auto claimed = response->Header("Docker-Content-Digest").value_or(info.digest);
  if (claimed != info.digest || (IsDigest(reference) && reference != info.digest)) {
    return core::Error{core::Code::kTransient,
                       "registry: " + what + ": the bytes received do not match digest " + claimed,
                       {}};
  }
  info.media_type = response->Header("Content-Type").value_or("");
  info.media_type = info.media_type.substr(0, info.media_type.find(';'));
  return info;
}

core::Result<std::vector<std::string>> RegistryClient::ListTags(std::string_view repository,
                                                                int page_size) {
  if (!IsValidRepositoryName(repository)) return BadName(repository);
  std::set<std::string> tags;
  std::string path = "/v2/" + std::string(repository) + "/tags/list";
  if (page_size > 0) path += "?n=" + std::to_string(page_size);
  std::set<std::string> seen_pages;  // a registry repeating a Link must not loop us forever
  while (!path.empty() && seen_pages.insert(path).second) {
    auto response = Call({.path = path});
    if (!response.ok()) return response.error();
    if (response->status != 200)
      return RegistryError(*response, "tags of " + std::string(repository));
    boost::system::error_code ec;
    auto parsed = boost::json::parse(response->body, ec);
    if (ec || !parsed.is_object()) {
      return core::Error{core::Code::kTransient,
                         "registry: tags of " + std::string(repository) + ": not JSON",
                         {}};
    }
    if (const auto* list = parsed.as_object().if_contains("tags"); list && list->is_array()) {
      for (const auto& t : list->as_array()) {
        if (t.is_string()) tags.insert(std::string(t.as_string()));
      }
    }
    path = PathOf(NextLink(*response));
    if (path == "/") path.clear();
  }
  return std::vector<std::string>(tags.begin(), tags.end());
}

core::Status RegistryClient::DeleteManifest(std::string_view repository, std::string_view digest) {
  if (!IsValidRepositoryName(repository)) return BadName(repository);
  if (!IsDigest(digest)) {
    return core::Invalid("registry: manifests are deleted by digest, not by '" +
                         std::string(digest) + "'");
  }
  auto response = Call({.method = "DELETE", .path = ManifestPath(repository, digest)});
  if (!response.ok()) return response.error();
  if (response->status != 202 && response->status != 200) {
    return RegistryError(*response,
                         "delete manifest " + std::string(repository) + "@" + std::string(digest));
  }
  return core::Ok{};
}

core::Status RegistryClient::UploadBlob(std::string_view repository, const std::string& bytes,
                                        const std::string& digest) {
  std::string blob = "/v2/" + std::string(repository) + "/blobs/";
  auto head = Call({.method = "HEAD", .path = blob + digest});
  if (!head.ok()) return head.error();
  if (head->status == 200) return core::Ok{};  // already there
  // Repeating the POST only opens another upload session, so it may be retried.
  auto start = Call({.method = "POST", .path = blob + "uploads/", .idempotent = true});
  if (!start.ok()) return start.error();
  if (start->status != 202)
    return RegistryError(*start, "start blob upload to " + std::string(repository));
  auto location = start->Header("Location");
  if (!location)
    return core::Error{core::Code::kTransient, "registry: blob upload gave no Location", {}};
  std::string put = PathOf(*location);
  put +=
      (put.find('?') == std::string::npos ? "?" : "&") + std::string("digest=") + UrlEncode(digest);
  // The server would parse a form content type as a form (400 DIGEST_INVALID).
  auto done = Call({.method = "PUT",
                    .path = put,
                    .body = bytes,
                    .headers = {{"Content-Type", "application/octet-stream"}},
                    .idempotent = false});
  if (!done.ok()) return done.error();
  if (done->status != 201) return RegistryError(*done, "upload blob " + digest);
  return core::Ok{};
}

core::Result<ManifestInfo> RegistryClient::PushImage(std::string_view repository,
                                                     std::string_view tag) {
  if (!IsValidRepositoryName(repository)) return BadName(repository);
  if (!IsValidTag(tag)) return core::Invalid("registry: invalid tag '" + std::string(tag) + "'");
  TinyImage image = MakeTinyImage(repository, tag);
  if (auto s = UploadBlob(repository, image.layer, image.layer_digest); !s.ok()) return s.error();
  if (auto s = UploadBlob(repository, image.config, image.config_digest); !s.ok()) return s.error();
  auto response = Call({.method = "PUT",
                        .path = ManifestPath(repository, tag),
                        .body = image.manifest,
                        .headers = {{"Content-Type", std::string(kOciManifest)}}});
  if (!response.ok()) return response.error();
  if (response->status != 201) {
    return RegistryError(*response,
                         "push manifest " + std::string(repository) + ":" + std::string(tag));
  }
  auto digest = response->Header("Docker-Content-Digest").value_or(image.manifest_digest);
  if (digest != image.manifest_digest) {
    return core::Error{
        core::Code::kTransient,
        "registry: stored manifest digest " + digest + " differs from " + image.manifest_digest,
        {}};
  }
  return ManifestInfo{image.manifest_digest, std::string(kOciManifest),
                      static_cast<std::int64_t>(image.manifest.size()), image.manifest};
}

}  // namespace slipway::connectors::registry
