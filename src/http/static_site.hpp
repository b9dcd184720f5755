#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include "http/message.hpp"

namespace slipway::http {

/// One file of a single-page application compiled into the binary (the web
/// console, see web/CMakeLists.txt), stored as is and gzip-compressed.
struct StaticAsset {
  std::string_view path;  ///< URL path, e.g. "/assets/index-3f9a1c.js"
  std::string_view body;
  std::string_view gzip;  ///< empty when compressing did not pay
  std::string_view etag;  ///< quoted, e.g. "\"3f9a1c…\""
};

/// Serves a single-page application from memory: exact files (hashed names
/// under /assets/ cached for a year, everything else revalidated by ETag),
/// gzip when the client accepts it, and index.html for any other path that
/// is not the API's, so the browser's router handles deep links. Pure and
/// non-blocking: it runs on a network thread.
class StaticSite {
 public:
  /// `is_api` tells paths that belong to the API (left to it, even when unknown).
  StaticSite(std::span<const StaticAsset> assets,
             std::function<bool(std::string_view path)> is_api);

  /// The answer for a GET or HEAD outside the API; nothing otherwise, or when
  /// no site is embedded.
  std::optional<Response> Handle(const Request& request) const;

 private:
  Response Serve(const StaticAsset& asset, const Request& request, bool immutable) const;

  std::unordered_map<std::string_view, const StaticAsset*> by_path_;
  const StaticAsset* index_ = nullptr;
  std::function<bool(std::string_view)> is_api_;
};

/// The Content-Type for a file name, by extension (application/octet-stream when unknown).
std::string_view ContentTypeFor(std::string_view path);

/// Whether an Accept-Encoding header value admits gzip (a q=0 refuses it).
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace slipway::http
