#include "sandbox/dns/dns_faults.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

#include "connectors/dns/plan.hpp"
#include "connectors/dns/zone_model.hpp"
#include "core/common/field_reader.hpp"

namespace slipway::sandbox {

namespace {

namespace dns = connectors::dns;
constexpr std::size_t kKeptCalls = 1000;

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// "rcode": a name ("REFUSED") or a number; RCODEs fit in the header's 4 bits.
std::optional<int> ReadRcode(const boost::json::object& body, core::FieldReader& in) {
  const auto* v = body.if_contains("rcode");
  if (!v || v->is_null()) return dns::kServFail;
  if (v->is_int64() && v->as_int64() >= 0 && v->as_int64() <= 15)
    return static_cast<int>(v->as_int64());
  if (v->is_string()) {
    const std::string name = Upper(std::string(v->as_string()));
    for (int rcode = 0; rcode <= 10; ++rcode) {
      if (dns::RcodeName(rcode) == name) return rcode;
    }
  }
  in.Fail("rcode", "must be an RCODE name such as SERVFAIL or REFUSED, or a number from 0 to 15");
  return std::nullopt;
}

/// `name` is `scope` or below it (both canonical; an empty scope matches all).
bool AtOrBelow(const std::string& name, const std::string& scope) {
  if (scope.empty() || scope == ".") return true;
  return name == scope || name.ends_with("." + scope);
}

bool Matches(const DnsFaultRule& rule, const DnsMessage& message) {
  if (!rule.opcode.empty() && rule.opcode != message.opcode) return false;
  if (AtOrBelow(message.name, rule.name)) return true;
  return std::any_of(message.updated.begin(), message.updated.end(),
                     [&](const std::string& n) { return AtOrBelow(n, rule.name); });
}

}  // namespace

core::Status DnsFaults::AddRule(const boost::json::object& body) {
  core::FieldReader in(body);
  DnsFaultRule rule;
  rule.opcode = Upper(in.String("opcode", 16).value_or(""));
  if (!rule.opcode.empty() && rule.opcode != "QUERY" && rule.opcode != "UPDATE")
    in.Fail("opcode", "must be QUERY or UPDATE");
  rule.name = in.String("name", 255).value_or("");
  rule.count = static_cast<int>(in.Int("count", 1, 1'000'000).value_or(1));
  rule.rcode = ReadRcode(body, in).value_or(dns::kServFail);
  rule.timeout = in.Bool("timeout").value_or(false);
  rule.delay_ms = static_cast<int>(in.Int("delay_ms", 0, 600'000).value_or(0));
  if (!in.ok()) return in.error();
  Add(std::move(rule));
  return core::Ok{};
}

void DnsFaults::Add(DnsFaultRule rule) {
  if (!rule.name.empty()) rule.name = dns::CanonicalName(rule.name);
  std::lock_guard lock(mutex_);
  rules_.push_back(std::move(rule));
}

void DnsFaults::SetLatency(int delay_ms) {
  std::lock_guard lock(mutex_);
  latency_ms_ = delay_ms;
}

void DnsFaults::Clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
  latency_ms_ = 0;
  calls_.clear();
}

DnsVerdict DnsFaults::Intercept(const DnsMessage& message) {
  std::lock_guard lock(mutex_);
  DnsVerdict verdict;
  verdict.delay = std::chrono::milliseconds(latency_ms_);
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    if (!Matches(*it, message)) continue;
    verdict.injected = true;
    verdict.drop = it->timeout;
    if (!it->timeout) verdict.rcode = it->rcode;
    verdict.delay += std::chrono::milliseconds(it->delay_ms);
    if (--it->count <= 0) rules_.erase(it);
    break;
  }
  return verdict;
}

void DnsFaults::Record(const DnsMessage& message, std::optional<int> rcode, bool injected) {
  std::lock_guard lock(mutex_);
  calls_.push_back({message, rcode, injected});
  if (calls_.size() > kKeptCalls) calls_.pop_front();
}

boost::json::object DnsFaults::ToJson() const {
  std::lock_guard lock(mutex_);
  boost::json::array rules;
  for (const auto& r : rules_) {
    boost::json::object rule{{"opcode", r.opcode},
                             {"name", r.name},
                             {"count", r.count},
                             {"timeout", r.timeout},
                             {"delay_ms", r.delay_ms}};
    if (!r.timeout) rule["rcode"] = dns::RcodeName(r.rcode);
    rules.push_back(std::move(rule));
  }
  return {{"latency_ms", latency_ms_}, {"faults", std::move(rules)}};
}

boost::json::array DnsFaults::Calls() const {
  std::lock_guard lock(mutex_);
  boost::json::array out;
  for (const auto& c : calls_) {
    boost::json::object call{
        {"opcode", c.message.opcode}, {"name", c.message.name}, {"type", c.message.type}};
    if (c.message.opcode == "UPDATE") {
      call["updated"] = boost::json::array(c.message.updated.begin(), c.message.updated.end());
    }
    // null: no answer was sent (an injected timeout).
    call["rcode"] = c.rcode ? boost::json::value(dns::RcodeName(*c.rcode)) : boost::json::value();
    call["injected"] = c.injected;
    out.push_back(std::move(call));
  }
  return out;
}

}  // namespace slipway::sandbox
