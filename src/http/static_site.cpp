#include "http/static_site.hpp"

#include <array>
#include <utility>

#include "core/common/ascii_text.hpp"

namespace slipway::http {

namespace {

constexpr std::string_view kImmutablePrefix = "/assets/";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True when an If-None-Match value lists `etag` (or is "*").
bool MatchesEtag(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    auto item = Trim(if_none_match.substr(0, comma));
    if (StartsWith(item, "W/")) item.remove_prefix(2);
    if (item == "*" || item == etag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  auto dot = path.rfind('.');
  if (dot != std::string_view::npos && path.find('/', dot) == std::string_view::npos) {
    auto ext = path.substr(dot);
    for (const auto& [suffix, type] : kTypes) {
      if (core::EqualsIgnoreCase(ext, suffix)) return type;
    }
  }
  return "application/octet-stream";
}

bool AcceptsGzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    auto item = Trim(accept_encoding.substr(0, comma));
    auto semicolon = item.find(';');
    auto coding = Trim(item.substr(0, semicolon));
    if (core::EqualsIgnoreCase(coding, "gzip") || coding == "*") {
      if (semicolon == std::string_view::npos) return true;
      auto params = Trim(item.substr(semicolon + 1));
      // "q=0", "q=0.0", "q=0.000": refused; any other weight accepts.
      if (!StartsWith(params, "q=0")) return true;
      return params.find_first_not_of("0.", 2) != std::string_view::npos;
    }
    if (comma == std::string_view::npos) break;
    accept_encoding.remove_prefix(comma + 1);
  }
  return false;
}

StaticSite::StaticSite(std::span<const StaticAsset> assets,
                       std::function<bool(std::string_view)> is_api)
    : is_api_(std::move(is_api)) {
  for (const auto& asset : assets) {
    by_path_[asset.path] = &asset;
    if (asset.path == "/index.html") index_ = &asset;
  }
}

std::optional<Response> StaticSite::Handle(const Request& request) const {
  if (!index_ || (request.method != "GET" && request.method != "HEAD")) return std::nullopt;
  const std::string_view path = request.path;
  if (is_api_ && is_api_(path)) return std::nullopt;
  if (auto it = by_path_.find(path); it != by_path_.end()) {
    return Serve(*it->second, request, StartsWith(path, kImmutablePrefix));
  }
  if (StartsWith(path, kImmutablePrefix)) {
    // A script or style sheet that is gone (an old page after an upgrade):
    // index.html in its place would be run as code.
    Response missing = Response::Text(404, "no such file: " + request.path);
    missing.route = "console";
    return missing;
  }
  return Serve(*index_, request, false);
}

Response StaticSite::Serve(const StaticAsset& asset, const Request& request, bool immutable) const {
  Response r;
  r.route = "console";
  r.content_type = std::string(ContentTypeFor(asset.path));
  r.headers.emplace_back("ETag", std::string(asset.etag));
  r.headers.emplace_back("Cache-Control",
                         immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (MatchesEtag(request.Header("if-none-match"), asset.etag)) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  if (!asset.gzip.empty() && AcceptsGzip(request.Header("accept-encoding"))) {
    r.headers.emplace_back("Content-Encoding", "gzip");
    r.body = std::string(asset.gzip);
  } else {
    r.body = std::string(asset.body);
  }
  return r;
}

}  // namespace slipway::http
