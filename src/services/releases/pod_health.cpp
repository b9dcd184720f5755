#include "services/releases/pod_health.hpp"

#include <map>

namespace slipway::services {

namespace {

bool Fatal(const std::string& reason) {
  return reason == "ImagePullBackOff" || reason == "CrashLoopBackOff" ||
         reason == "InvalidImageName" || reason == "CreateContainerConfigError";
}

}  // namespace

PodHealth AssessPods(const std::vector<connectors::PodSummary>& pods, const std::string& image) {
  PodHealth health;
  std::map<std::string, std::pair<int, std::string>> fatal;  // reason → count, a message
  for (const auto& p : pods) {
    if (p.terminating || p.image != image) continue;
    health.total += 1;
    health.restarts += p.restarts;
    if (p.ready) health.ready += 1;
    if (Fatal(p.waiting_reason)) {
      auto& f = fatal[p.waiting_reason];
      f.first += 1;
      if (f.second.empty()) f.second = p.waiting_message;
    }
  }
  for (const auto& [reason, f] : fatal) {
    if (!health.failure.empty()) health.failure += "; ";
    health.failure += std::to_string(f.first) + (f.first == 1 ? " pod: " : " pods: ") + reason;
    if (!f.second.empty()) health.failure += " (" + f.second + ")";
  }
  return health;
}

}  // namespace slipway::services
