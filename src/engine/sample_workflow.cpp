#include "engine/sample_workflow.hpp"

#include <unistd.h>

#include <boost/json/object.hpp>
#include <string>
#include <vector>

namespace slipway::engine {
namespace {

constexpr core::Millis kDefaultBakeMs = 100;

// Done outside the step's commit, as a real step's external call would be:
// a second run of the same work leaves a second row.
void RecordExecution(const StepContext& ctx) {
  store::InTx(*ctx.db, store::TxMode::kWrite, [&](store::Tx& tx) {
    tx.Exec(
        "INSERT INTO engine_sample_execution "
        "(workflow_id, step_name, attempt, process, created_at) VALUES (?, ?, ?, ?, ?)",
        {ctx.workflow_id, ctx.step, std::int64_t{ctx.attempt}, std::to_string(getpid()),
         ctx.clock->Now()});
  });
}

StepOutcome Complete(const StepContext& ctx, boost::json::value output) {
  RecordExecution(ctx);
  return Succeeded(std::move(output))
      .WithCommit(
          [workflow_id = ctx.workflow_id, step = ctx.step, now = ctx.clock->Now()](store::Tx& tx) {
            tx.Exec(
                "INSERT INTO engine_sample_effect (workflow_id, step_name, created_at) "
                "VALUES (?, ?, ?)",
                {workflow_id, step, now});
          });
}

const boost::json::value* InputField(const StepContext& ctx, std::string_view name) {
  const boost::json::object* input = ctx.input.if_object();
  return input == nullptr ? nullptr : input->if_contains(name);
}

StepOutcome Prepare(StepContext& ctx) { return Complete(ctx, {{"subject", ctx.subject}}); }

StepOutcome Bake(StepContext& ctx) {
  if (ctx.scratch.is_null()) {
    const boost::json::value* bake_ms = InputField(ctx, "bake_ms");
    const core::Millis until =
        ctx.clock->Now() +
        (bake_ms != nullptr ? bake_ms->to_number<core::Millis>() : kDefaultBakeMs);
    return SleepUntil(until, {{"until", until}});
  }
  return Complete(ctx, {{"baked_until", ctx.scratch.at("until")}});
}

StepOutcome Promote(StepContext& ctx) {
  const boost::json::value* promote = InputField(ctx, "promote");
  const bool needs_signal = promote == nullptr || !promote->is_bool() || promote->get_bool();
  if (!needs_signal) return Complete(ctx, nullptr);
  if (!ctx.signal) return WaitSignal("promote");
  return Complete(ctx, ctx.signal->payload);
}

StepOutcome Finish(StepContext& ctx) { return Complete(ctx, {{"done", true}}); }

constexpr int kDefaultChildren = 5;

// Starts input.children `sample_child` workflows, then checks they all
// succeeded. The start's commit leaves a `fan_out.start` effect, so a test
// sees the children were asked for once.
StepOutcome FanOut(StepContext& ctx) {
  if (ctx.scratch.is_null()) {
    const boost::json::value* count = InputField(ctx, "children");
    const int n = count != nullptr ? count->to_number<int>() : kDefaultChildren;
    std::vector<ChildSpec> children;
    children.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      children.push_back({"sample_child", ctx.subject + "-" + std::to_string(i), {{"n", i}}});
    }
    return StartChildren(std::move(children), {{"started", n}})
        .WithCommit([workflow_id = ctx.workflow_id, now = ctx.clock->Now()](store::Tx& tx) {
          tx.Exec(
              "INSERT INTO engine_sample_effect (workflow_id, step_name, created_at) "
              "VALUES (?, 'fan_out.start', ?)",
              {workflow_id, now});
        });
  }
  std::string failed;
  for (const ChildResult& child : ctx.children) {
    if (child.state != WorkflowState::kSucceeded) failed += " " + child.subject;
  }
  if (!failed.empty()) return Terminal("children did not succeed:" + failed);
  return Complete(ctx, {{"children", ctx.children.size()}});
}

StepOutcome ChildWork(StepContext& ctx) { return Complete(ctx, ctx.input); }

StepOutcome ChildReport(StepContext& ctx) {
  const std::int64_t n = ctx.input.at("n").to_number<std::int64_t>();
  return Complete(ctx, {{"n", n}, {"square", n * n}});
}

}  // namespace

void RegisterSampleWorkflow(Registry& registry) {
  registry.Add(
      {"sample", {{"prepare", Prepare}, {"bake", Bake}, {"promote", Promote}, {"finish", Finish}}});
  registry.Add({"sample_fanout", {{"fan_out", FanOut}, {"finish", Finish}}});
  registry.Add({"sample_child", {{"work", ChildWork}, {"report", ChildReport}}});
}

}  // namespace slipway::engine
