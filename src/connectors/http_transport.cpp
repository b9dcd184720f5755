#include "connectors/http_transport.hpp"

#include <cctype>
#include <mutex>

#include "connectors/token_file.hpp"
#include "core/common/call_tag.hpp"
#include "net/curl_handle.hpp"
#include "net/retry.hpp"

namespace slipway::connectors {

// Idle handles: reusing one keeps its connection warm.
struct HttpTransport::Pool {
  std::mutex mutex;
  std::vector<std::unique_ptr<net::CurlHandle>> idle;

  std::unique_ptr<net::CurlHandle> Take(const TransportSettings& settings) {
    {
      std::lock_guard lock(mutex);
      if (!idle.empty()) {
        auto handle = std::move(idle.back());
        idle.pop_back();
        return handle;
      }
    }
    return std::make_unique<net::CurlHandle>(net::ConnectionSettings{
        .tls = settings.tls,
        .proxy = settings.proxy,
        .basic_user = settings.basic_user,
        .basic_password = settings.basic_password,
        .connect_timeout = settings.connect_timeout,
    });
  }
  void Give(std::unique_ptr<net::CurlHandle> handle) {
    std::lock_guard lock(mutex);
    if (idle.size() < 8) idle.push_back(std::move(handle));
  }
};

HttpTransport::HttpTransport(TransportSettings settings)
    : settings_(std::move(settings)), pool_(std::make_unique<Pool>()) {
  while (settings_.base_url.ends_with('/')) settings_.base_url.pop_back();
  if (!settings_.bearer_token_file.empty()) {
    token_file_ = std::make_unique<TokenFile>(settings_.bearer_token_file, settings_.bearer_token);
  }
}

HttpTransport::~HttpTransport() = default;

core::Result<TransportResponse> HttpTransport::Send(const TransportRequest& request) {
  const bool idempotent = request.idempotent.value_or(net::IsIdempotentMethod(request.method));
  const net::RetryPolicy retries{
      .max_retries = idempotent && !request.on_data ? settings_.max_retries : 0,
      .backoff = settings_.retry_backoff,
  };
  return net::WithRetries(retries, [&] { return SendOnce(request); });
}

core::Result<TransportResponse> HttpTransport::SendOnce(const TransportRequest& request) {
  net::CurlRequest call{
      .method = request.method,
      .url = settings_.base_url + request.path,
      .body = request.body,
      .headers = settings_.default_headers,
      .timeout = request.timeout.value_or(settings_.timeout),
      .on_data = request.on_data,
      .cancel = request.cancel,
  };
  call.headers.insert(call.headers.end(), request.headers.begin(), request.headers.end());
  if (const auto& tag = core::CurrentCallTag(); !tag.empty())
    call.headers.emplace_back("X-Slipway-Step", tag);
  const std::string token = token_file_ ? token_file_->Current() : settings_.bearer_token;
  if (!token.empty()) call.headers.emplace_back("Authorization", "Bearer " + token);
  if (settings_.address_policy.refuse_private) {
    call.refuse_address = [this](const sockaddr* address) {
      return RefusalFor(settings_.address_policy, address);
    };
  }
  auto handle = pool_->Take(settings_);
  auto response = handle->Perform(call);
  pool_->Give(std::move(handle));
  return response;
}

core::Code CodeForStatus(long status) {
  switch (status) {
    case 400:
    case 422:
      return core::Code::kInvalid;
    case 401:
      return core::Code::kUnauthenticated;
    case 403:
      return core::Code::kForbidden;
    case 404:
    case 410:
      return core::Code::kNotFound;
    case 409:
    case 412:
      return core::Code::kConflict;
    default:
      return status == 429 || status >= 500 ? core::Code::kTransient : core::Code::kInvalid;
  }
}

core::Error ErrorFromResponse(std::string_view system, const TransportResponse& response,
                              std::string message) {
  return core::Error{CodeForStatus(response.status),
                     std::string(system) + ": " + message,
                     {{"system", system}, {"status", response.status}}};
}

std::string UrlEncode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace slipway::connectors
