#include "connectors/kubernetes/fake.hpp"

#include <sodium.h>

#include <boost/json/array.hpp>

#include "connectors/kubernetes/fake_watch.hpp"
#include "connectors/kubernetes/model/admission.hpp"
#include "connectors/kubernetes/model/controllers.hpp"
#include "connectors/kubernetes/model/status_errors.hpp"
#include "connectors/kubernetes/patch.hpp"
#include "connectors/kubernetes/selectors.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors {

namespace {

bool SameResource(const KubeResource& a, const KubeResource& b) { return a.plural == b.plural; }

// A /scale's status.selector: spec.selector as a label selector string.
std::string SelectorText(const KubeObject& o) {
  const auto* selector = core::Find(o, {"spec", "selector"});
  return selector ? kube::LabelSelector::FromObject(*selector).ToString() : "";
}

}  // namespace

// Rounds of the controllers one call may run: enough for a rollout of many
// replicas to finish (each surge step takes two), bounded for safety.
constexpr int kSettleRounds = 200;

kube::model::ClusterSettings FakeKubernetes::Settings() {
  kube::model::ClusterSettings settings;
  settings.pod_ready_delay = 0;
  settings.crash_backoff = 10'000;  // the kubelet's first crash-loop back-off
  settings.namespace_delete_delay = 0;
  settings.event_history = 10'000;
  settings.image_exists = [this](const std::string& image) {
    auto it = image_failures_.find(image);
    return it == image_failures_.end() || it->second == "CrashLoopBackOff";
  };
  settings.image_crashes = [this](const std::string& image) {
    auto it = image_failures_.find(image);
    return it != image_failures_.end() && it->second == "CrashLoopBackOff";
  };
  return settings;
}

FakeKubernetes::FakeKubernetes(const core::Clock* clock)
    : own_clock_(clock ? nullptr : std::make_unique<core::SystemClock>()),
      clock_(clock ? *clock : *own_clock_),
      cluster_(Settings(), clock_) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");  // uids
  cluster_.store.on_event = [this](const kube::model::StoreEvent& e) { unpublished_.push_back(e); };
}

FakeKubernetes::~FakeKubernetes() {
  for (auto& w : watches_) w->Stop();
}

const kube::model::ResourceType& FakeKubernetes::Type(const KubeResource& resource) {
  return *kube::model::ResourceByPlural(resource.plural);
}

const KubeObject* FakeKubernetes::Find(const KubeResource& resource, std::string_view ns,
                                       std::string_view name) const {
  return cluster_.store.Get(Type(resource), resource.namespaced ? std::string(ns) : "",
                            std::string(name));
}

std::optional<core::Error> FakeKubernetes::Enter(std::string_view method,
                                                 const KubeResource* resource, std::string_view ns,
                                                 std::string_view name) {
  const std::string plural = resource ? std::string(resource->plural) : "";
  calls_.push_back(Call{std::string(method), plural, std::string(ns), std::string(name)});
  Settle();  // what the clock made due since the last call
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if ((it->method.empty() || it->method == method) &&
        (it->plural.empty() || it->plural == plural)) {
      core::Error error = it->error;
      if (--it->count <= 0) failures_.erase(it);
      return error;
    }
  }
  if (resource && resource->namespaced && ns.empty() && method != "List" && method != "Watch") {
    return core::Invalid("kubernetes: a namespace is required for " + plural);
  }
  return std::nullopt;
}

core::Error FakeKubernetes::NotFoundError(const KubeResource& resource, std::string_view name) {
  return kube::model::NotFoundError(Type(resource), std::string(name));
}

void FakeKubernetes::Settle() {
  kube::model::RunUntilSettled(cluster_, clock_.Now(), kSettleRounds);
  Publish();
}

void FakeKubernetes::Publish() {
  std::vector<kube::model::StoreEvent> events;
  events.swap(unpublished_);
  std::erase_if(watches_, [](const auto& w) { return w->stopped(); });
  for (const auto& e : events) {
    const auto ns = core::StringAt(e.object, {"metadata", "namespace"});
    for (const auto& w : watches_) {
      if (!w->Matches(e.resource->plural, ns, e.object)) continue;
      w->Push(WatchEvent{EventType(e.type), e.object, {}, std::to_string(e.rv)});
    }
  }
}

core::Result<KubeObject> FakeKubernetes::Write(const KubeResource& resource, std::string_view ns,
                                               KubeObject object, const KubeObject* current) {
  // The API server's admission, as the emulator runs it (model/admission.*),
  // except the OpenAPI field check, which the emulator alone makes: reading
  // the official schemas (3.4 MB of JSON) is too slow for a fake every
  // service test builds, and Slipway's objects are typed by the port.
  const auto& type = Type(resource);
  auto admitted =
      current ? kube::model::AdmitUpdate(cluster_, type, std::move(object), *current)
              : kube::model::AdmitCreate(cluster_, type, resource.namespaced ? std::string(ns) : "",
                                         std::move(object));
  if (!admitted.ok()) return admitted.error();
  const std::string name = core::StringAt(*admitted, {"metadata", "name"});
  if (current) {
    kube::model::StoreUpdate(cluster_, type, std::move(*admitted), *current);
  } else {
    cluster_.store.Create(type, std::move(*admitted));
  }
  Settle();
  return *Find(resource, ns, name);
}

core::Result<boost::json::object> FakeKubernetes::Version() {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Version", nullptr, "", "")) return *e;
  return boost::json::object{
      {"major", "1"}, {"minor", "35"}, {"gitVersion", "v1.35.0-fake"}, {"platform", "linux/amd64"}};
}

core::Result<KubeObject> FakeKubernetes::Create(const KubeResource& resource, std::string_view ns,
                                                KubeObject object) {
  std::lock_guard lock(mutex_);
  const std::string name = core::StringAt(object, {"metadata", "name"});
  if (auto e = Enter("Create", &resource, ns, name)) return *e;
  return Write(resource, ns, std::move(object), nullptr);
}

core::Result<KubeObject> FakeKubernetes::Get(const KubeResource& resource, std::string_view ns,
                                             std::string_view name) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Get", &resource, ns, name)) return *e;
  const auto* found = Find(resource, ns, name);
  if (!found) return NotFoundError(resource, name);
  return *found;
}

core::Result<ObjectList> FakeKubernetes::List(const KubeResource& resource, std::string_view ns,
                                              const ListOptions& options) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("List", &resource, ns, "")) return *e;
  auto labels = kube::LabelSelector::Parse(options.label_selector);
  if (!labels.ok()) return kube::model::BadRequestError(labels.error().message);
  auto fields = kube::FieldSelector::Parse(options.field_selector);
  if (!fields.ok()) return kube::model::BadRequestError(fields.error().message);
  ObjectList list;
  list.resource_version = std::to_string(cluster_.store.rv());
  for (const auto* o :
       cluster_.store.List(Type(resource), resource.namespaced ? std::string(ns) : "")) {
    const auto* l = core::Find(*o, {"metadata", "labels"});
    if (fields->Matches(*o) && labels->Matches(l ? *l : boost::json::value()))
      list.items.push_back(*o);
  }
  return list;
}

core::Result<KubeObject> FakeKubernetes::Replace(const KubeResource& resource, std::string_view ns,
                                                 KubeObject object) {
  std::lock_guard lock(mutex_);
  const std::string name = core::StringAt(object, {"metadata", "name"});
  if (auto e = Enter("Replace", &resource, ns, name)) return *e;
  const auto* current = Find(resource, ns, name);
  if (!current) return NotFoundError(resource, name);
  KubeObject copy = *current;
  return Write(resource, ns, std::move(object), &copy);
}

core::Result<KubeObject> FakeKubernetes::Patch(const KubeResource& resource, std::string_view ns,
                                               std::string_view name, PatchType type,
                                               const boost::json::value& patch) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Patch", &resource, ns, name)) return *e;
  const auto* current = Find(resource, ns, name);
  if (!current) return NotFoundError(resource, name);
  if (!patch.is_object()) return kube::model::BadRequestError("the patch must be a JSON object");
  KubeObject copy = *current;
  // The emulator's patch functions; with an object patch on an object they
  // cannot fail (only JSON patches, which the port does not send, can).
  auto merged = type == PatchType::kMerge ? kube::MergePatch(copy, patch)
                                          : kube::StrategicMergePatch(copy, patch);
  return Write(resource, ns, std::move(merged.as_object()), &copy);
}

core::Result<std::optional<KubeObject>> FakeKubernetes::Delete(const KubeResource& resource,
                                                               std::string_view ns,
                                                               std::string_view name,
                                                               PropagationPolicy propagation) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Delete", &resource, ns, name)) return *e;
  const auto* current = Find(resource, ns, name);
  if (!current) return NotFoundError(resource, name);
  if (SameResource(resource, kube::kNamespaces)) {
    if (core::Find(*current, {"metadata", "deletionTimestamp"})) {
      return kube::model::ConflictError(
          Type(kube::kNamespaces), std::string(name),
          "The system is ensuring all content is removed from this namespace.  Upon completion, "
          "this namespace will automatically be purged by the system.");
    }
    // The namespace controller empties it, and removes it once the
    // termination delay has passed (at the next call when there is none).
    KubeObject terminating = *current;
    core::EnsureObject(terminating, {"metadata"})["deletionTimestamp"] =
        core::Rfc3339Seconds(clock_.Now());
    core::EnsureObject(terminating, {"status"})["phase"] = "Terminating";
    terminating = cluster_.store.Update(Type(kube::kNamespaces), std::move(terminating));
    Settle();
    return std::optional<KubeObject>(std::move(terminating));
  }
  const KubeObject owner = *current;
  if (propagation == PropagationPolicy::kOrphan) {
    kube::model::OrphanDependents(cluster_, Type(resource), owner);
  }
  cluster_.store.Remove(Type(resource), resource.namespaced ? std::string(ns) : "",
                        std::string(name));
  cluster_.pods.erase(core::StringAt(owner, {"metadata", "uid"}));
  Settle();  // the garbage collector removes the dependents
  return std::optional<KubeObject>();
}

core::Result<KubeObject> FakeKubernetes::Scale(const KubeResource& resource, std::string_view ns,
                                               std::string_view name, std::int64_t replicas) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Scale", &resource, ns, name)) return *e;
  if (replicas < 0)
    return core::Invalid("kubernetes: replicas must not be negative");  // as the client
  if (!SameResource(resource, kube::kDeployments) && !SameResource(resource, kube::kReplicaSets)) {
    return NotFoundError(resource, name);  // no /scale subresource: the API server answers 404
  }
  const auto* current = Find(resource, ns, name);
  if (!current) return NotFoundError(resource, name);
  KubeObject copy = *current;
  KubeObject next = copy;
  core::EnsureObject(next, {"spec"})["replicas"] = replicas;
  auto written = Write(resource, ns, std::move(next), &copy);
  if (!written.ok()) return written.error();
  return KubeObject{
      {"kind", "Scale"},
      {"apiVersion", "autoscaling/v1"},
      {"metadata",
       {{"name", name},
        {"namespace", ns},
        {"uid", core::StringAt(*written, {"metadata", "uid"})},
        {"resourceVersion", core::StringAt(*written, {"metadata", "resourceVersion"})}}},
      {"spec", {{"replicas", replicas}}},
      {"status",
       {{"replicas", core::IntAt(*written, {"status", "replicas"})},
        {"selector", SelectorText(*written)}}}};
}

}  // namespace slipway::connectors
