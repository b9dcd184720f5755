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
  if (kind.starts_with("lane_")) return "lane." + std::string(kind.substr(5));
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

// Where a delivery goes, read when the attempt runs.
struct Destination {
  std::string name;
  NotifierChannel channel;
};

// A target's URL and secret opened, or a channel looked up by scope; nullopt
// when the target or channel is gone.
core::Result<std::optional<Destination>> FindDestination(const json::object& input,
                                                         store::Database& db,
                                                         const SecretBox& secrets,
                                                         const ChannelLookups& channels) {
  if (const auto* channel = input.if_contains("channel")) {
    const std::string scope(channel->at("scope").as_string());
    auto lookup = channels.find(scope);
    if (lookup == channels.end())
      return core::Error{core::Code::kInternal, "no channel lookup for " + scope, {}};
    const std::string key(channel->at("key").as_string());
    auto found = store::InTx(db, store::TxMode::kRead,
                             [&](store::Tx& tx) { return lookup->second(tx, key); });
    if (!found.ok()) return found.error();
    if (!*found) return std::optional<Destination>{};
    return std::optional<Destination>{
        Destination{std::string(input.at("channel_name").as_string()), **found}};
  }
  const auto target_id = input.at("target_id").to_number<std::int64_t>();
  auto target = store::InTx(db, store::TxMode::kRead, [&](store::Tx& tx) {
    return store::notifications::Target(tx, target_id);
  });
  if (!target) return std::optional<Destination>{};
  auto url = secrets.Open(target->url_sealed);
  auto secret = target->secret_sealed.empty() ? core::Result<std::string>(std::string())
                                              : secrets.Open(target->secret_sealed);
  if (!url.ok() || !secret.ok()) {
    return core::Error{
        core::Code::kInternal,
        "cannot open the target's sealed URL or secret (was the secret key changed?)",
        {}};
  }
  return std::optional<Destination>{Destination{target->name, {target->type, *url, *secret}}};
}

engine::StepOutcome Deliver(engine::StepContext& ctx, const SecretBox& secrets,
                            const Connections& connections, const ChannelLookups& channels) {
  const auto& input = ctx.input.as_object();
  const auto now = ctx.clock->Now();
  auto destination = FindDestination(input, *ctx.db, secrets, channels);
  if (!destination.ok()) {
    const std::string why = destination.error().message;
    if (destination.error().code == core::Code::kTransient)
      return Recorded(engine::Transient(why), ctx.workflow_id, "pending", why, now);
    return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
  }
  if (!*destination) {
    const std::string what = input.contains("channel") ? "channel" : "target";
    return Recorded(engine::Succeeded(json::object{{"skipped", "the " + what + " was removed"}}),
                    ctx.workflow_id, "skipped", "the " + what + " was removed before delivery",
                    now);
  }
  const auto& [name, channel] = **destination;
  if (!connections.notifier) {
    const std::string why = "this server has no notifier connection";
    return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
  }
  auto notifier = connections.notifier(channel);
  if (!notifier) {
    const std::string why = name + ": unknown channel type " + channel.type;
    return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
  }
  auto sent = notifier->Notify(NoticeFrom(input, ctx.workflow_id));
  if (sent.ok()) {
    return Recorded(engine::Succeeded(json::object{{"target", name}}), ctx.workflow_id, "delivered",
                    "", now);
  }
  const std::string why = name + ": " + sent.error().message;
  if (sent.error().code == core::Code::kTransient) {
    return Recorded(engine::Transient(why), ctx.workflow_id, "pending", why, now);
  }
  return Recorded(engine::Terminal(why), ctx.workflow_id, "failed", why, now);
}

}  // namespace

void RegisterNotifyWorkflow(engine::Registry& registry, const SecretBox& secrets,
                            const Connections& connections, ChannelLookups channels) {
  registry.Add({kNotifyWorkflow,
                {{"deliver", [&secrets, &connections,
                              channels = std::move(channels)](engine::StepContext& ctx) {
                    return Deliver(ctx, secrets, connections, channels);
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

void EngineNotices::EnqueueToChannel(store::Tx& tx, const ChannelNotice& notice) {
  json::object input{{"channel", {{"scope", notice.scope}, {"key", notice.key}}},
                     {"channel_name", notice.channel_name},
                     {"kind", notice.kind},
                     {"title", notice.title},
                     {"markdown", notice.markdown},
                     {"data", notice.data},
                     {"mention", json::array{}}};
  auto workflow =
      engine_.StartWorkflow(tx, kNotifyWorkflow, notice.scope + ":" + notice.key, input);
  if (!workflow.ok())
    throw std::logic_error("cannot enqueue a notice: " + workflow.error().message);
  store::NotificationDelivery d;
  d.target_name = notice.channel_name;
  d.target_scope = notice.scope;
  d.target_key = notice.key;
  d.kind = notice.kind;
  d.title = notice.title;
  d.workflow_id = *workflow;
  d.created_at = d.updated_at = clock_.Now();
  store::notifications::InsertDelivery(tx, d);
}

}  // namespace slipway::services
