#include "cli/env_policy_request.hpp"

#include <boost/json.hpp>

#include "cli/failure.hpp"

namespace slipway::cli {

namespace json = boost::json;

namespace {

// Digits only, short enough for an int64; the server checks the range.
std::optional<std::int64_t> Number(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

}  // namespace

bool AnyPolicyFlag(const PolicyFlags& f) {
  return f.strategy || !f.steps.empty() || f.window_seconds || f.auto_rollback || f.approval;
}

json::object PolicyStep(const std::string& text) {
  const auto colon = text.find(':');
  std::string size = text.substr(0, colon);
  const std::string pause = colon == std::string::npos ? "" : text.substr(colon + 1);
  const bool percent = !size.empty() && size.back() == '%';
  if (percent) size.pop_back();
  const auto count = Number(size);
  if (!count) {
    throw UsageFailure(
        "--step takes PODS or PERCENT% with an optional :manual, :none or :SECONDS, got " + text);
  }
  json::object step{{percent ? "percent" : "pods", *count}};
  if (colon == std::string::npos || pause == "manual" || pause == "none") {
    step["pause"] = pause.empty() ? "manual" : pause;
  } else if (auto seconds = Number(pause)) {
    step["pause"] = {{"seconds", *seconds}};
  } else {
    throw UsageFailure("--step's pause is manual, none or a number of seconds, got " + text);
  }
  return step;
}

json::object PolicyRequest(json::object policy, const PolicyFlags& f) {
  if (f.strategy) policy["strategy"] = *f.strategy;
  if (f.auto_rollback) policy["auto_rollback"] = *f.auto_rollback == "on";
  if (f.approval) {
    policy["approval_required"] =
        *f.approval == "default" ? json::value(nullptr) : json::value(*f.approval == "required");
  }
  if (!f.steps.empty() || f.window_seconds) {
    auto* current = policy.if_contains("canary");
    json::object canary = current && current->is_object() ? current->as_object() : json::object{};
    if (!f.steps.empty()) {
      json::array steps;
      for (const auto& s : f.steps) steps.push_back(PolicyStep(s));
      canary["steps"] = std::move(steps);
    }
    if (f.window_seconds) canary["stability_window_seconds"] = *f.window_seconds;
    policy["canary"] = std::move(canary);
  }
  return policy;
}

}  // namespace slipway::cli
