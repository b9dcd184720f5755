// `slipway lane …`: swimlanes — plan, create (and follow), show with the
// workflow's progress, drift, events, edit, renew, sync and delete.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <memory>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/failure.hpp"
#include "cli/lane_requests.hpp"
#include "cli/lane_views.hpp"
#include "cli/url.hpp"
#include "cli/wait.hpp"
#include "cli/workflow_views.hpp"
#include "core/common/json_path.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

struct LaneArgs {
  ClientOptions connection;
  std::string lane;  // name or id
  LaneCreateArgs create;
  LaneEditArgs edit;
  std::string confirm;
  bool dry_run = false, wait = false;
  std::string timeout = "15m";  // a DURATION, checked by the parser
  int limit = 50;
};

std::string DryRunQuery(bool dry_run) { return dry_run ? "?dry_run=true" : ""; }

void AddLane(CLI::App* command, LaneArgs& args) {
  command->add_option("lane", args.lane, "Lane name or id")->required();
}

// One value per flag, so a positional after `--app X` is not taken as an app.
void AddRepeatable(CLI::App* command, const char* name, std::vector<std::string>& values,
                   const char* help) {
  command->add_option(name, values, help)->allow_extra_args(false);
}

void AddCreate(CLI::App* lanes, const std::shared_ptr<LaneArgs>& args, int& exit_code) {
  auto* create = lanes->add_subcommand(
      "create", "Create a lane (or, with --dry-run, show what it would create)");
  create
      ->add_option("name", args->create.name,
                   "Lane name: letters, digits, '-', '_', '.'; at most 40")
      ->required();
  create->add_option("--story", args->create.story, "The TAPD story: WORKSPACE:ID")->required();
  AddRepeatable(create, "--app", args->create.apps, "APP[,replicas=N]; repeatable, at least one");
  AddRepeatable(create, "--member", args->create.members,
                "Lane member (may edit, sync, delete); repeatable");
  create->add_option("--base-env-type", args->create.base_env_type,
                     "Env type the apps are copied from (server default)");
  create->add_option("--cluster", args->create.cluster, "Cluster to run on (server default)");
  AddRepeatable(create, "--producer", args->create.producers,
                "App whose messages carry the lane's color; repeatable");
  AddRepeatable(create, "--consumer", args->create.consumers,
                "APP:TOPIC:GROUP: the app reads TOPIC in the lane's own group; repeatable");
  create->add_option("--notify", args->create.notify,
                     "Where expiry notices go: dingtalk:URL[:SECRET] or webhook:URL[:SECRET]");
  create->add_flag("--dry-run", args->dry_run,
                   "Print the plan (SYSTEM KIND NAME APP DETAIL); create nothing");
  auto* wait =
      create->add_flag("--wait", args->wait, "Follow the lane until it is no longer creating");
  create
      ->add_option("--timeout", args->timeout,
                   "How long --wait follows the lane (600, 90s, 15m, 1h30m); still creating "
                   "then: exit 7")
      ->type_name("DURATION")
      ->check(DurationValidator())
      ->capture_default_str()
      ->needs(wait);
  create->get_option("--dry-run")->excludes(wait);
  SetAction(create, exit_code, [args] {
    const json::value body = LaneCreateBody(args->create);  // usage errors before any request
    auto session = Session::Connect(args->connection);
    json::value result = session.Call("POST", "/api/v1/lanes" + DryRunQuery(args->dry_run), &body);
    if (!args->wait) return session.Print(result, RenderLanePlanResult);
    session.Note("creating lane " + args->create.name + " (workflow " +
                 core::StringAt(result, {"workflow_id"}) + ")…");
    // Followed by id: the name may later be reused by another lane.
    json::value lane =
        WaitForLaneCreation(session, result.at("lane"), *ParseDuration(args->timeout));
    session.Print(lane, RenderLane);
    if (core::StringAt(lane, {"state"}) != "active") {
      throw Failure(ExitCode::kServerError, "lane_" + core::StringAt(lane, {"state"}),
                    "lane " + args->create.name + " is " + core::StringAt(lane, {"state"}) +
                        ": see `slipway lane show " + args->create.name +
                        "`; `slipway lane sync` retries");
    }
  });
}

// The lane with its create/edit/sync/delete workflow's steps and its
// applications' workflows.
void ShowLane(Session& session, const std::string& lane) {
  json::value view = session.Call("GET", LanePath(lane));
  json::value progress = session.Call("GET", LanePath(lane, "/workflow"));
  session.Print(json::object{{"lane", view}, {"progress", progress}}, [&](const json::value&) {
    const std::string steps = RenderWorkflowProgress(progress);
    return RenderLane(view) + (steps.empty() ? "" : "\n" + steps);
  });
}

void AddReads(CLI::App* lanes, const std::shared_ptr<LaneArgs>& args, int& exit_code) {
  auto* list = lanes->add_subcommand("list", "List the lanes");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", "/api/v1/lanes"), RenderLaneList);
  });

  auto* show = lanes->add_subcommand(
      "show",
      "Show a lane: apps and their live state, coloring, expiry, its workflow's steps (-o json: "
      "{\"lane\",\"progress\"})");
  AddLane(show, *args);
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    ShowLane(session, args->lane);
  });

  auto* plan =
      lanes->add_subcommand("plan", "Every artefact the lane should have, in which system");
  AddLane(plan, *args);
  SetAction(plan, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", LanePath(args->lane, "/plan")), RenderLanePlan);
  });

  auto* drift = lanes->add_subcommand(
      "drift", "Each artefact of the lane looked up now: what is missing, a sync remakes");
  AddLane(drift, *args);
  SetAction(drift, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", LanePath(args->lane, "/drift")), RenderLaneDrift);
  });

  auto* events = lanes->add_subcommand(
      "events", "The lane's events (pushes, builds, deploys, renewals…), newest first");
  AddLane(events, *args);
  events->add_option("--limit", args->limit, "How many")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  SetAction(events, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", WithQuery(LanePath(args->lane, "/events"),
                                                {{"limit", std::to_string(args->limit)}})),
                  RenderLaneEvents);
  });
}

void AddChanges(CLI::App* lanes, const std::shared_ptr<LaneArgs>& args, int& exit_code) {
  auto* edit = lanes->add_subcommand("edit", "Change a lane's applications, members or coloring");
  AddLane(edit, *args);
  AddRepeatable(edit, "--app", args->edit.apps,
                "APP[,replicas=N]; repeatable; replaces the lane's applications");
  AddRepeatable(edit, "--member", args->edit.members,
                "Member; repeatable; replaces the lane's members");
  AddRepeatable(edit, "--producer", args->edit.producers,
                "Producer app; repeatable; with --consumer replaces the lane's coloring");
  AddRepeatable(edit, "--consumer", args->edit.consumers,
                "APP:TOPIC:GROUP; repeatable; with --producer replaces the lane's coloring");
  edit->add_flag("--dry-run", args->dry_run, "Print the plan of the changed lane; change nothing");
  SetAction(edit, exit_code, [args] {
    json::object body = LaneEditBody(args->edit);  // usage errors before any request
    auto session = Session::Connect(args->connection);
    // Optimistic locking: the edit applies only to the version just read.
    body["version"] = session.Call("GET", LanePath(args->lane)).at("version");
    const json::value request = std::move(body);
    session.Print(
        session.Call("PATCH", LanePath(args->lane) + DryRunQuery(args->dry_run), &request),
        RenderLanePlanResult);
  });

  auto* renew = lanes->add_subcommand(
      "renew", "Count as activity: takes the lane off the pending-deletion list");
  AddLane(renew, *args);
  SetAction(renew, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("POST", LanePath(args->lane, "/renew")), RenderLane);
  });

  auto* sync = lanes->add_subcommand("sync", "Make again whatever of the lane is missing");
  AddLane(sync, *args);
  SetAction(sync, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("POST", LanePath(args->lane, "/sync")), RenderLanePlanResult);
  });

  auto* remove = lanes->add_subcommand(
      "delete",
      "Delete a lane everywhere; exits 0 only when done (run again to follow or finish it)");
  AddLane(remove, *args);
  remove->add_option("--confirm", args->confirm, "The lane's name, to confirm")->required();
  SetAction(remove, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    HttpResponse response =
        session.Send("DELETE", WithQuery(LanePath(args->lane), {{"confirm", args->confirm}}));
    auto body = response.Json();
    // 202 (still running) and 503 (a step failed) carry the deletion, not an error.
    if (!body.ok() || !body->is_object() || !body->as_object().contains("done"))
      throw FailureFromResponse(response);
    session.Print(*body, RenderLaneDeletion);
    if (!body->at("done").as_bool()) {
      const bool running = core::StringAt(*body, {"workflow_state"}) == "running";
      throw Failure(ExitCode::kServerError, running ? "still_running" : "delete_failed",
                    "lane " + args->lane + " is not deleted yet");
    }
  });
}

}  // namespace

void AddLaneCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<LaneArgs>();
  auto* lanes =
      app.add_subcommand("lane", "Swimlanes: an iteration's own copy of the services it changes");
  AddClientOptions(*lanes, args->connection);
  lanes->require_subcommand(1);
  AddCreate(lanes, args, exit_code);
  AddReads(lanes, args, exit_code);
  AddChanges(lanes, args, exit_code);
}

}  // namespace slipway::cli
