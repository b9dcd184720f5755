// `slipway build …`: image builds of an application — start, follow, cancel, delete.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/app_requests.hpp"
#include "cli/build_views.hpp"
#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/url.hpp"
#include "cli/wait.hpp"

namespace slipway::cli {
namespace {

const std::vector<std::string> kStates{"queued", "running", "succeeded", "failed", "cancelled"};

struct BuildArgs {
  ClientOptions connection;
  std::string app, id;
  std::string branch, version, note;
  std::int64_t env_id = 0;
  std::string state;
  int limit = 50;
  bool all = false, follow = false, force = false;
  WaitArgs wait;
};

constexpr char kBuildTimeout[] = "1h";

std::string BuildPath(const std::string& id, const std::string& suffix = "") {
  return "/api/v1/builds/" + PercentEncode(id) + suffix;
}

void AddId(CLI::App* command, BuildArgs& args) {
  command->add_option("id", args.id, "Build id")->required();
}

void AddStart(CLI::App* builds, const std::shared_ptr<BuildArgs>& args, int& exit_code) {
  auto* start = builds->add_subcommand("start", "Build an image of an application from a branch");
  start->add_option("app", args->app, "Application id or name")->required();
  start->add_option("--branch", args->branch, "Git branch to build")->required();
  start->add_option("--version", args->version, "Version: the image tag, unique per application")
      ->required();
  auto* env = start->add_option("--env", args->env_id, "Environment id (bookkeeping only)")
                  ->check(CLI::PositiveNumber);
  auto* note = start->add_option("--note", args->note, "Why this build");
  AddWaitOptions(start, args->wait, kBuildTimeout, false);
  SetAction(start, exit_code, [args, env, note] {
    auto session = Session::Connect(args->connection);
    boost::json::object body{{"branch", args->branch}, {"version", args->version}};
    if (env->count() > 0) body["env_id"] = args->env_id;
    if (note->count() > 0) body["note"] = args->note;
    const boost::json::value request = std::move(body);
    auto build = session.Call("POST", AppPath(args->app, "/builds"), &request);
    if (!args->wait.wait) return session.Print(build, RenderBuild);
    WaitForBuild(session, std::move(build), SettingsOf(args->wait));
  });

  auto* wait = builds->add_subcommand(
      "wait", "Follow a build until it ends: exit 0 succeeded, 1 failed or cancelled, 7 timeout");
  AddId(wait, *args);
  AddWaitOptions(wait, args->wait, kBuildTimeout, false, true);
  SetAction(wait, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    WaitForBuild(session, session.Call("GET", BuildPath(args->id)), SettingsOf(args->wait));
  });
}

void AddReads(CLI::App* builds, const std::shared_ptr<BuildArgs>& args, int& exit_code) {
  auto* list = builds->add_subcommand("list", "List an application's builds, newest first");
  list->add_option("app", args->app, "Application id or name")->required();
  list->add_option("--state", args->state)->check(CLI::IsMember(kStates));
  list->add_option("--limit", args->limit, "Page size")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  list->add_flag("--all", args->all, "Fetch every page");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    auto page = session.List(
        [&](const std::string& cursor) {
          return WithQuery(
              AppPath(args->app, "/builds"),
              {{"state", args->state}, {"limit", std::to_string(args->limit)}, {"cursor", cursor}});
        },
        args->all);
    session.Print(page, RenderBuildList);
  });

  auto* show =
      builds->add_subcommand("show", "Show a build: state, image, digest, commit, Jenkins build");
  AddId(show, *args);
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", BuildPath(args->id)), RenderBuild);
  });

  auto* logs = builds->add_subcommand("logs", "Print a build's Jenkins console");
  AddId(logs, *args);
  logs->add_flag("-f,--follow", args->follow,
                 "Keep printing as the build writes, until it ends; then exit 0 only when it "
                 "succeeded (1: failed or cancelled)");
  SetAction(logs, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    if (!args->follow) {
      std::cout << session.Text(BuildPath(args->id, "/log"));
      return;
    }
    session.Text(BuildPath(args->id, "/log?follow=true"), [](std::string_view piece) {
      std::cout << piece;
      std::cout.flush();
    });
    // The stream ends with the build; its result (recorded in the same
    // moment) is the exit code. A little patience if the stream ended early.
    WaitSettings settings;
    settings.timeout = std::chrono::seconds(60);
    WaitForBuild(session, session.Call("GET", BuildPath(args->id)), settings, true);
  });
}

void AddChanges(CLI::App* builds, const std::shared_ptr<BuildArgs>& args, int& exit_code) {
  auto* cancel = builds->add_subcommand("cancel", "Cancel a queued build or stop a running one");
  AddId(cancel, *args);
  SetAction(cancel, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("POST", BuildPath(args->id, "/cancel")), RenderBuild);
  });

  auto* remove = builds->add_subcommand("delete", "Delete a build and its image from the registry");
  AddId(remove, *args);
  remove->add_flag("--force", args->force,
                   "Admins: delete even while an environment runs the image");
  SetAction(remove, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Call("DELETE", BuildPath(args->id) + (args->force ? "?force=true" : ""));
    session.Note("deleted build " + args->id);
  });
}

}  // namespace

void AddBuildCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BuildArgs>();
  auto* builds =
      app.add_subcommand("build", "Image builds: start, wait, list, show, logs, cancel, delete");
  AddClientOptions(*builds, args->connection);
  builds->require_subcommand(1);
  AddStart(builds, args, exit_code);
  AddReads(builds, args, exit_code);
  AddChanges(builds, args, exit_code);
}

}  // namespace slipway::cli
