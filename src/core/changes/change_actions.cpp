#include "core/changes/change_actions.hpp"

#include "core/apps/app_actions.hpp"

namespace slipway::core {

ChangeRights ChangeRightsOf(const Caller& caller, std::optional<MemberRole> member) {
  // Approval is the team lead's word (R-GW-2): an admin, or an approver
  // member who (still) holds the approver role; a global approver role alone
  // does not approve other teams' work, and a membership alone does not
  // outlive the role (`caller` is read fresh for every request).
  const bool approver_member = member == MemberRole::kApprover && HoldsApproverRole(caller.role);
  return {CanWriteApp(caller, member), caller.IsAdmin() || approver_member};
}

bool AcceptsReleases(const App& app) {
  return app.status == AppStatus::kPendingOnline || app.status == AppStatus::kOnline;
}

bool IsPersonalChangeEvent(ChangeEvent event) {
  return event != ChangeEvent::kRelease && event != ChangeEvent::kSucceed &&
         event != ChangeEvent::kFail && event != ChangeEvent::kEnvironmentDeleted;
}

std::vector<std::string> ChangeActionsFor(ChangeState state, ChangeRights rights) {
  std::vector<std::string> out;
  if (ChangeEditable(state) && rights.write) out.emplace_back("edit");
  for (auto event : AllowedChangeEvents(state)) {
    if (event == ChangeEvent::kSucceed || event == ChangeEvent::kFail) continue;
    const bool approval = event == ChangeEvent::kApprove || event == ChangeEvent::kReject;
    if (approval ? rights.approve : rights.write) out.emplace_back(ChangeEventName(event));
  }
  return out;
}

}  // namespace slipway::core
