// The notice that asks an application's approvers to look at a change.
#include "services/changes/change_service.hpp"
#include "store/app_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

void ChangeService::NotifyApprovers(store::Tx& tx, const core::App& app, const core::Change& change,
                                    const std::string& by) {
  std::vector<std::string> approvers;
  for (const auto& m : store::apps::Members(tx, app.id)) {
    if (m.role == core::MemberRole::kApprover) approvers.push_back(m.username);
  }
  auto env = store::environments::Get(tx, change.env_id);
  const std::string env_type = env ? env->env_type : "?";
  const std::string id = std::to_string(change.id);

  Notice notice;
  notice.kind = NoticeKind::kApprovalRequested;
  notice.app_id = app.id;
  notice.title = "Approval requested: " + app.name + " change " + id;
  std::string who;
  for (const auto& a : approvers) who += (who.empty() ? "" : " ") + ("@" + a);
  notice.markdown =
      "### " + notice.title + "\n\n**" + change.title + "** (" +
      std::string(core::ChangeTypeName(change.type)) + " change, " + env_type +
      " environment)\n\n" + "- image: `" + (change.image.empty() ? "-" : change.image) + "`\n" +
      "- submitted by " + by + "\n\n" +
      (who.empty() ? "No approver is set: an admin must approve." : "Approvers: " + who) +
      "\n\n`slipway change approve " + id + "` or `slipway change reject " + id + " --comment …`";
  notice.data = {{"change_id", change.id},  {"app", app.name},      {"app_id", app.id},
                 {"env_id", change.env_id}, {"env_type", env_type}, {"title", change.title},
                 {"image", change.image},   {"submitted_by", by},   {"state", "approving"}};
  notice.mention = std::move(approvers);
  notices_.Enqueue(tx, notice);
}

}  // namespace slipway::services
