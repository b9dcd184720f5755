#include "core/releases/canary_progress.hpp"

#include "core/common/json_path.hpp"

namespace slipway::core {

namespace {

constexpr std::string_view kDonePrefix = "done_";

}  // namespace

std::string_view CanaryPhaseName(CanaryPhase phase) {
  switch (phase) {
    case CanaryPhase::kScale:
      return "scale";
    case CanaryPhase::kSettle:
      return "settle";
    case CanaryPhase::kPaused:
      return "paused";
    case CanaryPhase::kFinal:
      return "final";
    case CanaryPhase::kFinalWait:
      return "final_wait";
  }
  return "";
}

std::optional<CanaryPhase> ParseCanaryPhase(std::string_view name) {
  for (auto p : {CanaryPhase::kScale, CanaryPhase::kSettle, CanaryPhase::kPaused,
                 CanaryPhase::kFinal, CanaryPhase::kFinalWait}) {
    if (CanaryPhaseName(p) == name) return p;
  }
  return std::nullopt;
}

const std::vector<CanaryTransition>& CanaryTransitions() {
  using P = CanaryPhase;
  using E = CanaryEvent;
  static const std::vector<CanaryTransition> table = {
      {P::kScale, E::kScaled, P::kSettle},      {P::kSettle, E::kStable, P::kPaused},
      {P::kPaused, E::kStepDone, P::kScale},  // the next step; after the last one, kFinal
      {P::kPaused, E::kPromotedAll, P::kFinal}, {P::kFinal, E::kPromotionApplied, P::kFinalWait},
  };
  return table;
}

bool ApplyCanaryEvent(CanaryProgress& progress, CanaryEvent event, int plan_size) {
  for (const auto& t : CanaryTransitions()) {
    if (t.from != progress.phase || t.event != event) continue;
    progress.phase = t.to;
    if (event == CanaryEvent::kStepDone) {
      if (progress.step + 1 >= plan_size) {
        progress.phase = CanaryPhase::kFinal;
      } else {
        ++progress.step;
      }
    }
    if (progress.phase == CanaryPhase::kSettle) progress.ready_since.reset();
    return true;
  }
  return false;
}

CanaryProgress ReadCanaryProgress(const boost::json::object& scratch) {
  CanaryProgress p;
  p.step = static_cast<int>(IntAt(scratch, {"i"}, 0));
  if (const auto* phase = scratch.if_contains("phase"); phase && phase->is_string()) {
    p.phase = ParseCanaryPhase(phase->as_string()).value_or(CanaryPhase::kScale);
  }
  if (const auto* since = scratch.if_contains("ready_since"); since && since->is_int64()) {
    p.ready_since = since->as_int64();
  }
  p.restarts = static_cast<int>(IntAt(scratch, {"restarts"}, -1));
  p.pause_until = IntAt(scratch, {"pause_until"}, 0);
  p.seen_operation = IntAt(scratch, {"seen_op"}, 0);
  for (const auto& [key, value] : scratch) {
    if (!key.starts_with(kDonePrefix) || !value.is_string()) continue;
    try {
      p.done[std::stoi(std::string(key.substr(kDonePrefix.size())))] =
          std::string(value.as_string());
    } catch (const std::exception&) {
      // not one of ours
    }
  }
  return p;
}

void WriteCanaryProgress(const CanaryProgress& p, boost::json::object& scratch) {
  scratch["i"] = p.step;
  scratch["phase"] = CanaryPhaseName(p.phase);
  if (p.ready_since) {
    scratch["ready_since"] = *p.ready_since;
  } else {
    scratch.erase("ready_since");
  }
  scratch["restarts"] = p.restarts;
  scratch["pause_until"] = p.pause_until;
  scratch["seen_op"] = p.seen_operation;
  for (const auto& [idx, text] : p.done)
    scratch[std::string(kDonePrefix) + std::to_string(idx)] = text;
}

}  // namespace slipway::core
