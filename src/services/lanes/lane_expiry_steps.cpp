// lane.expiry: one long-lived workflow per lane on the engine's timers
// (R-LANE-13). It sleeps until the lane would go idle, lists it for deletion
// and enqueues a notice in the same commit (delivered with retries by the
// `notify` workflow to the lane's channel or the lanes' default), and
// deletes it (lane.delete as a child) if it is still idle on the day of
// deletion. Activity moves the dates; each wake-up re-reads them. A deletion
// that fails (a system refused) is tried again hourly until the lane is
// gone, unless a person's delete takes over.
#include <boost/json.hpp>

#include "core/common/rfc3339.hpp"
#include "core/lane/lane_expiry.hpp"
#include "services/lanes/lane_notice.hpp"
#include "services/lanes/lane_steps.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services::lanes {

namespace {

std::string FormatDays(core::Millis ms) { return std::to_string(ms / (24LL * 3600 * 1000)); }

// The notice that the lane goes on `expiry.delete_at` unless renewed, for
// its own channel or else the lanes' default; nullopt when it has neither.
std::optional<ChannelNotice> ExpiryNotice(const LaneWorkflowDeps& deps, const core::Lane& lane,
                                          const core::LaneExpiry& expiry) {
  ChannelNotice notice;
  if (!lane.notify_sealed.empty()) {
    notice.channel_name = "the lane's channel";
  } else if (!deps.lanes.notify.url.empty()) {
    notice.channel_name = "the lanes' default channel";
  } else {
    return std::nullopt;
  }
  const std::string renew = deps.address.url() + "/lanes/" + std::to_string(lane.id);
  const std::string days = FormatDays(deps.lanes.expiry.pending_after);
  const std::string when = core::Rfc3339Seconds(expiry.delete_at);
  notice.kind = "lane_expiring";
  notice.scope = kLaneNoticeScope;
  notice.key = std::to_string(lane.id);
  notice.title = "Lane " + lane.name + " will be deleted";
  notice.markdown = "### Lane " + lane.name + " will be deleted\n\nIdle for " + days +
                    " days; deleted on " + when + " unless [renewed](" + renew + ").";
  notice.data = {{"lane", lane.name},
                 {"lane_id", std::to_string(lane.id)},
                 {"delete_at", when},
                 {"renew_url", renew}};
  return notice;
}

engine::CommitFn SetPending(std::int64_t lane_id, std::optional<core::Millis> pending,
                            std::string event, core::Millis now) {
  return [=](store::Tx& tx) {
    auto lane = store::lanes::Get(tx, lane_id);
    if (!lane) return;
    lane->pending_deletion_at = pending;
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
    if (!event.empty()) {
      store::lanes::AddEvent(tx, {.lane_id = lane_id,
                                  .kind = "expiry",
                                  .detail = event,
                                  .actor = "slipway",
                                  .created_at = now});
    }
  };
}

// Lists the lane and enqueues its notice in one transaction, so a crash
// (or a commit that fails and runs again) neither loses nor repeats it. A
// renew that came after the watch read the lane wins: nothing is listed.
engine::CommitFn ListForDeletion(const LaneWorkflowDeps& deps, const core::Lane& lane,
                                 const core::LaneExpiry& expiry, core::Millis now) {
  auto notice = ExpiryNotice(deps, lane, expiry);
  const std::string event =
      "listed for deletion on " + core::Rfc3339Seconds(expiry.delete_at) + " (" +
      (notice ? "notice queued for " + notice->channel_name : std::string("no notice channel")) +
      ")";
  auto list = SetPending(lane.id, now, event, now);
  return [&notices = deps.notices, list, notice, lane_id = lane.id,
          seen = lane.last_activity_at](store::Tx& tx) {
    auto current = store::lanes::Get(tx, lane_id);
    if (!current || current->last_activity_at != seen || current->pending_deletion_at) return;
    list(tx);
    if (notice) notices.EnqueueToChannel(tx, *notice);
  };
}

/// How long after a failed deletion the watch tries again.
constexpr core::Millis kDeleteRetryMs = 3600'000;

engine::CommitFn AddExpiryEvent(std::int64_t lane_id, std::string detail, core::Millis now) {
  return [=](store::Tx& tx) {
    store::lanes::AddEvent(tx, {.lane_id = lane_id,
                                .kind = "expiry",
                                .detail = detail,
                                .actor = "slipway",
                                .created_at = now});
  };
}

// Starts lane.delete as a child; the lane's delete workflow is that child
// from now on (its claim step says so too), so a person's delete started
// later is told apart.
engine::StepOutcome DeleteLane(const core::Lane& lane, const std::string& why, core::Millis now) {
  return engine::StartChildren(
             {{kLaneDeleteWorkflow, lane.name, boost::json::object{{"lane_id", lane.id}}}},
             boost::json::object{{"deleting", true}})
      .WithCommit(SetPending(lane.id, lane.pending_deletion_at.value_or(now), why, now));
}

}  // namespace

engine::StepOutcome ExpiryWatchStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  const auto now = ctx.clock->Now();
  if (!lane || lane->state == core::LaneState::kDeleted) {
    return engine::Succeeded(boost::json::object{{"ended", "the lane is deleted"}});
  }
  if (!ctx.children.empty()) {
    // The deletion this watch started ended without deleting the lane (a
    // system refused): try again later, unless a person's delete took over.
    const auto& last = ctx.children.back();
    if (lane->workflow_id != last.id) {
      return engine::Succeeded(boost::json::object{{"ended", "a person's delete took over"}});
    }
    const bool retry_due = ctx.scratch.is_object() && ctx.scratch.as_object().contains("retry");
    if (retry_due) return DeleteLane(*lane, "trying again to delete it", now);
    const auto again = now + kDeleteRetryMs;
    return engine::SleepUntil(again, boost::json::object{{"retry", true}})
        .WithCommit(AddExpiryEvent(lane->id,
                                   "deletion failed (" + last.error.value_or("no reason given") +
                                       "); trying again on " + core::Rfc3339Seconds(again),
                                   now));
  }
  if (lane->state == core::LaneState::kDeleting) {
    return engine::Succeeded(boost::json::object{{"ended", "the lane is being deleted"}});
  }
  const auto expiry = core::ComputeLaneExpiry(lane->last_activity_at, now, deps->lanes.expiry);
  switch (expiry.stage) {
    case core::LaneExpiryStage::kActive:
      if (lane->pending_deletion_at) {
        return engine::SleepUntil(expiry.pending_at)
            .WithCommit(SetPending(lane->id, std::nullopt, "", now));
      }
      return engine::SleepUntil(expiry.pending_at);
    case core::LaneExpiryStage::kPendingDeletion:
      if (!lane->pending_deletion_at) {
        return engine::SleepUntil(expiry.delete_at)
            .WithCommit(ListForDeletion(*deps, *lane, expiry, now));
      }
      return engine::SleepUntil(expiry.delete_at);
    case core::LaneExpiryStage::kDue:
      break;
  }
  return DeleteLane(
      *lane, "idle since " + core::Rfc3339Seconds(lane->last_activity_at) + ": deleting it", now);
}

}  // namespace slipway::services::lanes
