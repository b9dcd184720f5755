// `slipway app …`: registering applications and walking them through review,
// detail completion, membership and going offline.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/app_requests.hpp"
#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/failure.hpp"
#include "cli/url.hpp"
#include "cli/views.hpp"

namespace slipway::cli {
namespace {

const std::vector<std::string> kTypes{"self_developed", "commercial", "empty"};
const std::vector<std::string> kLevels{"core", "non_core", "edge"};
const std::vector<std::string> kStatuses{"under_review", "rejected",        "pending_online",
                                         "online",       "pending_offline", "offline"};

struct AppArgs {
  ClientOptions connection;
  std::string id;
  AppListArgs list;
  bool all = false;
  AppRegisterArgs reg;
  std::string description, repo_url, owner;
  std::string comment, reason;
  AppCompleteArgs complete;
  std::string build_job, health_check, vendor_image;
  bool confirm = false, cancel = false;
  std::string username, role;
};

// CLI11 binds plain strings; an option's count tells "not given" from "".
std::optional<std::string> IfGiven(const CLI::Option* option, const std::string& value) {
  return option->count() > 0 ? std::optional<std::string>(value) : std::nullopt;
}

std::int64_t VersionOf(const boost::json::value& object) {
  const auto* version = object.is_object() ? object.as_object().if_contains("version") : nullptr;
  if (version == nullptr || !version->is_int64()) {
    throw Failure(ExitCode::kServerError, "internal", "server answered an object without version");
  }
  return version->as_int64();
}

void AddId(CLI::App* command, AppArgs& args) {
  command->add_option("id", args.id, "Application id or name")->required();
}

// Approve, reject, offline…: POST to an action path, print the app it returns.
void PostAction(AppArgs& args, const std::string& suffix, const boost::json::value& body) {
  auto session = Session::Connect(args.connection);
  session.Print(session.Call("POST", AppPath(args.id, suffix), &body), RenderApp);
}

void AddListAndShow(CLI::App* app, const std::shared_ptr<AppArgs>& args, int& exit_code) {
  auto* list = app->add_subcommand("list", "List applications");
  list->add_option("--status", args->list.status)->check(CLI::IsMember(kStatuses));
  list->add_option("--type", args->list.type)->check(CLI::IsMember(kTypes));
  list->add_option("--level", args->list.level)->check(CLI::IsMember(kLevels));
  list->add_option("--team", args->list.team);
  list->add_option("--owner", args->list.owner);
  list->add_option("--member", args->list.member, "Applications this user is a member of");
  list->add_option("--q", args->list.q, "Text to search in name and description");
  list->add_option("--sort", args->list.sort, "name, created_at or updated_at; '-' descends");
  list->add_option("--limit", args->list.limit, "Page size")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  list->add_flag("--all", args->all, "Fetch every page");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    auto page = session.List(
        [&](const std::string& cursor) { return AppListPath(args->list, cursor); }, args->all);
    session.Print(page, RenderAppList);
  });

  auto* show = app->add_subcommand("show", "Show an application, what it lacks and may do");
  AddId(show, *args);
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", AppPath(args->id)), RenderApp);
  });
}

void AddRegister(CLI::App* app, const std::shared_ptr<AppArgs>& args, int& exit_code) {
  auto* reg = app->add_subcommand("register", "Register a new application for review");
  reg->add_option("--name", args->reg.name, "DNS-safe unique name")->required();
  reg->add_option("--team", args->reg.team)->required();
  reg->add_option("--type", args->reg.type)->required()->check(CLI::IsMember(kTypes));
  reg->add_option("--level", args->reg.level)->required()->check(CLI::IsMember(kLevels));
  auto* description = reg->add_option("--description", args->description);
  auto* repo_url = reg->add_option("--repo-url", args->repo_url);
  auto* owner = reg->add_option("--owner", args->owner, "Owner (default: you)");
  SetAction(reg, exit_code, [args, description, repo_url, owner] {
    args->reg.description = IfGiven(description, args->description);
    args->reg.repo_url = IfGiven(repo_url, args->repo_url);
    args->reg.owner = IfGiven(owner, args->owner);
    auto session = Session::Connect(args->connection);
    const boost::json::value body = AppRegisterBody(args->reg);
    session.Print(session.Call("POST", "/api/v1/apps", &body), RenderApp);
  });
}

void AddReview(CLI::App* app, const std::shared_ptr<AppArgs>& args, int& exit_code) {
  auto* approve = app->add_subcommand("approve", "Approve a registration (admin)");
  AddId(approve, *args);
  auto* comment = approve->add_option("--comment", args->comment);
  SetAction(approve, exit_code, [args, comment] {
    boost::json::object body;
    if (comment->count() > 0) body["comment"] = args->comment;
    PostAction(*args, "/approve", body);
  });

  auto* reject = app->add_subcommand("reject", "Reject a registration (admin)");
  AddId(reject, *args);
  reject->add_option("--reason", args->reason, "Why; shown to the owner")->required();
  SetAction(reject, exit_code, [args] {
    PostAction(*args, "/reject", boost::json::object{{"reason", args->reason}});
  });
}

void AddComplete(CLI::App* app, const std::shared_ptr<AppArgs>& args, int& exit_code) {
  auto* complete = app->add_subcommand("complete", "Fill in the details needed for release");
  AddId(complete, *args);
  auto* build_job = complete->add_option("--build-job", args->build_job, "Jenkins job path");
  // One value per flag, so a positional after `--port X` is not taken as a port.
  complete->add_option("--port", args->complete.ports, "name:port[/protocol]; repeatable")
      ->allow_extra_args(false);
  auto* check = complete->add_option("--health-check", args->health_check,
                                     "http:/path:port, tcp:port or exec:command");
  complete->add_option("--approver", args->complete.approvers, "Change approver; repeatable")
      ->allow_extra_args(false);
  auto* vendor_image =
      complete->add_option("--vendor-image", args->vendor_image, "Image of a commercial app");
  complete
      ->add_option("--business-domain", args->complete.business_domains,
                   "External business domain a lane names <domain>-<lane>.<suffix>; repeatable")
      ->allow_extra_args(false);
  SetAction(complete, exit_code, [args, build_job, check, vendor_image] {
    args->complete.build_job = IfGiven(build_job, args->build_job);
    args->complete.health_check = IfGiven(check, args->health_check);
    args->complete.vendor_image = IfGiven(vendor_image, args->vendor_image);
    boost::json::object body = AppDetailsBody(args->complete);  // usage errors before any request
    auto session = Session::Connect(args->connection);
    // Optimistic locking: the update applies only to the version just read.
    body["version"] = VersionOf(session.Call("GET", AppPath(args->id)));
    const boost::json::value request = std::move(body);
    session.Print(session.Call("PUT", AppPath(args->id, "/details"), &request), RenderApp);
  });
}

void AddOffline(CLI::App* app, const std::shared_ptr<AppArgs>& args, int& exit_code) {
  auto* offline = app->add_subcommand(
      "offline", "Request taking an application offline, or confirm/cancel the request");
  AddId(offline, *args);
  auto* reason = offline->add_option("--reason", args->reason, "Why (with a request)");
  auto* confirm = offline->add_flag("--confirm", args->confirm, "Confirm a request (admin)");
  auto* cancel = offline->add_flag("--cancel", args->cancel, "Cancel a request");
  confirm->excludes(cancel);
  reason->excludes(confirm)->excludes(cancel);
  SetAction(offline, exit_code, [args, reason] {
    if (args->confirm) return PostAction(*args, "/offline/confirm", boost::json::object());
    if (args->cancel) return PostAction(*args, "/offline/cancel", boost::json::object());
    boost::json::object body;
    if (reason->count() > 0) body["reason"] = args->reason;
    PostAction(*args, "/offline", body);
  });
}

void AddMembers(CLI::App* app, const std::shared_ptr<AppArgs>& args, int& exit_code) {
  auto* members = app->add_subcommand("members", "List an application's members");
  AddId(members, *args);
  SetAction(members, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", AppPath(args->id, "/members")), RenderMembers);
  });

  auto* add = app->add_subcommand("member-add", "Add a member or change their role");
  AddId(add, *args);
  add->add_option("user", args->username, "User name")->required();
  add->add_option("role", args->role, "Role in the application")
      ->required()
      ->check(CLI::IsMember({"owner", "developer", "approver"}));
  SetAction(add, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    const boost::json::value body{{"role", args->role}};
    session.Print(
        session.Call("PUT", AppPath(args->id, "/members/" + PercentEncode(args->username)), &body),
        RenderMembers);
  });

  auto* remove = app->add_subcommand("member-remove", "Remove a member");
  AddId(remove, *args);
  remove->add_option("user", args->username, "User name")->required();
  SetAction(remove, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Call("DELETE", AppPath(args->id, "/members/" + PercentEncode(args->username)));
    session.Note("removed " + args->username + " from " + args->id);
  });
}

}  // namespace

void AddAppCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<AppArgs>();
  auto* apps = app.add_subcommand("app", "Applications: register, review, complete, offline");
  AddClientOptions(*apps, args->connection);
  apps->require_subcommand(1);
  AddListAndShow(apps, args, exit_code);
  AddRegister(apps, args, exit_code);
  AddReview(apps, args, exit_code);
  AddComplete(apps, args, exit_code);
  AddOffline(apps, args, exit_code);
  AddMembers(apps, args, exit_code);
}

}  // namespace slipway::cli
