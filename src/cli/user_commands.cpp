// `slipway user …`: account administration (admin only on the server side).
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/failure.hpp"
#include "cli/terminal.hpp"
#include "cli/url.hpp"
#include "cli/views.hpp"

namespace slipway::cli {
namespace {

const std::vector<std::string> kRoles{"admin", "approver", "developer", "viewer"};

struct UserArgs {
  ClientOptions connection;
  std::string id;
  std::string role, q;
  int limit = 50;
  bool all = false;
  std::string username, display_name;
  bool password_stdin = false;
  bool disable = false, enable = false;
};

std::string UserPath(const std::string& id_or_name, const std::string& suffix = "") {
  return "/api/v1/users/" + PercentEncode(id_or_name) + suffix;
}

void AddReadCommands(CLI::App* users, const std::shared_ptr<UserArgs>& args, int& exit_code) {
  auto* list = users->add_subcommand("list", "List users");
  list->add_option("--role", args->role)->check(CLI::IsMember(kRoles));
  list->add_option("--q", args->q, "Text to search in user and display names");
  list->add_option("--limit", args->limit, "Page size")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  list->add_flag("--all", args->all, "Fetch every page");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    auto page = session.List(
        [&](const std::string& cursor) {
          return WithQuery("/api/v1/users", {{"role", args->role},
                                             {"q", args->q},
                                             {"limit", std::to_string(args->limit)},
                                             {"cursor", cursor}});
        },
        args->all);
    session.Print(page, RenderUserList);
  });

  auto* show = users->add_subcommand("show", "Show a user");
  show->add_option("id", args->id, "User id or name")->required();
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", UserPath(args->id)), RenderUser);
  });
}

void AddWriteCommands(CLI::App* users, const std::shared_ptr<UserArgs>& args, int& exit_code) {
  auto* create = users->add_subcommand("create", "Create a user");
  create->add_option("--username", args->username)->required();
  create->add_option("--role", args->role)->required()->check(CLI::IsMember(kRoles));
  auto* display_name = create->add_option("--display-name", args->display_name);
  create->add_flag("--password-stdin", args->password_stdin,
                   "Read the password from stdin (else prompted twice)");
  SetAction(create, exit_code, [args, display_name] {
    boost::json::object body{{"username", args->username}, {"role", args->role}};
    if (display_name->count() > 0) body["display_name"] = args->display_name;
    body["password"] = ReadNewPassword(args->password_stdin);
    auto session = Session::Connect(args->connection);
    const boost::json::value request = std::move(body);
    session.Print(session.Call("POST", "/api/v1/users", &request), RenderUser);
  });

  auto* set = users->add_subcommand("set", "Change a user's role, name or access");
  set->add_option("id", args->id, "User id or name")->required();
  auto* role = set->add_option("--role", args->role)->check(CLI::IsMember(kRoles));
  auto* name = set->add_option("--display-name", args->display_name);
  auto* disable = set->add_flag("--disable", args->disable, "Block logins and tokens");
  auto* enable = set->add_flag("--enable", args->enable, "Allow logins again");
  disable->excludes(enable);
  SetAction(set, exit_code, [args, role, name] {
    boost::json::object body;
    if (role->count() > 0) body["role"] = args->role;
    if (name->count() > 0) body["display_name"] = args->display_name;
    if (args->disable || args->enable) body["disabled"] = args->disable;
    if (body.empty())
      throw UsageFailure(
          "nothing to change: give --role, --display-name, "
          "--disable or --enable");
    auto session = Session::Connect(args->connection);
    // Optimistic locking: the change applies only to the version just read.
    const auto current = session.Call("GET", UserPath(args->id));
    const auto* version =
        current.is_object() ? current.as_object().if_contains("version") : nullptr;
    if (version == nullptr) {
      throw Failure(ExitCode::kServerError, "internal", "server answered a user without version");
    }
    body["version"] = *version;
    const boost::json::value request = std::move(body);
    session.Print(session.Call("PATCH", UserPath(args->id), &request), RenderUser);
  });

  auto* reset = users->add_subcommand("reset-password", "Set a new password for a user");
  reset->add_option("id", args->id, "User id or name")->required();
  reset->add_flag("--password-stdin", args->password_stdin,
                  "Read the password from stdin (else prompted twice)");
  SetAction(reset, exit_code, [args] {
    const boost::json::value body{{"password", ReadNewPassword(args->password_stdin)}};
    auto session = Session::Connect(args->connection);
    session.Call("POST", UserPath(args->id, "/password"), &body);
    session.Note("password of " + args->id + " reset");
  });
}

}  // namespace

void AddUserCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<UserArgs>();
  auto* users = app.add_subcommand("user", "User accounts (admin)");
  AddClientOptions(*users, args->connection);
  users->require_subcommand(1);
  AddReadCommands(users, args, exit_code);
  AddWriteCommands(users, args, exit_code);
}

}  // namespace slipway::cli
