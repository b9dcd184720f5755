#include "connectors/webhook/fake_notifier.hpp"

namespace slipway::connectors {

core::Status FakeNotifier::Notify(const Notice& notice) {
  std::lock_guard lock(mutex_);
  if (!failures_.empty()) {
    auto error = std::move(failures_.front());
    failures_.pop_front();
    return error;
  }
  if (notice.title.empty() && notice.text.empty() && notice.markdown.empty()) {
    return core::Invalid("notifier: a notice needs a title, a text or a markdown body");
  }
  notices_.push_back(notice);
  return core::Ok{};
}

void FakeNotifier::FailNext(core::Error error) {
  std::lock_guard lock(mutex_);
  failures_.push_back(std::move(error));
}

std::vector<Notice> FakeNotifier::notices() const {
  std::lock_guard lock(mutex_);
  return notices_;
}

}  // namespace slipway::connectors
