// A simulated kubelet: pods go ContainerCreating → Running/Ready after the
// configured delay; a container whose image does not exist goes
// ErrImagePull → ImagePullBackOff (and starts once the image appears); a pod
// annotated sandbox.slipway.dev/crash: "true" crash-loops.
#include <boost/json.hpp>
#include <set>

#include "connectors/kubernetes/model/controllers.hpp"
#include "connectors/kubernetes/model/generated_ids.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

enum class Outcome { kCreating, kRunning, kPullError, kCrashing };

json::object Cond(const char* type, bool ok, const std::string& since, const char* reason = nullptr,
                  const std::string& message = "") {
  json::object c{{"type", type}, {"status", ok ? "True" : "False"}, {"lastTransitionTime", since}};
  if (reason) {
    c["reason"] = reason;
    c["message"] = message;
  }
  return c;
}

// "nginx:1.27" → "docker.io/library/nginx:1.27", as the runtime reports images.
std::string FullImage(const std::string& image) {
  auto slash = image.find('/');
  std::string first = slash == std::string::npos ? "" : image.substr(0, slash);
  bool has_registry = first.find('.') != std::string::npos ||
                      first.find(':') != std::string::npos || first == "localhost";
  if (has_registry) return image;
  return slash == std::string::npos ? "docker.io/library/" + image : "docker.io/" + image;
}

std::string ImageId(const std::string& image) {
  std::string repo = FullImage(image);
  if (auto at = repo.find('@'); at != std::string::npos) return repo;
  auto slash = repo.rfind('/');
  auto colon = repo.rfind(':');
  if (colon != std::string::npos && colon > slash) repo.resize(colon);
  return repo + "@sha256:" + Sha256Hex(image);
}

// Asked to by the pod's annotation, or by the cluster for one of its images.
bool Crashes(const Cluster& cluster, const json::object& pod) {
  const auto* ann = core::Find(pod, {"metadata", "annotations"});
  if (ann && ann->is_object()) {
    const auto* v = ann->as_object().if_contains(kCrashAnnotation);
    if (v && *v == "true") return true;
  }
  const auto* containers = core::Find(pod, {"spec", "containers"});
  if (!containers || !containers->is_array()) return false;
  for (const auto& c : containers->as_array()) {
    if (cluster.ImageCrashes(core::StringAt(c, {"image"}))) return true;
  }
  return false;
}

json::object Status(const Cluster& cluster, const json::object& pod, Outcome outcome, int restarts,
                    const std::string& pod_ip, core::Millis at) {
  std::string now = core::Rfc3339Seconds(at);
  const json::object* old = nullptr;
  if (const auto* s = pod.if_contains("status"); s && s->is_object()) old = &s->as_object();
  std::string start = old ? core::StringAt(*old, {"startTime"}, now) : now;
  json::array statuses;
  std::vector<std::string> unready;
  bool all_ready = true;
  const auto* containers = core::Find(pod, {"spec", "containers"});
  for (const auto& c :
       containers && containers->is_array() ? containers->as_array() : json::array()) {
    std::string name = core::StringAt(c, {"name"});
    std::string image = core::StringAt(c, {"image"});
    bool pull_ok = cluster.ImageExists(image);
    json::object st{{"name", name},   {"image", FullImage(image)},
                    {"imageID", ""},  {"restartCount", 0},
                    {"ready", false}, {"started", false}};
    json::object state;
    if (outcome == Outcome::kCreating) {
      state["waiting"] = json::object{{"reason", "ContainerCreating"}};
    } else if (!pull_ok) {
      bool first = outcome == Outcome::kPullError && restarts == 0;
      state["waiting"] =
          first
              ? json::
                    object{{"reason", "ErrImagePull"},
                           {"message",
                            "rpc error: code = NotFound desc = failed to pull and unpack image \"" +
                                FullImage(image) + "\": not found"}}
              : json::object{{"reason", "ImagePullBackOff"},
                             {"message", "Back-off pulling image \"" + image + "\""}};
    } else {
      st["imageID"] = ImageId(image);
      st["containerID"] =
          "containerd://" + Sha256Hex(core::StringAt(pod, {"metadata", "uid"}) + name);
      if (outcome == Outcome::kCrashing) {
        st["restartCount"] = restarts;
        st["lastState"] =
            json::object{{"terminated", json::object{{"exitCode", 1},
                                                     {"reason", "Error"},
                                                     {"startedAt", now},
                                                     {"finishedAt", now},
                                                     {"containerID", st["containerID"]}}}};
        state["waiting"] =
            json::object{{"reason", "CrashLoopBackOff"},
                         {"message", "back-off 10s restarting failed container=" + name +
                                         " pod=" + core::StringAt(pod, {"metadata", "name"}) + "_" +
                                         core::StringAt(pod, {"metadata", "namespace"}) + "(" +
                                         core::StringAt(pod, {"metadata", "uid"}) + ")"}};
      } else {
        st["ready"] = true;
        st["started"] = true;
        state["running"] = json::object{{"startedAt", now}};
        // Keep the original start across status rewrites.
        if (old) {
          if (const auto* prev = core::Find(*old, {"containerStatuses"});
              prev && prev->is_array()) {
            for (const auto& p : prev->as_array()) {
              if (core::StringAt(p, {"name"}) == name && core::Find(p, {"state", "running"})) {
                state["running"] = p.at("state").at("running");
              }
            }
          }
        }
      }
    }
    bool ready = st["ready"] == true;
    all_ready = all_ready && ready;
    if (!ready) unready.push_back(name);
    st["state"] = std::move(state);
    statuses.push_back(std::move(st));
  }
  std::string list;
  for (const auto& n : unready) list += (list.empty() ? "" : " ") + n;
  std::string not_ready = "containers with unready status: [" + list + "]";
  bool running = outcome == Outcome::kRunning || outcome == Outcome::kCrashing;
  // Ready/ContainersReady keep their transition time while unchanged.
  auto since = [&](const char* type, bool ok) {
    if (old) {
      if (const auto* conds = old->if_contains("conditions"); conds && conds->is_array()) {
        for (const auto& c : conds->as_array()) {
          if (core::StringAt(c, {"type"}) == type &&
              core::StringAt(c, {"status"}) == (ok ? "True" : "False")) {
            return core::StringAt(c, {"lastTransitionTime"}, now);
          }
        }
      }
    }
    return now;
  };
  json::array conditions{
      Cond("PodReadyToStartContainers", outcome != Outcome::kCreating,
           since("PodReadyToStartContainers", outcome != Outcome::kCreating)),
      Cond("Initialized", true, since("Initialized", true)),
      all_ready ? Cond("Ready", true, since("Ready", true))
                : Cond("Ready", false, since("Ready", false), "ContainersNotReady", not_ready),
      all_ready ? Cond("ContainersReady", true, since("ContainersReady", true))
                : Cond("ContainersReady", false, since("ContainersReady", false),
                       "ContainersNotReady", not_ready),
      Cond("PodScheduled", true, since("PodScheduled", true))};
  return {{"phase", running ? "Running" : "Pending"},
          {"conditions", std::move(conditions)},
          {"hostIP", "10.0.0.10"},
          {"hostIPs", json::array{json::object{{"ip", "10.0.0.10"}}}},
          {"podIP", pod_ip},
          {"podIPs", json::array{json::object{{"ip", pod_ip}}}},
          {"startTime", start},
          {"containerStatuses", std::move(statuses)},
          {"qosClass", "BestEffort"}};
}

constexpr std::size_t kKeptReadyRecords = 10'000;

void RecordReady(Cluster& cluster, const json::object& pod, core::Millis now) {
  const auto* labels = core::Find(pod, {"metadata", "labels"});
  cluster.pods_ready.push_back(
      {core::StringAt(pod, {"metadata", "namespace"}), core::StringAt(pod, {"metadata", "name"}),
       labels && labels->is_object() ? labels->as_object() : json::object{}, now});
  if (cluster.pods_ready.size() > kKeptReadyRecords) cluster.pods_ready.pop_front();
}

// The pods a round looks at: every pod, or the queued ones and those whose
// state is due. Forgets the runtime of pods gone by any path: a stale entry
// would stay due (NextDue).
std::vector<json::object> PodsToSync(Cluster& cluster, core::Millis now, bool everything) {
  const auto& pod_type = *ResourceByPlural("pods");
  auto keys = cluster.work.TakePods();
  std::vector<json::object> pods;
  if (everything) {
    std::set<std::string> live;
    for (const auto* p : cluster.store.List(pod_type)) {
      pods.push_back(*p);
      live.insert(core::StringAt(*p, {"metadata", "uid"}));
    }
    std::erase_if(cluster.pods, [&](const auto& entry) { return !live.contains(entry.first); });
    return pods;
  }
  for (auto it = cluster.pods.begin(); it != cluster.pods.end();) {
    const auto& [uid, rt] = *it;
    if (rt.next > now) {
      ++it;
      continue;
    }
    const auto* pod = cluster.store.Get(pod_type, rt.ns, rt.name);
    if (!pod || core::StringAt(*pod, {"metadata", "uid"}) != uid) {
      it = cluster.pods.erase(it);
      continue;
    }
    keys.emplace(rt.ns, rt.name);
    ++it;
  }
  for (const auto& [ns, name] : keys) {
    if (const auto* pod = cluster.store.Get(pod_type, ns, name)) pods.push_back(*pod);
  }
  return pods;
}

}  // namespace

void RunKubelet(Cluster& cluster, core::Millis now, bool everything) {
  const auto& pod_type = *ResourceByPlural("pods");
  const auto pods = PodsToSync(cluster, now, everything);
  for (const auto& pod : pods) {
    std::string uid = core::StringAt(pod, {"metadata", "uid"});
    auto [it, fresh] = cluster.pods.try_emplace(uid);
    auto& rt = it->second;
    if (fresh) {
      rt.ns = core::StringAt(pod, {"metadata", "namespace"});
      rt.name = core::StringAt(pod, {"metadata", "name"});
      rt.created = now;
      rt.next = now + cluster.settings.pod_ready_delay;
    }
    std::string ip = core::StringAt(pod, {"status", "podIP"});
    const bool bound = !core::StringAt(pod, {"spec", "nodeName"}).empty();
    const bool reported = rt.stage > 0 || core::Find(pod, {"status", "containerStatuses"});
    if (bound && !ip.empty() && reported && now < rt.next) continue;  // nothing to do yet
    json::object next = pod;
    if (!bound) core::EnsureObject(next, {"spec"})["nodeName"] = "sandbox-node-1";
    if (ip.empty()) ip = cluster.AllocatePodIp();
    if (rt.stage == 0 && !core::Find(pod, {"status", "containerStatuses"})) {
      next["status"] = Status(cluster, next, Outcome::kCreating, 0, ip, now);
    } else if (now >= rt.next) {
      bool pull_ok = true;
      if (const auto* cs = core::Find(pod, {"spec", "containers"}); cs && cs->is_array()) {
        for (const auto& c : cs->as_array())
          pull_ok = pull_ok && cluster.ImageExists(core::StringAt(c, {"image"}));
      }
      Outcome outcome = !pull_ok                ? Outcome::kPullError
                        : Crashes(cluster, pod) ? Outcome::kCrashing
                                                : Outcome::kRunning;
      int count = rt.stage;  // pull errors and crashes seen so far
      next["status"] = Status(cluster, next, outcome,
                              outcome == Outcome::kCrashing ? count + 1 : count, ip, now);
      ++rt.stage;
      bool settled = outcome == Outcome::kRunning;
      rt.next = settled                         ? kNever
                : outcome == Outcome::kCrashing ? now + cluster.settings.crash_backoff
                                                : now + cluster.settings.pod_ready_delay;
      if (settled) {
        UpdateIfChanged(cluster, pod_type, pod, std::move(next));
        RecordReady(cluster, pod, now);
        continue;
      }
    }
    UpdateIfChanged(cluster, pod_type, pod, std::move(next));
  }
}

}  // namespace slipway::connectors::kube::model
