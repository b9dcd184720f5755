// FakeKubernetes: watches and the controls tests use to steer the fake.

#include "connectors/kubernetes/fake.hpp"
#include "connectors/kubernetes/fake_watch.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace {

/// The handle given out for a fake watch; stopping it stops delivery.
class FakeWatchHandle final : public WatchHandle {
 public:
  FakeWatchHandle(std::function<void()> stop, std::function<std::string()> version)
      : stop_(std::move(stop)), version_(std::move(version)) {}
  ~FakeWatchHandle() override { Stop(); }
  void Stop() override { stop_(); }
  void RequestStop() override { stop_(); }
  std::string resource_version() const override { return version_(); }

 private:
  std::function<void()> stop_;
  std::function<std::string()> version_;
};

}  // namespace

bool FakeKubernetes::FakeWatch::Matches(std::string_view plural, std::string_view ns,
                                        const KubeObject& object) const {
  if (plural != plural_ || (!ns_.empty() && ns != ns_)) return false;
  const auto* labels = core::Find(object, {"metadata", "labels"});
  return fields_.Matches(object) && labels_.Matches(labels ? *labels : boost::json::value());
}

core::Result<std::unique_ptr<WatchHandle>> FakeKubernetes::Watch(const KubeResource& resource,
                                                                 std::string_view ns,
                                                                 WatchOptions options,
                                                                 WatchCallback on_event,
                                                                 WatchErrorCallback on_error) {
  (void)on_error;  // the fake's watches do not fail once started
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Watch", &resource, ns, "")) return *e;
  if (!on_event) return core::Invalid("kubernetes: a watch needs an event callback");
  auto labels = kube::LabelSelector::Parse(options.label_selector);
  if (!labels.ok()) return labels.error();
  auto fields = kube::FieldSelector::Parse(options.field_selector);
  if (!fields.ok()) return fields.error();
  auto watch = std::make_shared<FakeWatch>(
      std::string(resource.plural), resource.namespaced ? std::string(ns) : "", std::move(*labels),
      std::move(*fields), std::move(on_event));
  std::int64_t from = -1;
  if (!options.resource_version.empty()) {
    try {
      from = std::stoll(options.resource_version);
    } catch (const std::exception&) {
      return core::Invalid("kubernetes: resourceVersion \"" + options.resource_version +
                           "\" is not one of ours");
    }
  }
  Publish();  // earlier events go to the watches that existed then
  const auto& store = cluster_.store;
  if (from < 0 || from < store.oldest_resumable()) {
    // No version, or one the history no longer holds (410): start from a full list.
    WatchEvent resync{WatchEvent::Type::kResync, {}, {}, std::to_string(store.rv())};
    for (const auto* o : store.List(Type(resource), resource.namespaced ? std::string(ns) : "")) {
      if (watch->Matches(resource.plural, core::StringAt(*o, {"metadata", "namespace"}), *o)) {
        resync.items.push_back(*o);
      }
    }
    watch->Push(std::move(resync));
  } else {
    watch->SetVersion(options.resource_version);
    for (const auto& e : store.history()) {
      if (e.rv > from &&
          watch->Matches(e.resource->plural, core::StringAt(e.object, {"metadata", "namespace"}),
                         e.object)) {
        watch->Push(WatchEvent{EventType(e.type), e.object, {}, std::to_string(e.rv)});
      }
    }
  }
  watch->Start();
  watches_.push_back(watch);
  return std::unique_ptr<WatchHandle>(std::make_unique<FakeWatchHandle>(
      [watch] { watch->Stop(); }, [watch] { return watch->resource_version(); }));
}

void FakeKubernetes::FailImage(std::string image, std::string reason) {
  std::lock_guard lock(mutex_);
  image_failures_[std::move(image)] = std::move(reason);
}

void FakeKubernetes::ClearImageFailures() {
  std::lock_guard lock(mutex_);
  image_failures_.clear();
}

void FakeKubernetes::InjectFailure(std::string method, std::string plural, core::Error error,
                                   int count) {
  std::lock_guard lock(mutex_);
  failures_.push_back(Failure{std::move(method), std::move(plural), std::move(error), count});
}

void FakeKubernetes::SetNamespaceTerminationDelay(core::Millis delay) {
  std::lock_guard lock(mutex_);
  cluster_.settings.namespace_delete_delay = delay;
}

void FakeKubernetes::ExpireWatchHistory() {
  std::lock_guard lock(mutex_);
  Publish();
  cluster_.store.Compact();
}

void FakeKubernetes::SendBookmarks() {
  std::lock_guard lock(mutex_);
  Publish();
  const std::string rv = std::to_string(cluster_.store.rv());
  for (const auto& w : watches_) {
    WatchEvent bookmark{
        WatchEvent::Type::kBookmark, {{"metadata", {{"resourceVersion", rv}}}}, {}, rv};
    w->Push(std::move(bookmark));
  }
}

std::vector<FakeKubernetes::Call> FakeKubernetes::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

void FakeKubernetes::ClearCalls() {
  std::lock_guard lock(mutex_);
  calls_.clear();
}

std::vector<KubeObject> FakeKubernetes::Objects(const KubeResource& resource) const {
  std::lock_guard lock(mutex_);
  std::vector<KubeObject> out;
  for (const auto* o : cluster_.store.List(Type(resource))) out.push_back(*o);
  return out;
}

}  // namespace slipway::connectors
