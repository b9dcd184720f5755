#include "cli/http_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/common/ascii_text.hpp"
#include "net/curl_handle.hpp"
#include "net/retry.hpp"

namespace slipway::cli {

core::Result<boost::json::value> HttpResponse::Json() const {
  if (core::TrimSpace(body).empty()) return boost::json::value();
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) {
    return core::Invalid("response is not JSON (HTTP " + std::to_string(status) +
                         "): " + body.substr(0, 200));
  }
  return value;
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  while (options_.base_url.ends_with('/')) options_.base_url.pop_back();
  handle_ = std::make_unique<net::CurlHandle>(net::ConnectionSettings{
      .tls = options_.tls,
      .proxy = options_.proxy,
      .connect_timeout = options_.connect_timeout,
      .cookies = options_.cookies,
  });
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

core::Result<HttpResponse> HttpClient::Send(const HttpRequest& request) {
  net::CurlRequest call{
      .method = request.method,
      .url = options_.base_url + request.path,
      .name_in_errors = options_.base_url,
      .body = request.body,
      .headers = {{"Accept", "application/json"}},
      // A streamed body (a followed log) lasts as long as its source.
      .timeout = request.on_body ? std::chrono::milliseconds(0) : options_.timeout,
      .stream_success_only = true,
  };
  if (request.on_body) {
    call.on_data = [&](std::string_view piece) {
      request.on_body(piece);
      return true;
    };
  }
  if (request.body) call.headers.emplace_back("Content-Type", request.content_type);
  if (!options_.bearer_token.empty())
    call.headers.emplace_back("Authorization", "Bearer " + options_.bearer_token);
  if (!csrf_token_.empty() && request.method != "GET" && request.method != "HEAD") {
    call.headers.emplace_back("X-CSRF-Token", csrf_token_);
  }
  call.headers.insert(call.headers.end(), request.headers.begin(), request.headers.end());

  // Only reads are repeated: a write whose answer was lost may have happened.
  const bool repeatable = (request.method == "GET" || request.method == "HEAD") && !request.on_body;
  const net::RetryPolicy retries{.max_retries = repeatable ? options_.max_retries : 0,
                                 .backoff = options_.retry_backoff};
  auto response = net::WithRetries(retries, [&] { return handle_->Perform(call); });
  if (!response.ok()) return response.error();
  return HttpResponse{response->status, std::move(response->body), std::move(response->headers)};
}

core::Result<HttpResponse> HttpClient::SendJson(std::string method, std::string path,
                                                const boost::json::value* body) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  if (body != nullptr) request.body = boost::json::serialize(*body);
  return Send(request);
}

}  // namespace slipway::cli
