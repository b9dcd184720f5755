#include "cli/client_session.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/serialize.hpp>
#include <iostream>

#include "cli/cli_config.hpp"
#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

std::string WithoutTrailingSlash(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

}  // namespace

void AddClientOptions(CLI::App& command, ClientOptions& options) {
  command.add_option("--server", options.server, "Server URL, e.g. https://slipway.example.com")
      ->envname("SLIPWAY_SERVER")
      ->group("Connection");
  command.add_option("--token", options.token, "API token (default: the one from `slipway login`)")
      ->envname("SLIPWAY_TOKEN")
      ->group("Connection");
  command.add_option("-o,--output", options.output, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str()
      ->group("Connection");
  AddTransportFlags(command, options.transport);
  // Subcommands made after this inherit both, so `app list --server X` works.
  command.fallthrough();
  command.footer(
      "Every subcommand also takes --server URL, --token T (env SLIPWAY_SERVER, SLIPWAY_TOKEN), "
      "--ca-file, --cert, --key, --proxy (env SLIPWAY_CA_FILE, SLIPWAY_CERT, SLIPWAY_KEY, "
      "SLIPWAY_PROXY) "
      "and -o table|json.\n" +
      std::string(kExitCodeHelp));
}

boost::json::value CallApi(HttpClient& client, const std::string& method, const std::string& path,
                           const boost::json::value* body) {
  auto response = client.SendJson(method, path, body);
  if (!response) throw FailureFromTransport(response.error());
  if (response->status >= 300) throw FailureFromResponse(*response);
  auto json = response->Json();
  if (!json) throw Failure(ExitCode::kServerError, "internal", json.error().message);
  return std::move(json).value();
}

Session Session::Connect(const ClientOptions& options) {
  std::optional<CliConfig> stored;
  if (auto path = DefaultConfigPath()) stored = LoadConfig(*path);
  std::string server = WithoutTrailingSlash(options.server);
  std::string token = options.token;
  TransportFlags transport = options.transport;
  if (stored && (server.empty() || server == WithoutTrailingSlash(stored->server))) {
    server = WithoutTrailingSlash(stored->server);
    if (token.empty()) token = stored->token;
    if (transport.empty()) transport = stored->transport;
  }
  if (server.empty() || token.empty()) {
    throw Failure(ExitCode::kUnauthenticated, "not_logged_in",
                  server.empty()
                      ? "not logged in: run `slipway login --server URL`"
                      : "not logged in to " + server + ": run `slipway login` or pass --token");
  }
  HttpClientOptions http;
  http.base_url = server;
  http.bearer_token = token;
  ApplyTransportFlags(transport, http);
  return Session(HttpClient(std::move(http)), options.output == "json");
}

boost::json::value Session::List(const std::function<std::string(const std::string&)>& path_for,
                                 bool all) {
  boost::json::array items;
  std::string cursor;
  while (true) {
    boost::json::value page = Call("GET", path_for(cursor));
    const auto* object = page.if_object();
    const auto* page_items = object ? object->if_contains("items") : nullptr;
    if (page_items == nullptr || !page_items->is_array()) {
      throw Failure(ExitCode::kServerError, "internal", "server answered a list without items");
    }
    for (const auto& item : page_items->as_array()) items.push_back(item);
    const auto* next = object->if_contains("next_cursor");
    if (next == nullptr || !next->is_string() || next->as_string().empty()) {
      return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
    }
    if (!all) {
      if (!json_output_) std::cerr << "(more results: pass --all or a larger --limit)\n";
      return boost::json::object{{"items", std::move(items)}, {"next_cursor", *next}};
    }
    cursor = std::string(next->as_string());
  }
}

HttpResponse Session::Send(const std::string& method, const std::string& path,
                           const boost::json::value* body) {
  auto response = client_.SendJson(method, path, body);
  if (!response) throw FailureFromTransport(response.error());
  return std::move(response).value();
}

std::string Session::Text(const std::string& path, std::function<void(std::string_view)> sink) {
  HttpRequest request;
  request.path = path;
  request.on_body = std::move(sink);
  auto response = client_.Send(request);
  if (!response) throw FailureFromTransport(response.error());
  if (response->status >= 300) throw FailureFromResponse(*response);
  return std::move(response->body);
}

void Session::Print(const boost::json::value& value,
                    const std::function<std::string(const boost::json::value&)>& render) const {
  if (json_output_) {
    std::cout << boost::json::serialize(value) << '\n';
  } else {
    std::cout << render(value);
  }
}

void Session::Note(const std::string& message) const {
  if (!json_output_) std::cout << message << '\n';
}

void Session::Progress(const std::string& line) const {
  auto& out = json_output_ ? std::cerr : std::cout;
  out << line << std::endl;  // flushed: a followed release is read as it happens
}

}  // namespace slipway::cli
