#include "net/retry.hpp"

#include <thread>

namespace slipway::net {

bool IsIdempotentMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE";
}

bool IsRetryableStatus(long status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

core::Result<CurlResponse> WithRetries(const RetryPolicy& policy,
                                       const std::function<core::Result<CurlResponse>()>& attempt) {
  auto backoff = policy.backoff;
  for (int retries = 0;; ++retries) {
    auto result = attempt();
    const bool passing = !result.ok() ? result.error().code == core::Code::kTransient
                                      : IsRetryableStatus(result->status);
    if (!passing || retries >= policy.max_retries) return result;
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

}  // namespace slipway::net
