#include "connectors/kubernetes/fake.hpp"

#include <boost/json/array.hpp>

#include "connectors/kubernetes/errors.hpp"
#include "connectors/kubernetes/fake_validation.hpp"
#include "connectors/kubernetes/fake_watch.hpp"
#include "connectors/kubernetes/patch.hpp"
#include "connectors/kubernetes/selectors.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace {

/// `deployments.apps "web"`, as the API server names objects in messages.
std::string Qualified(const KubeResource& r, std::string_view name) {
  std::string group;
  if (auto slash = r.api_version.find('/'); slash != std::string_view::npos) {
    group = "." + std::string(r.api_version.substr(0, slash));
  }
  return std::string(r.plural) + group + " \"" + std::string(name) + "\"";
}

core::Error StatusError(int code, const char* reason, std::string message) {
  return kube::ErrorFromStatusObject(boost::json::object{{"kind", "Status"},
                                                         {"apiVersion", "v1"},
                                                         {"status", "Failure"},
                                                         {"message", std::move(message)},
                                                         {"reason", reason},
                                                         {"code", code}});
}

core::Error NotFoundError(const KubeResource& r, std::string_view name) {
  return StatusError(404, "NotFound", Qualified(r, name) + " not found");
}

bool SameResource(const KubeResource& a, const KubeResource& b) { return a.plural == b.plural; }

std::string Selector(const KubeObject& o) {
  std::string text;
  if (const auto* labels = core::Find(o, {"spec", "selector", "matchLabels"});
      labels && labels->is_object()) {
    for (const auto& [k, v] : labels->as_object()) {
      text += (text.empty() ? "" : ",") + std::string(k) + "=" +
              (v.is_string() ? std::string(v.as_string()) : "");
    }
  }
  return text;
}

/// The API server's defaults for the fields Slipway reads back.
void Default(const KubeResource& r, KubeObject& o, const KubeObject* current, fake::Store& store) {
  if (SameResource(r, kube::kNamespaces)) {
    if (!current) {
      core::EnsureObject(o, {"spec"})["finalizers"] = boost::json::array{"kubernetes"};
      o["status"] = {{"phase", "Active"}};
    }
  } else if (SameResource(r, kube::kDeployments)) {
    auto& spec = core::EnsureObject(o, {"spec"});
    if (!spec.contains("replicas")) spec["replicas"] = 1;
    if (!spec.contains("strategy")) {
      spec["strategy"] = {{"type", "RollingUpdate"},
                          {"rollingUpdate", {{"maxSurge", "25%"}, {"maxUnavailable", "25%"}}}};
    }
    if (!spec.contains("revisionHistoryLimit")) spec["revisionHistoryLimit"] = 10;
    if (!spec.contains("progressDeadlineSeconds")) spec["progressDeadlineSeconds"] = 600;
  } else if (SameResource(r, kube::kServices)) {
    auto& spec = core::EnsureObject(o, {"spec"});
    if (!spec.contains("type")) spec["type"] = "ClusterIP";
    const auto* old_ip = current ? core::Find(*current, {"spec", "clusterIP"}) : nullptr;
    // An ExternalName service is a CNAME: no cluster IP.
    if (spec["type"] != "ExternalName") {
      if (!spec.contains("clusterIP")) {
        spec["clusterIP"] =
            old_ip ? *old_ip
                   : boost::json::value("10.96.0." + std::to_string(store.NextSerial() % 250 + 2));
      }
      spec["clusterIPs"] = boost::json::array{spec["clusterIP"]};
    }
    if (auto* ports = spec.if_contains("ports"); ports && ports->is_array()) {
      for (auto& p : ports->as_array()) {
        if (!p.is_object()) continue;
        auto& port = p.as_object();
        if (!port.contains("protocol")) port["protocol"] = "TCP";
        if (!port.contains("targetPort") && port.contains("port"))
          port["targetPort"] = port["port"];
      }
    }
  }
}

/// 422 for what the API server's validation would refuse among the fields we know.
std::optional<core::Error> Validate(const KubeResource& r, const KubeObject& o,
                                    const KubeObject* current) {
  const std::string name = core::StringAt(o, {"metadata", "name"});
  const std::string what =
      std::string(r.kind) +
      (r.api_version.find('/') != std::string_view::npos
           ? "." + std::string(r.api_version.substr(0, r.api_version.find('/')))
           : "") +
      " \"" + name + "\" is invalid: ";
  if (name.empty())
    return StatusError(422, "Invalid", what + "metadata.name: Required value: name is required");
  auto problems = SameResource(r, kube::kServices)    ? fake::ServiceProblems(o)
                  : SameResource(r, kube::kIngresses) ? fake::IngressProblems(o)
                                                      : std::vector<std::string>{};
  if (problems.size() == 1) return StatusError(422, "Invalid", what + problems[0]);
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : ", ") + p;
    return StatusError(422, "Invalid", what + "[" + all + "]");
  }
  if (!SameResource(r, kube::kDeployments)) return std::nullopt;
  if (core::IntAt(o, {"spec", "replicas"}) < 0) {
    return StatusError(422, "Invalid",
                       what + "spec.replicas: Invalid value: " +
                           std::to_string(core::IntAt(o, {"spec", "replicas"})) +
                           ": must be greater than or equal to 0");
  }
  const auto* selector = core::Find(o, {"spec", "selector", "matchLabels"});
  const auto* labels = core::Find(o, {"spec", "template", "metadata", "labels"});
  if (!selector || !selector->is_object() || selector->as_object().empty()) {
    return StatusError(422, "Invalid", what + "spec.selector: Required value");
  }
  for (const auto& [k, v] : selector->as_object()) {
    const auto* l = labels && labels->is_object() ? labels->as_object().if_contains(k) : nullptr;
    if (!l || *l != v) {
      return StatusError(422, "Invalid",
                         what +
                             "spec.template.metadata.labels: Invalid value: `selector` does not "
                             "match template `labels`");
    }
  }
  if (current && Selector(*current) != Selector(o)) {
    return StatusError(422, "Invalid", what + "spec.selector: Invalid value: field is immutable");
  }
  return std::nullopt;
}

}  // namespace

FakeKubernetes::FakeKubernetes(const core::Clock* clock)
    : own_clock_(clock ? nullptr : std::make_unique<core::SystemClock>()),
      clock_(clock ? *clock : *own_clock_),
      store_(clock_) {}

FakeKubernetes::~FakeKubernetes() {
  for (auto& w : watches_) w->Stop();
}

std::optional<core::Error> FakeKubernetes::Enter(std::string_view method,
                                                 const KubeResource* resource, std::string_view ns,
                                                 std::string_view name) {
  const std::string plural = resource ? std::string(resource->plural) : "";
  calls_.push_back(Call{std::string(method), plural, std::string(ns), std::string(name)});
  Sweep();
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

void FakeKubernetes::Sweep() {
  const auto now = clock_.Now();
  for (auto it = terminating_.begin(); it != terminating_.end();) {
    if (it->second <= now) {
      store_.Erase(kube::kNamespaces, "", it->first);
      it = terminating_.erase(it);
    } else {
      ++it;
    }
  }
  Publish();
}

void FakeKubernetes::Publish() {
  auto events = store_.TakeNewEvents();
  std::erase_if(watches_, [](const auto& w) { return w->stopped(); });
  for (const auto& e : events) {
    for (const auto& w : watches_) {
      if (!w->Matches(e.plural, e.ns, e.object)) continue;
      w->Push(WatchEvent{e.type, e.object, {}, std::to_string(e.version)});
    }
  }
}

core::Status FakeKubernetes::CheckNamespace(const KubeResource& resource, std::string_view ns,
                                            std::string_view verb) {
  if (!resource.namespaced) return core::Ok{};
  if (!store_.Find("namespaces", "", ns)) return NotFoundError(kube::kNamespaces, ns);
  if (verb == "create" && terminating_.contains(std::string(ns))) {
    return StatusError(403, "Forbidden",
                       std::string(resource.plural) +
                           " is forbidden: unable to create new content in namespace " +
                           std::string(ns) + " because it is being terminated");
  }
  return core::Ok{};
}

core::Result<KubeObject> FakeKubernetes::Write(const KubeResource& resource, std::string_view ns,
                                               KubeObject object, const KubeObject* current) {
  if (auto invalid = Validate(resource, object, current)) return *invalid;
  Default(resource, object, current, store_);
  auto& metadata = core::EnsureObject(object, {"metadata"});
  if (current) {
    for (std::string_view key : {"uid", "creationTimestamp", "deletionTimestamp"}) {
      if (const auto* v = core::Find(*current, {"metadata", key})) metadata[key] = *v;
    }
    if (const auto* status = current->if_contains("status"))
      object["status"] = *status;  // PUT ignores status
    const auto* old_spec = current->if_contains("spec");
    const auto* new_spec = object.if_contains("spec");
    const bool changed = (old_spec ? *old_spec : boost::json::value()) !=
                         (new_spec ? *new_spec : boost::json::value());
    metadata["generation"] =
        core::IntAt(*current, {"metadata", "generation"}, 1) + (changed ? 1 : 0);
  } else {
    metadata["uid"] = store_.NewUid();
    metadata["creationTimestamp"] = store_.Now();
    metadata["generation"] = 1;
  }
  const std::string name = core::StringAt(object, {"metadata", "name"});
  store_.Put(resource, ns, std::move(object));
  if (SameResource(resource, kube::kDeployments))
    fake::ReconcileDeployment(store_, ns, name, image_failures_);
  Publish();
  return *store_.Find(resource.plural, resource.namespaced ? ns : "", name);
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
  if (auto ok = CheckNamespace(resource, ns, "create"); !ok.ok()) return ok.error();
  const std::string object_ns = core::StringAt(object, {"metadata", "namespace"});
  if (resource.namespaced && !object_ns.empty() && object_ns != ns) {
    return StatusError(
        400, "BadRequest",
        "the namespace of the provided object does not match the namespace sent on the request");
  }
  if (store_.Find(resource.plural, resource.namespaced ? ns : "", name)) {
    return StatusError(409, "AlreadyExists", Qualified(resource, name) + " already exists");
  }
  core::EnsureObject(object, {"metadata"}).erase("resourceVersion");
  return Write(resource, ns, std::move(object), nullptr);
}

core::Result<KubeObject> FakeKubernetes::Get(const KubeResource& resource, std::string_view ns,
                                             std::string_view name) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Get", &resource, ns, name)) return *e;
  const auto* found = store_.Find(resource.plural, resource.namespaced ? ns : "", name);
  if (!found) return NotFoundError(resource, name);
  return *found;
}

core::Result<ObjectList> FakeKubernetes::List(const KubeResource& resource, std::string_view ns,
                                              const ListOptions& options) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("List", &resource, ns, "")) return *e;
  auto labels = kube::LabelSelector::Parse(options.label_selector);
  if (!labels.ok()) return StatusError(400, "BadRequest", labels.error().message);
  auto fields = kube::FieldSelector::Parse(options.field_selector);
  if (!fields.ok()) return StatusError(400, "BadRequest", fields.error().message);
  ObjectList list;
  list.resource_version = std::to_string(store_.version());
  for (const auto* o : store_.All(resource.plural, resource.namespaced ? ns : "")) {
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
  const auto* current = store_.Find(resource.plural, resource.namespaced ? ns : "", name);
  if (!current) return NotFoundError(resource, name);
  const std::string rv = core::StringAt(object, {"metadata", "resourceVersion"});
  if (!rv.empty() && rv != core::StringAt(*current, {"metadata", "resourceVersion"})) {
    return StatusError(409, "Conflict",
                       "Operation cannot be fulfilled on " + Qualified(resource, name) +
                           ": the object has been modified; please apply your changes to the "
                           "latest version and try again");
  }
  KubeObject copy = *current;
  return Write(resource, ns, std::move(object), &copy);
}

core::Result<KubeObject> FakeKubernetes::Patch(const KubeResource& resource, std::string_view ns,
                                               std::string_view name, PatchType type,
                                               const boost::json::value& patch) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Patch", &resource, ns, name)) return *e;
  const auto* current = store_.Find(resource.plural, resource.namespaced ? ns : "", name);
  if (!current) return NotFoundError(resource, name);
  if (!patch.is_object()) return StatusError(400, "BadRequest", "the patch must be a JSON object");
  const std::string rv =
      patch.is_object() ? core::StringAt(patch.as_object(), {"metadata", "resourceVersion"}) : "";
  if (!rv.empty() && rv != core::StringAt(*current, {"metadata", "resourceVersion"})) {
    return StatusError(409, "Conflict",
                       "Operation cannot be fulfilled on " + Qualified(resource, name) +
                           ": the object has been modified; please apply your changes to the "
                           "latest version and try again");
  }
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
  const std::string key_ns = resource.namespaced ? std::string(ns) : "";
  auto* current = store_.Find(resource.plural, key_ns, name);
  if (!current) return NotFoundError(resource, name);
  if (SameResource(resource, kube::kNamespaces)) {
    if (terminating_.contains(std::string(name))) {
      return StatusError(
          409, "Conflict",
          "Operation cannot be fulfilled on namespaces \"" + std::string(name) +
              "\": The system is ensuring all content is removed from this namespace.  "
              "Upon completion, this namespace will automatically be purged by the system.");
    }
    KubeObject ns_object = *current;
    core::EnsureObject(ns_object, {"metadata"})["deletionTimestamp"] = store_.Now();
    core::EnsureObject(ns_object, {"status"})["phase"] = "Terminating";
    store_.Put(kube::kNamespaces, "", ns_object);
    for (const auto* r : {&kube::kDeployments, &kube::kReplicaSets, &kube::kPods, &kube::kServices,
                          &kube::kConfigMaps, &kube::kIngresses}) {
      std::vector<std::string> names;
      for (const auto* o : store_.All(r->plural, name))
        names.push_back(core::StringAt(*o, {"metadata", "name"}));
      for (const auto& n : names) store_.Erase(*r, name, n);
    }
    terminating_[std::string(name)] = clock_.Now() + namespace_delay_;
    Publish();
    return std::optional<KubeObject>(*store_.Find("namespaces", "", name));
  }
  const std::string uid = core::StringAt(*current, {"metadata", "uid"});
  store_.Erase(resource, ns, name);
  if (propagation != PropagationPolicy::kOrphan) fake::DeleteOwned(store_, ns, uid);
  Publish();
  return std::optional<KubeObject>();
}

core::Result<KubeObject> FakeKubernetes::Scale(const KubeResource& resource, std::string_view ns,
                                               std::string_view name, std::int64_t replicas) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("Scale", &resource, ns, name)) return *e;
  if (!SameResource(resource, kube::kDeployments) && !SameResource(resource, kube::kReplicaSets)) {
    return NotFoundError(resource, name);  // no /scale subresource: the API server answers 404
  }
  const auto* current = store_.Find(resource.plural, ns, name);
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
        {"selector", Selector(*written)}}}};
}

}  // namespace slipway::connectors
