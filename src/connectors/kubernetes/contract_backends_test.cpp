#include "connectors/kubernetes/contract_backends.hpp"

#include <algorithm>

#include "connectors/kubernetes/fake.hpp"

namespace slipway::connectors::kube_testing {

namespace {

class FakeBackend final : public Backend {
 public:
  FakeBackend() { fake_.SetNamespaceTerminationDelay(300); }
  Kubernetes& k8s() override { return fake_; }
  void ImageWillFail(const std::string& image) override { fake_.FailImage(image); }
  void ExpireHistory() override { fake_.ExpireWatchHistory(); }
  void PromptBookmark() override { fake_.SendBookmarks(); }

 private:
  FakeKubernetes fake_;
};

}  // namespace

std::unique_ptr<Backend> MakeEmulatorBackend();  // contract_emulator_test.cpp

std::vector<BackendFactory> Backends() {
  return {{"Fake", [] { return std::make_unique<FakeBackend>(); }},
          {"ClientOnEmulator", [] { return MakeEmulatorBackend(); }}};
}

WatchCallback EventLog::Callback() {
  return [this](const WatchEvent& e) {
    {
      std::lock_guard lock(mutex_);
      events_.push_back(e);
    }
    changed_.notify_all();
  };
}

bool EventLog::WaitFor(const std::function<bool(const WatchEvent&)>& match,
                       std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout,
                           [&] { return std::any_of(events_.begin(), events_.end(), match); });
}

bool EventLog::Any(const std::function<bool(const WatchEvent&)>& match) {
  std::lock_guard lock(mutex_);
  return std::any_of(events_.begin(), events_.end(), match);
}

}  // namespace slipway::connectors::kube_testing
