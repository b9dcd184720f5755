#pragma once
// One watch of the fake: a queue of events and a thread delivering them, so
// callbacks run off the writer's thread (as with the real client) and may
// call back into the fake.

#include <condition_variable>
#include <deque>
#include <thread>

#include "connectors/kubernetes/fake.hpp"
#include "connectors/kubernetes/selectors.hpp"

namespace slipway::connectors {

/// The port's event type for the model's ("ADDED", "MODIFIED", "DELETED").
inline WatchEvent::Type EventType(std::string_view type) {
  return type == "ADDED"      ? WatchEvent::Type::kAdded
         : type == "MODIFIED" ? WatchEvent::Type::kModified
                              : WatchEvent::Type::kDeleted;
}

class FakeKubernetes::FakeWatch {
 public:
  FakeWatch(std::string plural, std::string ns, kube::LabelSelector labels,
            kube::FieldSelector fields, WatchCallback on_event)
      : plural_(std::move(plural)),
        ns_(std::move(ns)),
        labels_(std::move(labels)),
        fields_(std::move(fields)),
        on_event_(std::move(on_event)) {}
  ~FakeWatch() { Stop(); }

  void Start() {
    thread_ = std::thread([this] { Run(); });
  }

  bool Matches(std::string_view plural, std::string_view ns, const KubeObject& object) const;

  void Push(WatchEvent event) {
    {
      std::lock_guard lock(mutex_);
      if (stopped_) return;
      queue_.push_back(std::move(event));
    }
    wake_.notify_all();
  }

  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
  }

  bool stopped() const {
    std::lock_guard lock(mutex_);
    return stopped_;
  }

  void SetVersion(std::string rv) {
    std::lock_guard lock(mutex_);
    resource_version_ = std::move(rv);
  }

  std::string resource_version() const {
    std::lock_guard lock(mutex_);
    return resource_version_;
  }

 private:
  void Run() {
    std::unique_lock lock(mutex_);
    while (true) {
      wake_.wait(lock, [this] { return stopped_ || !queue_.empty(); });
      if (stopped_) return;
      WatchEvent event = std::move(queue_.front());
      queue_.pop_front();
      resource_version_ = event.resource_version;
      lock.unlock();
      on_event_(event);
      lock.lock();
    }
  }

  const std::string plural_;
  const std::string ns_;
  const kube::LabelSelector labels_;
  const kube::FieldSelector fields_;
  WatchCallback on_event_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<WatchEvent> queue_;
  bool stopped_ = false;
  std::string resource_version_;
  std::thread thread_;
};

}  // namespace slipway::connectors
