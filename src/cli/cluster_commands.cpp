// `slipway cluster …`: the Kubernetes clusters environments deploy into.
#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/env_views.hpp"
#include "cli/failure.hpp"
#include "cli/url.hpp"

namespace slipway::cli {
namespace {

struct ClusterArgs {
  ClientOptions connection;
  std::string id;
  std::string name, description, connection_kind = "kubeconfig", kubeconfig_file, registry,
                                 config_backend;
  std::vector<std::string> namespaces;  // ENV_TYPE=NAMESPACE
};

std::string ClusterPath(const std::string& id) { return "/api/v1/clusters/" + PercentEncode(id); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageFailure("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

boost::json::object NamespacesOf(const std::vector<std::string>& pairs) {
  boost::json::object out;
  for (const auto& pair : pairs) {
    auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
      throw UsageFailure("--namespace takes ENV_TYPE=NAMESPACE, got " + pair);
    }
    out[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return out;
}

void AddRegister(CLI::App* clusters, const std::shared_ptr<ClusterArgs>& args, int& exit_code) {
  auto* reg = clusters->add_subcommand(
      "register", "Register a cluster (admin); its connectivity is checked at once");
  reg->add_option("--name", args->name)->required();
  reg->add_option("--connection", args->connection_kind, "kubeconfig or in_cluster")
      ->check(CLI::IsMember({"kubeconfig", "in_cluster"}))
      ->capture_default_str();
  reg->add_option("--kubeconfig", args->kubeconfig_file, "kubeconfig file with inline credentials")
      ->check(CLI::ExistingFile);
  reg->add_option("--namespace", args->namespaces, "ENV_TYPE=NAMESPACE (repeatable)");
  auto* registry =
      reg->add_option("--registry", args->registry, "host[:port] the cluster pulls images from");
  auto* backend = reg->add_option("--config-backend", args->config_backend)
                      ->check(CLI::IsMember({"consul", "apollo"}));
  auto* description = reg->add_option("--description", args->description);
  SetAction(reg, exit_code, [args, registry, backend, description] {
    boost::json::object body{{"name", args->name}, {"connection", args->connection_kind}};
    if (!args->kubeconfig_file.empty()) body["kubeconfig"] = ReadFile(args->kubeconfig_file);
    if (!args->namespaces.empty()) body["namespaces"] = NamespacesOf(args->namespaces);
    if (registry->count() > 0) body["registry"] = args->registry;
    if (backend->count() > 0) body["config_backend"] = args->config_backend;
    if (description->count() > 0) body["description"] = args->description;
    auto session = Session::Connect(args->connection);
    const boost::json::value request = std::move(body);
    session.Print(session.Call("POST", "/api/v1/clusters", &request), RenderCluster);
  });
}

}  // namespace

void AddClusterCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ClusterArgs>();
  auto* clusters = app.add_subcommand("cluster", "Kubernetes clusters");
  AddClientOptions(*clusters, args->connection);
  clusters->require_subcommand(1);

  auto* list = clusters->add_subcommand("list", "List clusters");
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", "/api/v1/clusters"), RenderClusterList);
  });

  auto* show = clusters->add_subcommand("show", "Show a cluster and check its connectivity");
  show->add_option("id", args->id, "Cluster id or name")->required();
  SetAction(show, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", ClusterPath(args->id)), RenderCluster);
  });

  AddRegister(clusters, args, exit_code);

  auto* remove = clusters->add_subcommand(
      "delete", "Remove a cluster (admin; refused while environments use it)");
  remove->add_option("id", args->id, "Cluster id or name")->required();
  SetAction(remove, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Call("DELETE", ClusterPath(args->id));
    session.Note("cluster " + args->id + " removed");
  });
}

}  // namespace slipway::cli
