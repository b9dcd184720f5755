#pragma once
#include <CLI/CLI.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <string>

#include "cli/http_client.hpp"
#include "cli/transport_flags.hpp"

namespace slipway::cli {

/// Flags every client command accepts, wherever they appear after the
/// command's name.
struct ClientOptions {
  std::string server;            ///< --server, env SLIPWAY_SERVER
  std::string token;             ///< --token, env SLIPWAY_TOKEN
  std::string output = "table";  ///< -o table|json
  TransportFlags transport;      ///< --ca-file, --cert, --key, --proxy
};

/// Adds --server, --token, -o and the transport flags to `command` and lets
/// its subcommands accept them too.
void AddClientOptions(CLI::App& command, ClientOptions& options);

/// The contract's JSON answer of a 2xx response (null for 204 No Content).
/// Throws Failure for a transport error or an error answer.
boost::json::value CallApi(HttpClient& client, const std::string& method, const std::string& path,
                           const boost::json::value* body = nullptr);

/// An authenticated connection to one server plus the chosen output format.
class Session {
 public:
  /// Server and token come from the flags or environment, else from the
  /// stored credentials (`slipway login`), and so do the transport flags
  /// when none is given. The stored token and transport flags are only used
  /// for the server the token was minted by. Throws Failure (unauthenticated) when no
  /// server or token is known.
  static Session Connect(const ClientOptions& options);

  /// See CallApi.
  boost::json::value Call(const std::string& method, const std::string& path,
                          const boost::json::value* body = nullptr) {
    return CallApi(client_, method, path, body);
  }

  /// The response whatever its status, for the few answers whose non-2xx
  /// statuses carry a result (a lane deletion still running or stopped).
  /// Throws Failure only for a transport error.
  HttpResponse Send(const std::string& method, const std::string& path,
                    const boost::json::value* body = nullptr);

  /// GETs a text resource: with `sink`, each piece as it arrives (a
  /// followed log; no timeout), else the whole text at once, returned.
  /// Throws Failure like Call.
  std::string Text(const std::string& path, std::function<void(std::string_view)> sink = nullptr);

  /// A list resource as `{"items":[…],"next_cursor":…}`: one page, or with
  /// `all` every page concatenated. `path_for` maps a cursor ("" for the
  /// first page) to the request path.
  boost::json::value List(const std::function<std::string(const std::string&)>& path_for, bool all);

  bool json_output() const { return json_output_; }

  /// Prints `value` as compact JSON with -o json, else `render(value)`.
  void Print(const boost::json::value& value,
             const std::function<std::string(const boost::json::value&)>& render) const;

  /// Prints `message` in table mode only: JSON output stays machine-readable.
  void Note(const std::string& message) const;

  /// One line of progress of a followed release or build, at once (CI logs
  /// show it live): on stdout in table mode, on stderr with -o json so that
  /// stdout holds only the final JSON.
  void Progress(const std::string& line) const;

 private:
  Session(HttpClient client, bool json_output)
      : client_(std::move(client)), json_output_(json_output) {}

  HttpClient client_;
  bool json_output_;
};

}  // namespace slipway::cli
