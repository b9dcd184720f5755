#include "core/change_actions.hpp"

#include "core/app_actions.hpp"

namespace slipway::core {

ChangeRights ChangeRightsOf(const Caller& caller, std::optional<MemberRole> member) {
  // Approval is the team lead's word (R-GW-2): an approver member, or an
  // admin; a global approver role alone does not approve other teams' work.
  return {CanWriteApp(caller, member), caller.IsAdmin() || member == MemberRole::kApprover};
}

bool AcceptsReleases(const App& app) {
  return app.status == AppStatus::kPendingOnline || app.status == AppStatus::kOnline;
}

bool IsPersonalChangeEvent(ChangeEvent event) {
  return event != ChangeEvent::kRelease && event != ChangeEvent::kSucceed && event != ChangeEvent::kFail &&
         event != ChangeEvent::kEnvironmentDeleted;
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
