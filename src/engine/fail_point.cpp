#include "engine/fail_point.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

namespace slipway::engine {
namespace {

// Exit status that tells a crash test "the fail point fired", as opposed to a real crash.
constexpr int kFailPointExitCode = 86;

// SLIPWAY_FAILPOINTS="a,b@3": name → the hit that fires (1 when not given).
const std::map<std::string, int, std::less<>>& Armed() {
  static const std::map<std::string, int, std::less<>> armed = [] {
    std::map<std::string, int, std::less<>> out;
    const char* env = std::getenv("SLIPWAY_FAILPOINTS");
    std::string list = env ? env : "";
    std::size_t start = 0;
    while (start < list.size()) {
      auto end = list.find(',', start);
      if (end == std::string::npos) end = list.size();
      std::string entry = list.substr(start, end - start);
      auto at = entry.find('@');
      int nth = at == std::string::npos ? 1 : std::atoi(entry.c_str() + at + 1);
      if (!entry.empty()) out[entry.substr(0, at)] = nth > 0 ? nth : 1;
      start = end + 1;
    }
    return out;
  }();
  return armed;
}

}  // namespace

void FailPoint(std::string_view name) {
  const auto& armed = Armed();
  if (armed.empty()) return;
  auto it = armed.find(name);
  if (it == armed.end()) return;
  static std::mutex mutex;
  static std::map<std::string, int, std::less<>> hits;
  {
    std::lock_guard lock(mutex);
    if (++hits[std::string(name)] != it->second) return;
  }
  std::fprintf(stderr, "failpoint %.*s hit\n", static_cast<int>(name.size()), name.data());
  std::fflush(stderr);
  _exit(kFailPointExitCode);
}

void FailPoint(std::string_view name, std::string_view qualifier) {
  if (Armed().empty()) return;
  FailPoint(name);
  std::string qualified(name);
  qualified += ':';
  qualified += qualifier;
  FailPoint(qualified);
}

}  // namespace slipway::engine
