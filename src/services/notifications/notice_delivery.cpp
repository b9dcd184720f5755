#include "services/notifications/notice_delivery.hpp"

#include <boost/json.hpp>
#include <set>
#include <stdexcept>

#include "store/app_repository.hpp"
#include "store/notification_repository.hpp"

namespace slipway::services {

namespace {

namespace json = boost::json;

// The machine names webhooks receive (X-Slipway-Event).
std::string EventName(std::string_view kind) {
  if (kind == "approval_requested") return "change.approval_requested";
  return "release." + std::string(kind.substr(std::string_view("release_").size()));
}

std::string FieldText(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

// The workflow's input holds the notice, not the target's URL or secret:
// the step reads those when it runs, so a corrected secret helps a retry.
connectors::Notice NoticeFrom(const json::object& in, const std::string& workflow_id) {
  connectors::Notice n;
  const std::string kind(in.at("kind").as_string());
  n.event = EventName(kind);
  n.title = std::string(in.at("title").as_string());
  n.markdown = std::string(in.at("markdown").as_string());
  n.text = n.markdown;  // markdown reads well as text where it is not rendered
  for (const auto& who : in.at("mention").as_array()) n.at.user_ids.emplace_back(who.as_string());
  for (const auto& [k, v] : in.at("data").as_object()) n.fields[std::string(k)] = FieldText(v);
  n.fields["notice"] = kind;
  n.id = workflow_id;  // the same on every retry: receivers drop repeats
  return n;
}

engine::StepOutcome Recorded(engine::StepOutcome outcome, const std::string& workflow_id,
                             const std::string& state, const std::string& error, core::Millis now) {
  return std::move(outcome).WithCommit([workflow_id, state, error, now](store::Tx& tx) {
    store::notifications::RecordAttempt(tx, workflow_id, state, error, now);
  });
}

engine::StepOutcome Deliver(engine::StepContext& ctx, const SecretBox& secrets,
                            const Connections& connections) {
  const auto& input = ctx.input.as_object();
  const auto target_id = input.at("target_id").to_number<std::int64_t>();
  const auto now = ctx.clock->Now();
  auto target = store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
    return store::notifications::Target(tx, target_id);
  });
  if (!target) {
    return Recorded(engine::Succeeded(json::object{{"skipped", "the target was removed"}}),
                    ctx.workflow_id, "skipped", "the target was removed before delivery", now);
  }
  auto url = secrets.Open(target->url_sealed);
  auto secret = target->secret_sealed.empty() ? core::Result<std::string>(std::string())
                                              : secrets.Open(target->secret_sealed);
  if (!url.ok() || !secret.ok()) {
    const std::string why =
        "cannot open the target's sealed URL or secret (was the secret key changed?)";
    return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
  }
  if (!connections.notifier) {
    const std::string why = "this server has no notifier connection";
    return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
  }
  auto notifier = connections.notifier({target->type, *url, *secret});
  auto sent = notifier->Notify(NoticeFrom(input, ctx.workflow_id));
  if (sent.ok()) {
    return Recorded(engine::Succeeded(json::object{{"target", target->name}}), ctx.workflow_id,
                    "delivered", "", now);
  }
  const std::string why = target->name + ": " + sent.error().message;
  if (sent.error().code == core::Code::kTransient) {
    return Recorded(engine::Transient(why), ctx.workflow_id, "pending", why, now);
  }
  return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
}

}  // namespace

void RegisterNotifyWorkflow(engine::Registry& registry, const SecretBox& secrets,
                            const Connections& connections) {
  registry.Add({kNotifyWorkflow, {{"deliver", [&secrets, &connections](engine::StepContext& ctx) {
                                     return Deliver(ctx, secrets, connections);
                                   }}}});
}

void EngineNotices::Enqueue(store::Tx& tx, const Notice& notice) {
  auto app = store::apps::Get(tx, notice.app_id);
  if (!app) return;  // nothing to say about an application that is not there
  const std::string kind(NoticeKindName(notice.kind));
  auto targets = store::notifications::Targets(tx, "app", std::to_string(app->id));
  for (auto& t : store::notifications::Targets(tx, "team", app->team))
    targets.push_back(std::move(t));
  json::array mention;
  for (const auto& who : notice.mention) mention.emplace_back(who);
  std::set<std::string> urls;
  for (const auto& target : targets) {
    if (std::find(target.kinds.begin(), target.kinds.end(), kind) == target.kinds.end()) continue;
    // The application's own target comes first and wins over the team's of the same URL.
    if (auto url = secrets_.Open(target.url_sealed); url.ok() && !urls.insert(*url).second)
      continue;
    json::object input{{"target_id", target.id},      {"kind", kind},
                       {"app_id", app->id},           {"title", notice.title},
                       {"markdown", notice.markdown}, {"data", notice.data},
                       {"mention", mention}};
    input["data"].as_object()["app"] = app->name;
    auto workflow =
        engine_.StartWorkflow(tx, kNotifyWorkflow, "app:" + std::to_string(app->id), input);
    // Only a server built without the notify kind gets here: fail the caller loudly.
    if (!workflow.ok())
      throw std::logic_error("cannot enqueue a notice: " + workflow.error().message);
    store::NotificationDelivery d;
    d.app_id = app->id;
    d.target_id = target.id;
    d.target_name = target.name;
    d.target_scope = target.scope;
    d.target_key = target.scope_key;
    d.kind = kind;
    d.title = notice.title;
    d.workflow_id = *workflow;
    d.created_at = d.updated_at = clock_.Now();
    store::notifications::InsertDelivery(tx, d);
  }
}

}  // namespace slipway::services
