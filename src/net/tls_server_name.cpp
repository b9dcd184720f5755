#include "net/tls_server_name.hpp"

#include <curl/curl.h>

#include <memory>

namespace slipway::net {

namespace {

struct UrlFree {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

/// One part of a parsed URL, or "" when it is absent.
std::string Part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, flags) != CURLUE_OK) return "";
  std::string out(text);
  curl_free(text);
  return out;
}

}  // namespace

core::Result<TlsServerNameRoute> RouteByTlsServerName(const std::string& url,
                                                      const std::string& server_name) {
  std::unique_ptr<CURLU, UrlFree> parsed(curl_url());
  // PATH_AS_IS: the path goes out byte for byte as the caller built it.
  if (!parsed ||
      curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), CURLU_PATH_AS_IS) != CURLUE_OK)
    return core::Invalid("cannot parse the URL " + url);
  const std::string host = Part(parsed.get(), CURLUPART_HOST);  // IPv6 keeps its brackets
  const std::string port = Part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  const std::string given_port = Part(parsed.get(), CURLUPART_PORT);
  if (curl_url_set(parsed.get(), CURLUPART_HOST, server_name.c_str(), 0) != CURLUE_OK)
    return core::Invalid("tls-server-name \"" + server_name + "\" is not a host name");
  TlsServerNameRoute route;
  route.url = Part(parsed.get(), CURLUPART_URL);
  route.connect_to = server_name + ":" + port + ":" + host + ":" + port;
  route.host = given_port.empty() ? host : host + ":" + given_port;
  return route;
}

}  // namespace slipway::net
