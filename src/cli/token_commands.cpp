// `slipway token …`: the caller's API tokens for scripts and CI.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/url.hpp"
#include "cli/views.hpp"

namespace slipway::cli {
namespace {

struct TokenArgs {
  ClientOptions connection;
  std::string name;
  int expires_in_days = 0;
  std::string user;
  std::string id;
};

}  // namespace

void AddTokenCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TokenArgs>();
  auto* tokens = app.add_subcommand("token", "Your API tokens");
  AddClientOptions(*tokens, args->connection);
  tokens->require_subcommand(1);

  auto* create = tokens->add_subcommand("create", "Create a token; it is printed only once");
  create->add_option("name", args->name, "What the token is for")->required();
  auto* expires = create
                      ->add_option("--expires-in-days", args->expires_in_days,
                                   "Lifetime in days (default: never expires)")
                      ->check(CLI::PositiveNumber);
  SetAction(create, exit_code, [args, expires] {
    auto session = Session::Connect(args->connection);
    boost::json::object body{{"name", args->name}};
    if (expires->count() > 0) body["expires_in_days"] = args->expires_in_days;
    const boost::json::value request = std::move(body);
    session.Print(session.Call("POST", "/api/v1/tokens", &request), RenderNewToken);
  });

  auto* list = tokens->add_subcommand("list", "List your tokens (never their secrets)");
  list->add_option("--user", args->user, "Another user's tokens (admin)");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    // People hold a handful of tokens: always show them all.
    auto all = session.List(
        [&](const std::string& cursor) {
          return WithQuery("/api/v1/tokens", {{"user", args->user}, {"cursor", cursor}});
        },
        true);
    session.Print(all, RenderTokenList);
  });

  auto* revoke = tokens->add_subcommand("revoke", "Revoke a token at once");
  revoke->add_option("id", args->id, "Token id")->required();
  SetAction(revoke, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Call("DELETE", "/api/v1/tokens/" + PercentEncode(args->id));
    session.Note("revoked token " + args->id);
  });
}

}  // namespace slipway::cli
