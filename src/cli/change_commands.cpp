// `slipway change …`: code changes and their lifecycle (submit, approve,
// reject, close, withdraw). Releasing a change is `slipway release start`.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <memory>

#include "cli/change_views.hpp"
#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/failure.hpp"
#include "cli/url.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

const std::vector<std::string> kStates{"developing", "approving", "closed", "pending_release",
                                       "releasing",  "released",  "failed"};
const std::vector<std::string> kTypes{"code", "scale", "env_resource"};

struct ChangeArgs {
  ClientOptions connection;
  std::string id, app, env, title, description, image, tag, comment, state, type;
  std::int64_t build = 0;
  int limit = 50;
  bool all = false;
};

std::string ChangePath(const std::string& id, const std::string& suffix = "") {
  if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageFailure("a change is named by its id, got " + id);
  }
  return "/api/v1/changes/" + id + suffix;
}

// An environment of `app` by id, or by ENV_TYPE[@CLUSTER].
std::int64_t EnvId(Session& session, const std::string& app, const std::string& ref) {
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos)
    return std::stoll(ref);
  auto at = ref.find('@');
  const auto env_type = ref.substr(0, at);
  const auto cluster = at == std::string::npos ? "" : ref.substr(at + 1);
  auto list = session.Call("GET", "/api/v1/apps/" + PercentEncode(app) + "/environments");
  std::vector<std::int64_t> matches;
  for (const auto& item : list.as_object().at("items").as_array()) {
    const auto& e = item.as_object();
    if (e.at("env_type").as_string() != env_type) continue;
    if (!cluster.empty() && e.at("cluster").as_string() != cluster) continue;
    matches.push_back(e.at("id").as_int64());
  }
  if (matches.empty())
    throw Failure(ExitCode::kNotFound, "not_found", app + " has no environment " + ref);
  if (matches.size() > 1)
    throw UsageFailure(app + " has " + ref + " on several clusters: add @CLUSTER");
  return matches.front();
}

// The image source and texts the flags gave (edits send only those).
void AddSource(json::object& body, const ChangeArgs& a, const CLI::App* command) {
  if (command->count("--title") > 0) body["title"] = a.title;
  if (command->count("--description") > 0) body["description"] = a.description;
  if (command->count("--build") > 0) body["build_id"] = a.build;
  if (command->count("--image") > 0) body["image"] = a.image;
  if (command->count("--tag") > 0) body["tag"] = a.tag;
}

void AddSourceOptions(CLI::App* command, ChangeArgs& a) {
  command->add_option("--description", a.description);
  auto* build = command->add_option("--build", a.build,
                                    "A succeeded build of the application (self-developed)");
  auto* image = command->add_option("--image", a.image, "A full image address (commercial)");
  auto* tag =
      command->add_option("--tag", a.tag, "A tag of the vendor image in the details (commercial)");
  build->excludes(image)->excludes(tag);
  image->excludes(tag);
}

void AddCreate(CLI::App* changes, const std::shared_ptr<ChangeArgs>& args, int& exit_code) {
  auto* create = changes->add_subcommand("create", "Create a code change (developing)");
  create->add_option("app", args->app, "Application id or name")->required();
  create->add_option("--env", args->env, "Environment id, or ENV_TYPE[@CLUSTER] of the application")
      ->required();
  create->add_option("--title", args->title)->required();
  AddSourceOptions(create, *args);
  SetAction(create, exit_code, [args, create] {
    auto session = Session::Connect(args->connection);
    json::object body{{"env_id", EnvId(session, args->app, args->env)}};
    AddSource(body, *args, create);
    const json::value request = body;
    session.Print(
        session.Call("POST", "/api/v1/apps/" + PercentEncode(args->app) + "/changes", &request),
        RenderChange);
  });
}

void AddEdit(CLI::App* changes, const std::shared_ptr<ChangeArgs>& args, int& exit_code) {
  auto* edit = changes->add_subcommand("edit", "Edit a developing change");
  edit->add_option("id", args->id, "Change id")->required();
  edit->add_option("--title", args->title);
  edit->add_option("--env", args->env, "Environment id, or ENV_TYPE[@CLUSTER]");
  AddSourceOptions(edit, *args);
  SetAction(edit, exit_code, [args, edit] {
    auto session = Session::Connect(args->connection);
    // The version read now: the edit applies to the change as it is.
    const auto current = session.Call("GET", ChangePath(args->id));
    json::object body{{"version", current.at("version")}};
    if (!args->env.empty())
      body["env_id"] = EnvId(session, std::string(current.at("app").as_string()), args->env);
    AddSource(body, *args, edit);
    const json::value request = body;
    session.Print(session.Call("PATCH", ChangePath(args->id), &request), RenderChange);
  });
}

void AddList(CLI::App* changes, const std::shared_ptr<ChangeArgs>& args, int& exit_code) {
  auto* list = changes->add_subcommand("list", "List an application's changes, newest first");
  list->add_option("app", args->app, "Application id or name")->required();
  list->add_option("--state", args->state)->check(CLI::IsMember(kStates));
  list->add_option("--type", args->type)->check(CLI::IsMember(kTypes));
  list->add_option("--env", args->env, "Environment id, or ENV_TYPE[@CLUSTER]");
  list->add_option("--limit", args->limit, "Page size")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  list->add_flag("--all", args->all, "Fetch every page");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    const std::string env =
        args->env.empty() ? "" : std::to_string(EnvId(session, args->app, args->env));
    auto page = session.List(
        [&](const std::string& cursor) {
          return WithQuery("/api/v1/apps/" + PercentEncode(args->app) + "/changes",
                           {{"state", args->state},
                            {"type", args->type},
                            {"env_id", env},
                            {"limit", std::to_string(args->limit)},
                            {"cursor", cursor}});
        },
        args->all);
    session.Print(page, RenderChangeList);
  });
}

// submit, approve, reject, close, withdraw: POST with an optional comment.
void AddTransition(CLI::App* changes, const std::shared_ptr<ChangeArgs>& args, int& exit_code,
                   const char* name, const char* help, bool comment_required) {
  auto* command = changes->add_subcommand(name, help);
  command->add_option("id", args->id, "Change id")->required();
  auto* comment = command->add_option("--comment", args->comment,
                                      comment_required ? "Why (required)" : "A note");
  if (comment_required) comment->required();
  SetAction(command, exit_code, [args, comment, name = std::string(name)] {
    auto session = Session::Connect(args->connection);
    json::object body;
    if (comment->count() > 0) body["comment"] = args->comment;
    const json::value request = body;
    session.Print(session.Call("POST", ChangePath(args->id, "/" + name), &request), RenderChange);
  });
}

}  // namespace

void AddChangeCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ChangeArgs>();
  auto* changes = app.add_subcommand(
      "change", "Changes: what should change in an environment, and their approval");
  AddClientOptions(*changes, args->connection);
  changes->require_subcommand(1);
  AddCreate(changes, args, exit_code);
  auto* show =
      changes->add_subcommand("show", "Show a change, what you may do with it, and its history");
  show->add_option("id", args->id, "Change id")->required();
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", ChangePath(args->id)), RenderChange);
  });
  AddList(changes, args, exit_code);
  AddEdit(changes, args, exit_code);
  AddTransition(changes, args, exit_code, "submit",
                "Submit: to pending_release, or to approving when the environment needs approval",
                false);
  AddTransition(changes, args, exit_code, "approve",
                "Approve a change waiting for approval (approvers)", false);
  AddTransition(changes, args, exit_code, "reject", "Send a change back to developing (approvers)",
                true);
  AddTransition(changes, args, exit_code, "close",
                "Close a developing change for good (it is kept)", false);
  AddTransition(changes, args, exit_code, "withdraw", "Take a pending change back to developing",
                false);
}

}  // namespace slipway::cli
