// `slipway audit …`: the operation log (R-GW-3), as GET /api/v1/audit filters it.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/url.hpp"
#include "cli/views.hpp"

namespace slipway::cli {
namespace {

struct AuditArgs {
  ClientOptions connection;
  std::string object, actor, action;
  int limit = 50;
  bool all = false;
};

}  // namespace

void AddAuditCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<AuditArgs>();
  auto* audit = app.add_subcommand(
      "audit", "The operation log: who did what to which object, and how it ended");
  AddClientOptions(*audit, args->connection);
  audit->require_subcommand(1);

  auto* list = audit->add_subcommand(
      "list", "List records, newest first (admins: all; others: their applications')");
  list->add_option("--object", args->object,
                   "TYPE:ID, e.g. app:order-svc (by name or id), build:12, change:7, release:3, "
                   "env:5, lane:feat-x; or a TYPE alone");
  list->add_option("--actor", args->actor, "User name (or slipway, for the server's own records)");
  list->add_option("--action", args->action, "e.g. app.approve, release.promote");
  list->add_option("--limit", args->limit, "Page size")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  list->add_flag("--all", args->all, "Fetch every page");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    auto page = session.List(
        [&](const std::string& cursor) {
          return WithQuery("/api/v1/audit", {{"object", args->object},
                                             {"actor", args->actor},
                                             {"action", args->action},
                                             {"limit", std::to_string(args->limit)},
                                             {"cursor", cursor}});
        },
        args->all);
    session.Print(page, RenderAuditList);
  });
}

}  // namespace slipway::cli
