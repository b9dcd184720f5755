// The live side of environments: what the cluster says now (detail, pod
// list) and as it changes (watch-driven event subscriptions).
#include <boost/json.hpp>
#include <map>
#include <thread>

#include "core/common/rfc3339.hpp"
#include "services/environments/environment_service.hpp"

namespace slipway::services {

namespace {

DeploymentStatus StatusOf(const connectors::Deployment& deployment) {
  DeploymentStatus out;
  out.name = std::string(deployment.at("metadata").at("name").as_string());
  out.rollout = connectors::EvaluateRollout(deployment);
  if (const auto* status = deployment.if_contains("status"); status && status->is_object()) {
    if (const auto* list = status->as_object().if_contains("conditions");
        list && list->is_array()) {
      for (const auto& c : list->as_array()) {
        if (!c.is_object()) continue;
        auto text = [&](const char* key) {
          const auto* v = c.as_object().if_contains(key);
          return v && v->is_string() ? std::string(v->as_string()) : std::string();
        };
        out.conditions.push_back({text("type"), text("status"), text("reason"), text("message")});
      }
    }
  }
  return out;
}

std::int64_t AgeSeconds(const connectors::PodSummary& pod, core::Millis now) {
  auto started = core::ParseRfc3339(pod.start_time);
  return started ? std::max<std::int64_t>(0, (now - *started) / 1000) : -1;
}

// Groups pods by what is wrong with them, the way a person would say it.
std::vector<std::string> PodNotes(const std::vector<connectors::PodSummary>& pods) {
  std::map<std::string, std::pair<int, std::string>>
      by_reason;  // reason → count, an example message
  for (const auto& p : pods) {
    std::string reason = !p.waiting_reason.empty() ? p.waiting_reason : p.terminated_reason;
    if (reason.empty() || reason == "ContainerCreating" || reason == "Completed") continue;
    auto& entry = by_reason[reason];
    entry.first += 1;
    if (entry.second.empty())
      entry.second = p.waiting_message.empty() ? p.image : p.waiting_message;
  }
  std::vector<std::string> notes;
  for (const auto& [reason, entry] : by_reason) {
    std::string who = std::to_string(entry.first) + (entry.first == 1 ? " pod" : " pods");
    if (reason == "ErrImagePull" || reason == "ImagePullBackOff") {
      notes.push_back(who + " cannot pull the image (" + reason + "): " + entry.second);
    } else if (reason == "CrashLoopBackOff") {
      notes.push_back(who + " keep crashing (CrashLoopBackOff)");
    } else if (reason == "OOMKilled") {
      notes.push_back(who + " ran out of memory (OOMKilled): raise memory_limit");
    } else {
      notes.push_back(who + ": " + reason + (entry.second.empty() ? "" : " — " + entry.second));
    }
  }
  return notes;
}

std::string PodSelectorOf(const core::Environment& env, const std::string& app) {
  return core::PodSelector(app, env.env_type);
}

// Two watches (pods, the stable Deployment) feeding one sink. Stopping joins
// the watch threads, which may wait for a network read to end; the
// destructor therefore hands that to a thread of its own so that whoever
// drops the subscription (a network thread) never blocks.
class WatchSubscription final : public EnvSubscription {
 public:
  std::vector<std::unique_ptr<connectors::WatchHandle>> handles;
  ~WatchSubscription() override {
    if (handles.empty()) return;
    std::thread([handles = std::move(handles)]() mutable {
      for (auto& h : handles) h->Stop();
    }).detach();
  }
};

}  // namespace

LiveState EnvironmentService::Live(connectors::Kubernetes& kube, const Loaded& l) const {
  LiveState live;
  auto deployment = kube.Get(connectors::kube::kDeployments, l.env.namespace_name,
                             core::DeploymentName(l.app.name, core::kTrackStable));
  if (!deployment.ok() && deployment.error().code != core::Code::kNotFound) {
    live.error = deployment.error().message;
    return live;
  }
  live.reachable = true;
  if (deployment.ok()) {
    live.deployment_found = true;
    live.rollout = connectors::EvaluateRollout(*deployment);
    live.conditions = StatusOf(*deployment).conditions;
    if (live.rollout.failed) live.notes.push_back("the rollout failed: " + live.rollout.message);
  } else {
    live.notes.push_back("the Deployment " + core::DeploymentName(l.app.name, core::kTrackStable) +
                         " is missing from namespace " + l.env.namespace_name);
  }
  auto pods = kube.ListPods(l.env.namespace_name, PodSelectorOf(l.env, l.app.name));
  if (!pods.ok()) {
    live.error = pods.error().message;
    return live;
  }
  live.pods = static_cast<std::int64_t>(pods->size());
  for (auto& note : PodNotes(*pods)) live.notes.push_back(std::move(note));
  return live;
}

core::Result<std::vector<PodView>> EnvironmentService::Pods(const RequestContext&,
                                                            const std::string& env_ref) {
  auto loaded =
      store::InTx(db_, store::TxMode::kRead, [&](store::Tx& tx) { return Load(tx, env_ref); });
  if (!loaded.ok()) return loaded.error();
  auto kube = clusters_.Client(loaded->cluster.id);
  if (!kube.ok()) return kube.error();
  auto pods =
      (*kube)->ListPods(loaded->env.namespace_name, PodSelectorOf(loaded->env, loaded->app.name));
  if (!pods.ok()) return pods.error();
  auto now = clock_.Now();
  std::vector<PodView> out;
  for (auto& p : *pods) {
    auto age = AgeSeconds(p, now);
    out.push_back({std::move(p), age});
  }
  std::sort(out.begin(), out.end(),
            [](const PodView& a, const PodView& b) { return a.pod.name < b.pod.name; });
  return out;
}

core::Result<std::unique_ptr<EnvSubscription>> EnvironmentService::Subscribe(
    const RequestContext&, const std::string& env_ref, EnvEventSink sink) {
  auto loaded =
      store::InTx(db_, store::TxMode::kRead, [&](store::Tx& tx) { return Load(tx, env_ref); });
  if (!loaded.ok()) return loaded.error();
  auto kube = clusters_.Client(loaded->cluster.id);
  if (!kube.ok()) return kube.error();
  const core::Clock* clock = &clock_;
  auto on_error = [sink](const core::Error& e) { sink(EnvWatchError{e.message}); };
  auto subscription = std::make_unique<WatchSubscription>();

  connectors::WatchOptions pods;
  pods.label_selector = PodSelectorOf(loaded->env, loaded->app.name);
  auto pod_watch = (*kube)->Watch(
      connectors::kube::kPods, loaded->env.namespace_name, pods,
      [sink, clock](const connectors::WatchEvent& e) {
        using T = connectors::WatchEvent::Type;
        auto view = [clock](const connectors::KubeObject& o) {
          auto summary = connectors::SummarizePod(o);
          auto age = AgeSeconds(summary, clock->Now());
          return PodView{std::move(summary), age};
        };
        if (e.type == T::kResync) {
          EnvPodsEvent all;
          for (const auto& o : e.items) all.pods.push_back(view(o));
          sink(all);
        } else if (e.type != T::kBookmark) {
          const char* change = e.type == T::kAdded      ? "ADDED"
                               : e.type == T::kModified ? "MODIFIED"
                                                        : "DELETED";
          sink(EnvPodEvent{change, view(e.object)});
        }
      },
      on_error);
  if (!pod_watch.ok()) return pod_watch.error();
  subscription->handles.push_back(std::move(*pod_watch));

  connectors::WatchOptions deployments;
  deployments.field_selector =
      "metadata.name=" + core::DeploymentName(loaded->app.name, core::kTrackStable);
  auto deployment_watch = (*kube)->Watch(
      connectors::kube::kDeployments, loaded->env.namespace_name, deployments,
      [sink](const connectors::WatchEvent& e) {
        using T = connectors::WatchEvent::Type;
        if (e.type == T::kResync) {
          for (const auto& o : e.items) sink(EnvDeploymentEvent{StatusOf(o)});
        } else if (e.type == T::kAdded || e.type == T::kModified) {
          sink(EnvDeploymentEvent{StatusOf(e.object)});
        }
      },
      on_error);
  if (!deployment_watch.ok()) return deployment_watch.error();
  subscription->handles.push_back(std::move(*deployment_watch));
  return std::unique_ptr<EnvSubscription>(std::move(subscription));
}

}  // namespace slipway::services
