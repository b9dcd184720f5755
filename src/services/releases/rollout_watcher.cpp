#include "services/releases/rollout_watcher.hpp"

#include <spdlog/spdlog.h>

#include "core/common/clock.hpp"
#include "core/common/json_path.hpp"

namespace slipway::services {

namespace {

std::string_view TypeName(connectors::WatchEvent::Type type) {
  switch (type) {
    case connectors::WatchEvent::Type::kAdded:
      return "ADDED";
    case connectors::WatchEvent::Type::kModified:
      return "MODIFIED";
    case connectors::WatchEvent::Type::kDeleted:
      return "DELETED";
    case connectors::WatchEvent::Type::kBookmark:
      return "BOOKMARK";
    case connectors::WatchEvent::Type::kResync:
      return "RESYNC";
  }
  return "?";
}

}  // namespace

RolloutWatcher::~RolloutWatcher() {
  StopAll();
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  retired_ready_.notify_all();
  if (reaper_.joinable()) reaper_.join();
}

void RolloutWatcher::StopAll() {
  std::map<std::int64_t, Watches> all;
  std::vector<Watches> retired;
  {
    std::unique_lock lock(mutex_);
    // A Stop() on a watch thread may hold watches out of both lists for a moment.
    retired_ready_.wait(lock, [this] { return stopping_ == 0; });
    all.swap(watches_);
    retired.swap(retired_);
  }
  for (auto& [id, w] : all) {
    for (auto& h : w.handles) h->RequestStop();
  }
  for (auto& [id, w] : all) {
    for (auto& h : w.handles) h->Stop();
  }
  for (auto& w : retired) {
    for (auto& h : w.handles) h->Stop();
  }
}

void RolloutWatcher::Reap() {
  std::unique_lock lock(mutex_);
  for (;;) {
    retired_ready_.wait(lock, [this] { return closing_ || !retired_.empty(); });
    if (retired_.empty()) return;  // closing, nothing left
    std::vector<Watches> batch;
    batch.swap(retired_);
    lock.unlock();
    for (auto& w : batch) {
      for (auto& h : w.handles) h->Stop();  // each was told to stop already: these end together
    }
    batch.clear();
    lock.lock();
  }
}

void RolloutWatcher::Ensure(std::int64_t release_id, const std::string& workflow_id,
                            const std::shared_ptr<connectors::Kubernetes>& kube,
                            const std::string& ns, const std::string& label_selector) {
  {
    std::lock_guard lock(mutex_);
    if (watches_.count(release_id)) return;
  }
  Watches w;
  w.kube = kube;
  auto on_error = [release_id](const core::Error& e) {
    spdlog::warn("release {}: watch interrupted (the step's deadline covers it): {}", release_id,
                 e.message);
  };
  for (const auto* resource : {&connectors::kube::kDeployments, &connectors::kube::kPods}) {
    connectors::WatchOptions options;
    options.label_selector = label_selector;
    auto on_event = [this, release_id, workflow_id, resource](const connectors::WatchEvent& e) {
      OnEvent(release_id, workflow_id, *resource, e);
    };
    auto handle = kube->Watch(*resource, ns, options, on_event, on_error);
    if (!handle.ok()) {
      spdlog::warn("release {}: cannot watch {}: {}", release_id, resource->plural,
                   handle.error().message);
      continue;
    }
    w.handles.push_back(std::move(*handle));
  }
  std::vector<std::unique_ptr<connectors::WatchHandle>> extra;
  {
    std::lock_guard lock(mutex_);
    if (watches_.count(release_id)) {
      extra = std::move(w.handles);  // another run raced us: keep theirs
    } else {
      watches_[release_id] = std::move(w);
    }
  }
  for (auto& h : extra) h->Stop();
}

void RolloutWatcher::OnEvent(std::int64_t release_id, const std::string& workflow_id,
                             const connectors::KubeResource& resource,
                             const connectors::WatchEvent& event) {
  if (event.type == connectors::WatchEvent::Type::kBookmark) return;
  // Wall clock, as the emulators' logs: bench/release splits a reaction into
  // the cluster's share (until the event arrives) and Slipway's (from then).
  const core::Millis arrived = core::SystemClock().Now();
  bool keep = true;
  try {
    keep = poke_(workflow_id);
  } catch (const std::exception& ex) {
    // The database is unreachable: an exception here would end the process
    // (this is the watch's thread). The step's deadline wakes it later.
    spdlog::warn("release {}: cannot wake its workflow: {}", release_id, ex.what());
  }
  if (spdlog::should_log(spdlog::level::debug)) {
    spdlog::debug("watch event: release={} workflow={} resource={} type={} name={} arrived_ms={}",
                  release_id, workflow_id, resource.plural, TypeName(event.type),
                  core::StringAt(event.object, {"metadata", "name"}), arrived);
  }
  if (!keep) Stop(release_id);
}

void RolloutWatcher::Stop(std::int64_t release_id) {
  Watches stopping;
  {
    std::lock_guard lock(mutex_);
    auto it = watches_.find(release_id);
    if (it == watches_.end()) return;
    stopping = std::move(it->second);
    watches_.erase(it);
    ++stopping_;
  }
  // Outside the lock: this may run on one of the release's own watch threads
  // (its workflow ended), while the other one waits for the lock here.
  for (auto& h : stopping.handles) h->RequestStop();
  {
    std::lock_guard lock(mutex_);
    retired_.push_back(std::move(stopping));
    --stopping_;
    if (!reaper_.joinable()) reaper_ = std::thread([this] { Reap(); });
  }
  retired_ready_.notify_all();  // the reaper, and StopAll waiting for stopping_
}

std::size_t RolloutWatcher::active() const {
  std::lock_guard lock(mutex_);
  return watches_.size();
}

}  // namespace slipway::services
