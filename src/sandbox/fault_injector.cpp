#include "sandbox/fault_injector.hpp"

#include <boost/json.hpp>
#include <thread>

#include "core/common/field_reader.hpp"

namespace slipway::sandbox {

namespace {
// Enough for a 20-application lane with every call of its create and delete.
constexpr std::size_t kKeptCalls = 20000;
}  // namespace

core::Status FaultInjector::AddRule(const boost::json::object& body) {
  core::FieldReader in(body);
  FaultRule rule;
  rule.method = in.String("method", 16).value_or("");
  rule.path_prefix = in.String("path_prefix", 1024).value_or("/");
  rule.count = static_cast<int>(in.Int("count", 1, 1'000'000).value_or(1));
  rule.status = static_cast<int>(in.Int("status", 100, 599).value_or(503));
  rule.body = in.String("body", 1 << 16).value_or("");
  rule.delay_ms = static_cast<int>(in.Int("delay_ms", 0, 600'000).value_or(0));
  rule.hang_ms = in.Bool("timeout").value_or(false)
                     ? static_cast<int>(in.Int("timeout_ms", 1, 600'000).value_or(30'000))
                     : 0;
  if (!in.ok()) return in.error();
  std::lock_guard lock(mutex_);
  rules_.push_back(std::move(rule));
  return core::Ok{};
}

void FaultInjector::SetLatency(int delay_ms) {
  std::lock_guard lock(mutex_);
  latency_ms_ = delay_ms;
}

void FaultInjector::Clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
  latency_ms_ = 0;
  calls_.clear();
}

std::optional<http::Response> FaultInjector::Intercept(const http::Request& request) {
  int sleep_ms = 0;
  std::optional<FaultRule> hit;
  {
    std::lock_guard lock(mutex_);
    sleep_ms = latency_ms_;
    for (auto it = rules_.begin(); it != rules_.end(); ++it) {
      if (!it->method.empty() && it->method != request.method) continue;
      if (request.path.rfind(it->path_prefix, 0) != 0) continue;
      hit = *it;
      if (--it->count <= 0) rules_.erase(it);
      break;
    }
  }
  if (hit) sleep_ms += hit->delay_ms + hit->hang_ms;
  if (sleep_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
  if (!hit) return std::nullopt;
  auto body = hit->body.empty() ? std::string(R"({"message":"injected fault"})") : hit->body;
  return http::Response::Text(hit->status, std::move(body), "application/json");
}

std::int64_t FaultInjector::NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void FaultInjector::Record(const http::Request& request, int status, bool injected,
                           std::int64_t at_ms) {
  std::string step(request.Header("x-slipway-step"));
  const std::int64_t done_ms = NowMs();
  std::lock_guard lock(mutex_);
  calls_.push_back(
      {request.method, request.target, status, injected, std::move(step), at_ms, done_ms});
  if (calls_.size() > kKeptCalls) calls_.pop_front();
}

boost::json::object FaultInjector::ToJson() const {
  std::lock_guard lock(mutex_);
  boost::json::array rules;
  for (const auto& r : rules_) {
    rules.push_back({{"method", r.method},
                     {"path_prefix", r.path_prefix},
                     {"count", r.count},
                     {"status", r.status},
                     {"delay_ms", r.delay_ms},
                     {"timeout", r.hang_ms > 0}});
  }
  return {{"latency_ms", latency_ms_}, {"faults", std::move(rules)}};
}

boost::json::array FaultInjector::Calls() const {
  std::lock_guard lock(mutex_);
  boost::json::array out;
  for (const auto& c : calls_) {
    out.push_back({{"method", c.method},
                   {"target", c.target},
                   {"status", c.status},
                   {"injected", c.injected},
                   {"step", c.step},
                   {"at_ms", c.at_ms},
                   {"done_ms", c.done_ms}});
  }
  return out;
}

}  // namespace slipway::sandbox
