#pragma once
// Repeating a call that failed for a reason that may pass (a dropped
// connection, a busy or restarting server), for calls that may safely happen
// twice.
#include <chrono>
#include <functional>
#include <string_view>

#include "core/common/error.hpp"
#include "net/curl_types.hpp"

namespace slipway::net {

struct RetryPolicy {
  int max_retries = 0;                     ///< extra attempts after the first
  std::chrono::milliseconds backoff{200};  ///< before the first retry, doubled after each
};

/// GET, HEAD, PUT and DELETE: methods whose repetition has the same effect.
bool IsIdempotentMethod(std::string_view method);

/// 429, 502, 503 and 504: the server asks to come back later.
bool IsRetryableStatus(long status);

/// Calls `attempt` until it gives a response whose status is not retryable or
/// an error that is not kTransient, or `policy.max_retries` retries are used;
/// returns the last outcome.
core::Result<CurlResponse> WithRetries(const RetryPolicy& policy,
                                       const std::function<core::Result<CurlResponse>()>& attempt);

}  // namespace slipway::net
