#include "core/changes/change.hpp"

#include <boost/json/array.hpp>

namespace slipway::core {

namespace {

template <class E>
struct Named {
  E value;
  std::string_view name;
};

constexpr Named<ChangeType> kTypes[] = {{ChangeType::kCode, "code"},
                                        {ChangeType::kScale, "scale"},
                                        {ChangeType::kEnvResource, "env_resource"}};
constexpr Named<ChangeState> kStates[] = {
    {ChangeState::kDeveloping, "developing"}, {ChangeState::kApproving, "approving"},
    {ChangeState::kClosed, "closed"},         {ChangeState::kPendingRelease, "pending_release"},
    {ChangeState::kReleasing, "releasing"},   {ChangeState::kReleased, "released"},
    {ChangeState::kFailed, "failed"}};
constexpr Named<ChangeEvent> kEvents[] = {
    {ChangeEvent::kSubmit, "submit"},
    {ChangeEvent::kApprove, "approve"},
    {ChangeEvent::kReject, "reject"},
    {ChangeEvent::kClose, "close"},
    {ChangeEvent::kWithdraw, "withdraw"},
    {ChangeEvent::kRelease, "release"},
    {ChangeEvent::kSucceed, "succeed"},
    {ChangeEvent::kFail, "fail"},
    {ChangeEvent::kEnvironmentDeleted, "environment_deleted"}};

template <class E, std::size_t N>
std::string_view NameOf(const Named<E> (&table)[N], E value) {
  for (const auto& n : table) {
    if (n.value == value) return n.name;
  }
  return "";
}

template <class E, std::size_t N>
std::optional<E> Parse(const Named<E> (&table)[N], std::string_view name) {
  for (const auto& n : table) {
    if (n.name == name) return n.value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ChangeTypeName(ChangeType t) { return NameOf(kTypes, t); }
std::optional<ChangeType> ParseChangeType(std::string_view s) { return Parse(kTypes, s); }
std::string_view ChangeStateName(ChangeState s) { return NameOf(kStates, s); }
std::optional<ChangeState> ParseChangeState(std::string_view s) { return Parse(kStates, s); }
std::string_view ChangeEventName(ChangeEvent e) { return NameOf(kEvents, e); }
std::optional<ChangeEvent> ParseChangeEvent(std::string_view s) { return Parse(kEvents, s); }

const std::vector<ChangeTransition>& ChangeLifecycle() {
  using S = ChangeState;
  using E = ChangeEvent;
  static const std::vector<ChangeTransition> table = {
      {S::kDeveloping, E::kSubmit, S::kPendingRelease},
      {S::kDeveloping, E::kSubmit, S::kApproving},
      {S::kDeveloping, E::kClose, S::kClosed},
      {S::kApproving, E::kApprove, S::kPendingRelease},
      {S::kApproving, E::kReject, S::kDeveloping},
      {S::kPendingRelease, E::kWithdraw, S::kDeveloping},
      {S::kPendingRelease, E::kRelease, S::kReleasing},
      {S::kReleasing, E::kSucceed, S::kReleased},
      {S::kReleasing, E::kFail, S::kFailed},
      {S::kDeveloping, E::kEnvironmentDeleted, S::kClosed},
      {S::kApproving, E::kEnvironmentDeleted, S::kClosed},
      {S::kPendingRelease, E::kEnvironmentDeleted, S::kClosed},
  };
  return table;
}

std::vector<ChangeEvent> AllowedChangeEvents(ChangeState from) {
  std::vector<ChangeEvent> out;
  for (const auto& t : ChangeLifecycle()) {
    if (t.from != from || t.event == ChangeEvent::kEnvironmentDeleted) continue;
    bool seen = false;
    for (auto e : out) seen = seen || e == t.event;
    if (!seen) out.push_back(t.event);
  }
  return out;
}

bool ChangeOpen(ChangeState s) {
  return s == ChangeState::kDeveloping || s == ChangeState::kApproving ||
         s == ChangeState::kPendingRelease;
}

Result<ChangeState> NextChangeState(ChangeState from, ChangeEvent event, bool needs_approval) {
  if (event == ChangeEvent::kSubmit && from == ChangeState::kDeveloping) {
    return needs_approval ? ChangeState::kApproving : ChangeState::kPendingRelease;
  }
  for (const auto& t : ChangeLifecycle()) {
    if (t.from == from && t.event == event) return t.to;
  }
  boost::json::array allowed;
  for (auto e : AllowedChangeEvents(from)) allowed.emplace_back(ChangeEventName(e));
  return Conflict("a " + std::string(ChangeStateName(from)) + " change cannot " +
                      std::string(ChangeEventName(event)),
                  {{"state", ChangeStateName(from)}, {"allowed_actions", std::move(allowed)}});
}

}  // namespace slipway::core
