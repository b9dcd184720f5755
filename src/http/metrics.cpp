#include "http/metrics.hpp"

#include <cstdio>

namespace slipway::http {

namespace {

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Label values are route patterns and methods: escape anyway, per the format.
std::string Escape(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Any token is a method to the parser: a client inventing methods must not
// create a series per invention. "" is a request refused before its method was read.
std::string_view MethodLabel(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return method.empty() ? "none" : "other";
}

}  // namespace

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status,
                             double seconds) {
  std::lock_guard lock(mutex_);
  auto& s = requests_[{std::string(route), std::string(MethodLabel(method)), status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
  ++s.count;
  s.sum += seconds;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::string out;
  std::lock_guard lock(mutex_);
  out += "# HELP slipway_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE slipway_http_requests_total counter\n";
  for (const auto& [key, s] : requests_) {
    const auto& [route, method, status] = key;
    out += "slipway_http_requests_total{route=\"" + Escape(route) + "\",method=\"" +
           Escape(method) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(s.count) + "\n";
  }
  out += "# HELP slipway_http_request_duration_seconds HTTP request latency.\n";
  out += "# TYPE slipway_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : requests_) {
    const auto& [route, method, status] = key;
    std::string labels = "route=\"" + Escape(route) + "\",method=\"" + Escape(method) +
                         "\",status=\"" + std::to_string(status) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += "slipway_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(s.buckets[i]) + "\n";
    }
    out += "slipway_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(s.count) + "\n";
    out += "slipway_http_request_duration_seconds_sum{" + labels + "} " + Number(s.sum) + "\n";
    out += "slipway_http_request_duration_seconds_count{" + labels + "} " +
           std::to_string(s.count) + "\n";
  }
  for (const auto& g : gauges_) {
    out += "# HELP " + g.name + " " + g.help + "\n# TYPE " + g.name + " gauge\n";
    out += g.name + " " + Number(g.read()) + "\n";
  }
  return out;
}

}  // namespace slipway::http
