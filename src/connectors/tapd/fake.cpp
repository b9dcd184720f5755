#include "connectors/tapd/fake.hpp"

#include "connectors/tapd/client.hpp"

namespace slipway::connectors::tapd {

void FakeTapd::AddStory(TapdStory story) {
  std::lock_guard lock(mutex_);
  if (story.url.empty()) story.url = StoryUrl("https://www.tapd.cn", story.workspace_id, story.id);
  stories_[{story.workspace_id, story.id}] = std::move(story);
}

core::Result<TapdStory> FakeTapd::GetStory(std::string_view workspace_id,
                                           std::string_view story_id) {
  std::lock_guard lock(mutex_);
  calls_.push_back("GetStory " + std::string(workspace_id) + " " + std::string(story_id));
  if (!failures_.empty()) {
    auto error = std::move(failures_.front());
    failures_.pop_front();
    return error;
  }
  if (!IsTapdId(workspace_id)) return core::Invalid("tapd: workspace id must be decimal digits");
  if (!IsTapdId(story_id)) return core::Invalid("tapd: story id must be decimal digits");
  auto it = stories_.find({std::string(workspace_id), std::string(story_id)});
  if (it == stories_.end()) {
    return core::NotFound("tapd: story " + std::string(story_id) + " of workspace " +
                          std::string(workspace_id) + " not found");
  }
  return it->second;
}

void FakeTapd::FailNext(core::Error error) {
  std::lock_guard lock(mutex_);
  failures_.push_back(std::move(error));
}

std::vector<std::string> FakeTapd::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

}  // namespace slipway::connectors::tapd
