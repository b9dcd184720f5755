#include "engine/fail_point.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace slipway::engine {
namespace {

// Exit status that tells a crash test "the fail point fired", as opposed to a real crash.
constexpr int kFailPointExitCode = 86;

const std::string& ArmedList() {
  static const std::string list = [] {
    const char* env = std::getenv("SLIPWAY_FAILPOINTS");
    return env == nullptr ? std::string() : "," + std::string(env) + ",";
  }();
  return list;
}

}  // namespace

void FailPoint(std::string_view name) {
  const std::string& list = ArmedList();
  if (list.empty()) return;
  // The list is wrapped in commas so that ",name," matches whole names only.
  std::string needle = ",";
  needle.append(name);
  needle.push_back(',');
  if (list.find(needle) == std::string::npos) return;
  std::fprintf(stderr, "failpoint %.*s hit\n", static_cast<int>(name.size()), name.data());
  std::fflush(stderr);
  _exit(kFailPointExitCode);
}

}  // namespace slipway::engine
