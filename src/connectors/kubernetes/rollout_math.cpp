#include "connectors/kubernetes/rollout_math.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/common/canonical_json.hpp"

namespace slipway::connectors::kube {

namespace json = boost::json;

int ScaledValue(const json::value* value, int total, bool round_up, int fallback) {
  if (!value) return fallback;
  if (value->is_int64()) return static_cast<int>(value->as_int64());
  if (value->is_uint64()) return static_cast<int>(value->as_uint64());
  if (!value->is_string()) return fallback;
  std::string s(value->as_string());
  if (s.empty() || s.back() != '%') {
    int n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    return ec == std::errc() && p == s.data() + s.size() ? n : fallback;
  }
  int pct = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size() - 1, pct);
  if (ec != std::errc() || p != s.data() + s.size() - 1) return fallback;
  int64_t scaled = static_cast<int64_t>(pct) * total;
  return static_cast<int>(round_up ? (scaled + 99) / 100 : scaled / 100);
}

Fenceposts ResolveFenceposts(const json::value* max_surge, const json::value* max_unavailable,
                             int replicas) {
  Fenceposts f;
  json::value quarter("25%");
  f.max_surge = ScaledValue(max_surge ? max_surge : &quarter, replicas, true, 0);
  f.max_unavailable = ScaledValue(max_unavailable ? max_unavailable : &quarter, replicas, false, 0);
  if (f.max_surge == 0 && f.max_unavailable == 0) f.max_unavailable = 1;
  return f;
}

int NewReplicasForRollingUpdate(int replicas, int max_surge, int total_spec, int new_rs_spec) {
  int max_total = replicas + max_surge;
  if (total_spec >= max_total) return new_rs_spec;
  int scale_up = std::min(max_total - total_spec, replicas - new_rs_spec);
  return new_rs_spec + scale_up;
}

std::vector<int> ScaleDownOldReplicaSets(int replicas, int max_unavailable,
                                         const std::vector<RsCounts>& old, RsCounts new_rs) {
  std::vector<int> result;
  int all_pods = new_rs.spec;
  int old_pods = 0;
  for (const auto& rs : old) {
    result.push_back(rs.spec);
    all_pods += rs.spec;
    old_pods += rs.spec;
  }
  if (old_pods == 0) return result;
  int min_available = replicas - max_unavailable;
  int new_unavailable = new_rs.spec - new_rs.available;
  int max_scaled_down = all_pods - min_available - new_unavailable;
  if (max_scaled_down <= 0) return result;
  // Unhealthy old pods go first: removing them costs no availability.
  int cleaned = 0;
  for (size_t i = 0; i < old.size() && cleaned < max_scaled_down; ++i) {
    int unhealthy = std::max(0, result[i] - old[i].available);
    int down = std::min(max_scaled_down - cleaned, unhealthy);
    result[i] -= down;
    cleaned += down;
  }
  // Then available ones, keeping minAvailable available overall.
  int available = new_rs.available;
  for (size_t i = 0; i < old.size(); ++i) available += std::min(old[i].available, result[i]);
  if (available <= min_available) return result;
  int budget = available - min_available;
  for (size_t i = 0; i < old.size() && budget > 0; ++i) {
    int down = std::min(result[i], budget);
    result[i] -= down;
    budget -= down;
  }
  return result;
}

std::string PodTemplateHash(const json::value& pod_template, int64_t collision_count) {
  std::string data = core::CanonicalJson(pod_template);
  if (collision_count != 0) data += std::to_string(collision_count);
  uint32_t h = 2166136261u;
  for (unsigned char c : data) {
    h ^= c;
    h *= 16777619u;
  }
  static constexpr std::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";
  std::string out;
  for (char digit : std::to_string(h)) {
    out += kAlphabet[static_cast<unsigned char>(digit) % kAlphabet.size()];
  }
  return out;
}

}  // namespace slipway::connectors::kube
