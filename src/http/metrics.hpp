#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace slipway::http {

/// Request counters and latency histograms per route, method and status,
/// plus gauges read at scrape time; rendered in the Prometheus text format.
/// Thread-safe.
class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};

  void ObserveRequest(std::string_view route, std::string_view method, int status, double seconds);

  /// A gauge whose value `read` returns at scrape time (engine queue depth, DB pool).
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  /// The whole exposition, Prometheus text format 0.0.4.
  std::string Render() const;

 private:
  struct Series {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, Series> requests_;
  std::vector<Gauge> gauges_;
};

}  // namespace slipway::http
