#include "core/apps/app_actions.hpp"

#include <functional>

namespace slipway::core {

bool AppActions::Allows(std::string_view action) const {
  for (const auto& a : allowed) {
    if (a == action) return true;
  }
  return false;
}

std::optional<std::string> AppActions::ReasonFor(std::string_view action) const {
  for (const auto& [a, reason] : refused) {
    if (a == action) return reason;
  }
  return std::nullopt;
}

bool CanWriteApp(const Caller& caller, std::optional<MemberRole> member) {
  if (caller.IsAdmin()) return true;
  if (!caller.CanCreate() || !member) return false;
  return *member == MemberRole::kOwner || *member == MemberRole::kDeveloper;
}

bool CanOwnApp(const Caller& caller, std::optional<MemberRole> member) {
  if (caller.IsAdmin()) return true;
  return caller.CanCreate() && member == MemberRole::kOwner;
}

namespace {

using Check = std::optional<std::string>;  // a refusal reason, or nothing

bool Active(const App& app) {
  return app.status == AppStatus::kPendingOnline || app.status == AppStatus::kOnline;
}

Check NeedsActive(const App& app) {
  switch (app.status) {
    case AppStatus::kUnderReview:
      return "the application is waiting for review";
    case AppStatus::kRejected:
      return "the application was rejected";
    case AppStatus::kPendingOffline:
      return "the application is being taken offline";
    case AppStatus::kOffline:
      return "offline applications accept no new work";
    default:
      return std::nullopt;
  }
}

Check NeedsReleaseFlow(const App& app) {
  if (app.type == AppType::kEmpty) return "empty applications have no release flow";
  return std::nullopt;
}

Check NeedsBuildable(const App& app) {
  if (app.type == AppType::kCommercial) {
    return "commercial applications are released from vendor images, never built";
  }
  return NeedsReleaseFlow(app);
}

Check NeedsComplete(const App& app) {
  auto missing = MissingFields(app);
  if (missing.empty()) return std::nullopt;
  std::string list;
  for (const auto& f : missing) list += (list.empty() ? "" : ", ") + f;
  return "complete the application details first (missing: " + list + ")";
}

Check NeedsStatus(const App& app, AppStatus status, const char* reason) {
  if (app.status != status) return std::string(reason);
  return std::nullopt;
}

Check Permission(bool ok, const char* who) {
  if (!ok) return std::string("only ") + who + " may do this";
  return std::nullopt;
}

}  // namespace

AppActions ComputeAppActions(const App& app, const Caller& caller,
                             std::optional<MemberRole> member) {
  const bool write = CanWriteApp(caller, member);
  const bool own = CanOwnApp(caller, member);
  const char* writers = "admins and the application's owners and developers";
  const char* owners = "admins and the application's owners";
  const auto first = [](std::initializer_list<std::function<Check()>> checks) -> Check {
    for (const auto& c : checks) {
      if (auto r = c()) return r;
    }
    return std::nullopt;
  };
  const auto active = [&] { return NeedsActive(app); };
  const auto can_write = [&] { return Permission(write, writers); };
  const auto can_own = [&] { return Permission(own, owners); };
  const auto admin = [&] { return Permission(caller.IsAdmin(), "admins"); };
  const auto complete = [&] { return NeedsComplete(app); };
  const auto not_offline = [&]() -> Check {
    if (app.status == AppStatus::kOffline) return "offline applications cannot be edited";
    return std::nullopt;
  };
  const auto approved = [&]() -> Check {
    if (Active(app) || app.status == AppStatus::kPendingOffline) return std::nullopt;
    return "details are completed after the registration is approved";
  };

  std::vector<std::pair<std::string, Check>> checks = {
      {"edit", first({not_offline, can_write})},
      {"complete", first({approved, can_write})},
      {"approve", first({[&] {
                           return NeedsStatus(app, AppStatus::kUnderReview,
                                              "only applications under review can be approved");
                         },
                         admin})},
      {"reject", first({[&] {
                          return NeedsStatus(app, AppStatus::kUnderReview,
                                             "only applications under review can be rejected");
                        },
                        admin})},
      {"resubmit", first({[&] {
                            return NeedsStatus(app, AppStatus::kRejected,
                                               "only rejected applications can be resubmitted");
                          },
                          can_write})},
      {"build", first({[&] { return NeedsBuildable(app); }, active, can_write,
                       [&]() -> Check {
                         // The job may be left to the builds.job_path convention; the
                         // repository is what the branch is taken from.
                         if (app.repo_url.empty()) return "set the repository first";
                         return std::nullopt;
                       }})},
      {"change", first({[&] { return NeedsReleaseFlow(app); }, active, can_write, complete})},
      {"release", first({[&] { return NeedsReleaseFlow(app); }, active, can_write, complete})},
      {"add_environment", first({active, can_write})},
      {"scale", first({active, can_write})},
      {"restart", first({active, can_write})},
      {"request_offline",
       first({[&]() -> Check {
                if (Active(app)) return std::nullopt;
                return "only pending or online applications can be taken offline";
              },
              can_own})},
      {"confirm_offline", first({[&] {
                                   return NeedsStatus(app, AppStatus::kPendingOffline,
                                                      "no offline request is pending");
                                 },
                                 admin})},
      {"cancel_offline", first({[&] {
                                  return NeedsStatus(app, AppStatus::kPendingOffline,
                                                     "no offline request is pending");
                                },
                                can_own})},
      {"manage_members", first({not_offline, can_own})},
      // How environments are released (canary plan, approval): the owners' call.
      {"edit_release_policy", first({not_offline, can_own})},
  };
  AppActions out;
  for (auto& [name, refusal] : checks) {
    if (refusal) {
      out.refused.emplace_back(name, std::move(*refusal));
    } else {
      out.allowed.push_back(name);
    }
  }
  return out;
}

}  // namespace slipway::core
