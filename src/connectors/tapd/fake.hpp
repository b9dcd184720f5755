#pragma once
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/tapd.hpp"

namespace slipway::connectors::tapd {

/// In-memory Tapd for unit tests: stories added by the test, a call log and
/// injected failures.
class FakeTapd final : public Tapd {
 public:
  void AddStory(TapdStory story);
  core::Result<TapdStory> GetStory(std::string_view workspace_id,
                                   std::string_view story_id) override;
  void FailNext(core::Error error);
  std::vector<std::string> calls() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, TapdStory> stories_;
  std::deque<core::Error> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::tapd
