// `slipway connector …`: the outside systems admins connect (issue 14).
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/connector_requests.hpp"
#include "cli/failure.hpp"
#include "cli/table.hpp"
#include "cli/url.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

struct ConnectorArgs {
  ClientOptions connection;
  std::string system;
  ConnectorFlags flags;
};

std::string ConnectorPath(const std::string& system) {
  return "/api/v1/connectors/" + PercentEncode(system);
}

// "token" for every secret that is set, "-" when none.
std::string SecretsSet(const json::object& c) {
  std::string out;
  for (const auto& [field, set] : ObjectOrEmpty(c.if_contains("secret_set")))
    if (set.is_bool() && set.as_bool()) out += (out.empty() ? "" : ", ") + std::string(field);
  return out.empty() ? "-" : out;
}

// Where it points: the url of HTTP systems, the server of DNS.
std::string Address(const json::object& c) {
  const auto& settings = ObjectOrEmpty(c.if_contains("settings"));
  return settings.contains("url") ? CellAt(settings, "url") : CellAt(settings, "server");
}

std::string RenderConnectorList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(ObjectOrEmpty(&list), "items")) {
    const auto& c = ObjectOrEmpty(&item);
    rows.push_back({CellAt(c, "system"), CellAt(c, "source"), Address(c), SecretsSet(c),
                    CellAt(c, "updated_by")});
  }
  return RenderTable({"system", "source", "address", "secrets set", "updated by"}, rows);
}

std::string RenderConnector(const json::value& connector) {
  const auto& c = ObjectOrEmpty(&connector);
  std::vector<std::pair<std::string, std::string>> f;
  for (const char* key : {"system", "source", "fallback"}) f.emplace_back(key, CellAt(c, key));
  for (const auto& [key, value] : ObjectOrEmpty(c.if_contains("settings")))
    f.emplace_back(std::string(key), CellText(value));
  f.emplace_back("secrets set", SecretsSet(c));
  for (const char* key : {"version", "updated_by", "updated_at"})
    f.emplace_back(key, CellAt(c, key));
  return RenderFields(f);
}

void AddSettingFlags(CLI::App* command, ConnectorFlags& flags) {
  command->add_option("--set", flags.sets,
                      "FIELD=VALUE of a setting that is not secret (repeatable)");
  command->add_option("--secret-file", flags.secret_files,
                      "FIELD=PATH: a secret read from a file, without its trailing newline");
  command->add_option("--secret-env", flags.secret_envs,
                      "FIELD=VARIABLE: a secret read from an environment variable");
}

// The settings shown now with the flags over them.
json::value Body(Session& session, const ConnectorArgs& args) {
  auto current = session.Call("GET", ConnectorPath(args.system));
  const auto& settings = ObjectOrEmpty(ObjectOrEmpty(&current).if_contains("settings"));
  return ConnectorBody(args.system, settings, args.flags);
}

}  // namespace

void AddConnectorCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ConnectorArgs>();
  auto* connectors = app.add_subcommand(
      "connector", "Outside systems: Jenkins, registry, Apollo, Consul, GitLab, TAPD, DNS (admin)");
  AddClientOptions(*connectors, args->connection);
  connectors->require_subcommand(1);

  auto* list =
      connectors->add_subcommand("list", "List the systems, where their settings come from");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", "/api/v1/connectors"), RenderConnectorList);
  });

  auto* show = connectors->add_subcommand("show", "Show a system's settings (never its secrets)");
  show->add_option("system", args->system)->required();
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", ConnectorPath(args->system)), RenderConnector);
  });

  auto* set = connectors->add_subcommand(
      "set", "Change a system's settings through the API; they win over the configuration file");
  set->add_option("system", args->system)->required();
  AddSettingFlags(set, args->flags);
  SetAction(set, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    const auto body = Body(session, *args);
    session.Print(session.Call("PUT", ConnectorPath(args->system), &body), RenderConnector);
  });

  auto* test = connectors->add_subcommand(
      "test",
      "Check that the system answers and accepts the credentials (with flags: the "
      "settings they give, unsaved)");
  test->add_option("system", args->system)->required();
  AddSettingFlags(test, args->flags);
  SetAction(test, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    const json::value body =
        args->flags.Empty() ? json::value(json::object{}) : Body(session, *args);
    auto report = session.Call("POST", ConnectorPath(args->system) + "/test", &body);
    const auto& r = ObjectOrEmpty(&report);
    const bool ok = r.contains("ok") && r.at("ok").is_bool() && r.at("ok").as_bool();
    session.Print(report, [&](const json::value&) {
      return ok ? args->system + ": ok (" + CellAt(r, "elapsed_ms") + " ms)\n"
                : args->system + ": " + CellAt(r, "error") + "\n";
    });
    if (!ok)
      throw Failure(ExitCode::kServerError, "unreachable",
                    args->system + " did not answer: " + CellAt(r, "error"));
  });

  auto* remove = connectors->add_subcommand(
      "delete",
      "Forget the API's settings: the configuration file's (or the sandbox's) apply again");
  remove->add_option("system", args->system)->required();
  SetAction(remove, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Call("DELETE", ConnectorPath(args->system));
    session.Note("connector " + args->system + " now follows the configuration file");
  });
}

}  // namespace slipway::cli
