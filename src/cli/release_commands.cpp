// `slipway release …` and `slipway baseline …`: releasing changes, following
// them, canary promotion, abort, rollback; baselines and their diffs.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <memory>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/config_change_views.hpp"
#include "cli/failure.hpp"
#include "cli/release_views.hpp"
#include "cli/url.hpp"
#include "cli/wait.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

struct ReleaseArgs {
  ClientOptions connection;
  std::string id, change, strategy, image, app, state, scope, plan_token;
  std::int64_t env = 0, baseline = 0, from = 0, to = 0;
  bool yes = false;
  WaitArgs wait;
};

constexpr char kReleaseTimeout[] = "30m";

// Prints a release just started or acted on, or with --wait follows it.
void PrintOrWait(Session& session, json::value release, const WaitArgs& wait,
                 bool promoted = false) {
  if (!wait.wait) return session.Print(release, RenderRelease);
  auto settings = SettingsOf(wait);
  settings.promoted = promoted;
  WaitForRelease(session, std::move(release), settings);
}

std::string ReleasePath(const std::string& id, const std::string& suffix = "") {
  return "/api/v1/releases/" + PercentEncode(id) + suffix;
}

void AddAct(CLI::App* releases, const std::shared_ptr<ReleaseArgs>& args, int& exit_code,
            const char* name, const char* help, const char* suffix, bool wait) {
  auto* command = releases->add_subcommand(name, help);
  command->add_option("id", args->id, "Release id")->required();
  if (wait) AddWaitOptions(command, args->wait, kReleaseTimeout, true);
  SetAction(command, exit_code, [args, suffix] {
    auto session = Session::Connect(args->connection);
    PrintOrWait(session, session.Call("POST", ReleasePath(args->id, suffix)), args->wait,
                std::string_view(suffix).starts_with("/promote"));
  });
}

void AddRollback(CLI::App* releases, const std::shared_ptr<ReleaseArgs>& args, int& exit_code) {
  auto* rollback =
      releases->add_subcommand("rollback", "Roll a release back (shows the diff; --yes runs it)");
  rollback->add_option("id", args->id, "Release id")->required();
  rollback->add_option("--image", args->image,
                       "Another image of the application (default: the baseline before)");
  rollback->add_option("--baseline", args->baseline, "A baseline version to restore");
  rollback
      ->add_option("--scope", args->scope, "all (default): image and config files; image; config")
      ->check(CLI::IsMember({"all", "image", "config"}));
  rollback->add_option(
      "--plan-token", args->plan_token,
      "The token the plan showed: refuse the rollback if a config file changed since");
  auto* yes = rollback->add_flag("--yes", args->yes,
                                 "Run it (without: only show where it goes and the diff)");
  AddWaitOptions(rollback, args->wait, kReleaseTimeout, true);
  rollback->get_option("--wait")->needs(yes);
  SetAction(rollback, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    json::object body;
    if (!args->image.empty()) body["image"] = args->image;
    if (args->baseline > 0) body["baseline_version"] = args->baseline;
    if (!args->scope.empty()) body["scope"] = args->scope;
    if (!args->plan_token.empty()) body["plan_token"] = args->plan_token;
    if (!args->yes) {
      auto plan = session.Call(
          "GET",
          WithQuery(ReleasePath(args->id, "/rollback-plan"),
                    {{"image", args->image},
                     {"baseline_version", args->baseline > 0 ? std::to_string(args->baseline) : ""},
                     {"scope", args->scope}}));
      session.Print(plan, [](const json::value& p) {
        return RenderRollbackPlan(p) + "run it with --yes --plan-token '" +
               std::string(p.at("plan_token").as_string()) + "'\n";
      });
      return;
    }
    const json::value request = std::move(body);
    PrintOrWait(session, session.Call("POST", ReleasePath(args->id, "/rollback"), &request),
                args->wait);
  });
}

void AddBaselineCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReleaseArgs>();
  auto* baselines =
      app.add_subcommand("baseline", "Baselines: versioned snapshots of an environment");
  AddClientOptions(*baselines, args->connection);
  baselines->require_subcommand(1);
  auto* list = baselines->add_subcommand("list", "List an environment's baselines");
  list->add_option("env", args->env, "Environment id")->required();
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(
        session.Call("GET", "/api/v1/environments/" + std::to_string(args->env) + "/baselines"),
        RenderBaselineList);
  });
  auto* diff = baselines->add_subcommand(
      "diff", "Diff between two baseline versions: fields and config files");
  diff->add_option("env", args->env, "Environment id")->required();
  diff->add_option("from", args->from, "Baseline version")->required();
  diff->add_option("to", args->to, "Baseline version")->required();
  SetAction(diff, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", "/api/v1/environments/" + std::to_string(args->env) +
                                          "/baselines/diff?from=" + std::to_string(args->from) +
                                          "&to=" + std::to_string(args->to)),
                  RenderBaselineDiff);
  });
  auto* drift =
      baselines->add_subcommand("drift", "Config files changed since the latest baseline");
  drift->add_option("env", args->env, "Environment id")->required();
  SetAction(drift, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(
        session.Call("GET", "/api/v1/environments/" + std::to_string(args->env) + "/config-drift"),
        RenderConfigDrift);
  });
}

}  // namespace

void AddReleaseCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReleaseArgs>();
  auto* releases =
      app.add_subcommand("release", "Releases: run changes, follow, promote, abort, roll back");
  AddClientOptions(*releases, args->connection);
  releases->require_subcommand(1);

  auto* start = releases->add_subcommand("start", "Release a pending_release change");
  start->add_option("change", args->change, "Change id")->required();
  start->add_option("--strategy", args->strategy, "one_shot or canary (default: the environment's)")
      ->check(CLI::IsMember({"one_shot", "canary"}));
  AddWaitOptions(start, args->wait, kReleaseTimeout, true);
  SetAction(start, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    json::object body;
    if (!args->strategy.empty()) body["strategy"] = args->strategy;
    const json::value request = std::move(body);
    PrintOrWait(session,
                session.Call("POST", "/api/v1/changes/" + PercentEncode(args->change) + "/release",
                             &request),
                args->wait);
  });

  auto* list = releases->add_subcommand("list", "List releases, newest first");
  list->add_option("--app", args->app, "Application id or name");
  list->add_option("--env", args->env, "Environment id");
  list->add_option("--state", args->state);
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(
        session.Call("GET", WithQuery("/api/v1/releases",
                                      {{"app", args->app},
                                       {"env_id", args->env > 0 ? std::to_string(args->env) : ""},
                                       {"state", args->state}})),
        RenderReleaseList);
  });

  auto* show = releases->add_subcommand("show", "Show a release: steps, operations, actions");
  show->add_option("id", args->id, "Release id")->required();
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", ReleasePath(args->id)), RenderRelease);
  });

  auto* wait = releases->add_subcommand(
      "wait", "Follow a release until it ends: exit 0 completed, 1 failed, 7 --timeout ran out");
  wait->add_option("id", args->id, "Release id")->required();
  AddWaitOptions(wait, args->wait, kReleaseTimeout, true, true);
  SetAction(wait, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    WaitForRelease(session, session.Call("GET", ReleasePath(args->id)), SettingsOf(args->wait));
  });

  AddAct(releases, args, exit_code, "promote", "Canary: go to the next step", "/promote", true);
  AddAct(releases, args, exit_code, "promote-all", "Canary: all pods take the new version",
         "/promote-all", true);
  AddAct(releases, args, exit_code, "abort", "Stop and put back what ran before", "/abort", false);
  AddRollback(releases, args, exit_code);
  AddBaselineCommands(app, exit_code);
}

}  // namespace slipway::cli
