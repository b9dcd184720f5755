#pragma once
// Which unit of work the calls made on this thread belong to. The engine
// names the workflow step it runs ("<workflow id>/<step>"); the HTTP
// connectors send it as `X-Slipway-Step`, so the external system's logs (and
// the sandbox's call log, GET /_sandbox/calls) tell which step made each call.
#include <string>
#include <utility>

namespace slipway::core {

inline std::string& detail_call_tag() {
  thread_local std::string tag;
  return tag;
}

/// The current thread's tag; empty outside a workflow step.
inline const std::string& CurrentCallTag() { return detail_call_tag(); }

/// Sets the thread's tag for its lifetime, restoring the previous one after.
class ScopedCallTag {
 public:
  explicit ScopedCallTag(std::string tag)
      : previous_(std::exchange(detail_call_tag(), std::move(tag))) {}
  ~ScopedCallTag() { detail_call_tag() = std::move(previous_); }
  ScopedCallTag(const ScopedCallTag&) = delete;
  ScopedCallTag& operator=(const ScopedCallTag&) = delete;

 private:
  std::string previous_;
};

}  // namespace slipway::core
