// `slipway env …`: environments, their pods, restarts and release policy.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/env_policy_request.hpp"
#include "cli/env_ref.hpp"
#include "cli/env_views.hpp"
#include "cli/failure.hpp"
#include "cli/table.hpp"
#include "cli/url.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

struct EnvArgs {
  ClientOptions connection;
  std::string env;  // id, or APP/ENV_TYPE[@CLUSTER]
  std::string app, env_type, cluster, image, spec_file, confirm;
  int replicas = 1;
  std::vector<std::string> ports, vars;
  std::string cpu_request, cpu_limit, memory_request, memory_limit;
  bool yes = false;
  PolicyFlags policy;
  std::string strategy, auto_rollback, approval, policy_file;
  std::int64_t window_seconds = 0;
};

// "8080", "http:8080" or "http:8080:80" (name, container port, service port).
json::object PortOf(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  auto number = [&](const std::string& s) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 5) {
      throw UsageFailure("--port takes [NAME:]CONTAINER_PORT[:SERVICE_PORT], got " + text);
    }
    return std::stoi(s);
  };
  json::object port;
  if (parts.size() == 1) {
    port["container_port"] = number(parts[0]);
  } else if (parts.size() == 2 || parts.size() == 3) {
    port["name"] = parts[0];
    port["container_port"] = number(parts[1]);
    if (parts.size() == 3) port["service_port"] = number(parts[2]);
  } else {
    throw UsageFailure("--port takes [NAME:]CONTAINER_PORT[:SERVICE_PORT], got " + text);
  }
  return port;
}

json::object ObjectFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto parsed = json::parse(text.str(), ec);
  if (ec || !parsed.is_object()) throw UsageFailure(path + " is not a JSON object");
  return parsed.as_object();
}

json::object CreateBody(const EnvArgs& a, const CLI::App* create) {
  json::object body;
  if (!a.spec_file.empty()) body = ObjectFile(a.spec_file);
  body["env_type"] = a.env_type;
  body["cluster"] = a.cluster;
  if (create->count("--replicas") > 0) body["replicas"] = a.replicas;
  if (!a.image.empty()) body["image"] = a.image;
  if (!a.ports.empty()) {
    json::array ports;
    for (const auto& p : a.ports) ports.push_back(PortOf(p));
    body["ports"] = std::move(ports);
  }
  if (!a.vars.empty()) {
    json::array env;
    for (const auto& v : a.vars) {
      auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0)
        throw UsageFailure("--env takes NAME=VALUE, got " + v);
      env.push_back({{"name", v.substr(0, eq)}, {"value", v.substr(eq + 1)}});
    }
    body["env"] = std::move(env);
  }
  json::object resources;
  for (auto [key, value] :
       {std::pair{"cpu_request", &a.cpu_request}, std::pair{"cpu_limit", &a.cpu_limit},
        std::pair{"memory_request", &a.memory_request},
        std::pair{"memory_limit", &a.memory_limit}}) {
    if (!value->empty()) resources[key] = *value;
  }
  if (!resources.empty()) body["resources"] = std::move(resources);
  return body;
}

void AddCreate(CLI::App* envs, const std::shared_ptr<EnvArgs>& args, int& exit_code) {
  auto* create = envs->add_subcommand(
      "create", "Create an environment; its Deployment and Services are applied at once");
  create->add_option("app", args->app, "Application id or name")->required();
  create->add_option("--type", args->env_type, "Env type (prod, test, …)")->required();
  create->add_option("--cluster", args->cluster, "Cluster id or name")->required();
  create->add_option("--replicas", args->replicas)->check(CLI::Range(1, 24));
  create->add_option("--port", args->ports, "[NAME:]CONTAINER_PORT[:SERVICE_PORT] (repeatable)");
  create->add_option("--env", args->vars, "NAME=VALUE environment variable (repeatable)");
  create->add_option("--image", args->image,
                     "Full image address (default: none until the first release)");
  create->add_option("--cpu-request", args->cpu_request);
  create->add_option("--cpu-limit", args->cpu_limit);
  create->add_option("--memory-request", args->memory_request);
  create->add_option("--memory-limit", args->memory_limit);
  create
      ->add_option("--spec-file", args->spec_file,
                   "JSON with any environment fields (services, probes, …)")
      ->check(CLI::ExistingFile);
  SetAction(create, exit_code, [args, create] {
    auto session = Session::Connect(args->connection);
    const json::value body = CreateBody(*args, create);
    session.Print(
        session.Call("POST", "/api/v1/apps/" + PercentEncode(args->app) + "/environments", &body),
        RenderEnvironment);
  });
}

void AddEnvCommand(CLI::App* envs, const char* name, const char* help,
                   const std::shared_ptr<EnvArgs>& args, int& exit_code,
                   std::function<void(Session&, const EnvArgs&)> action) {
  auto* command = envs->add_subcommand(name, help);
  command->add_option("env", args->env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  if (std::string(name) == "delete") {
    command->add_option("--confirm", args->confirm, "The application's name, to confirm")
        ->required();
  }
  SetAction(command, exit_code, [args, action] {
    auto session = Session::Connect(args->connection);
    action(session, *args);
  });
}

// `env scale` and `env edit` go through a change and its release.
void AddReleasingCommands(CLI::App* envs, const std::shared_ptr<EnvArgs>& args, int& exit_code) {
  auto* scale = envs->add_subcommand("scale", "Scale (a scale change, released at once)");
  scale->add_option("env", args->env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  scale->add_option("--replicas", args->replicas)->required()->check(CLI::Range(1, 24));
  SetAction(scale, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    const json::value body{{"replicas", args->replicas}};
    session.Print(session.Call("POST", EnvPath(session, args->env, "/scale"), &body),
                  [](const json::value& v) {
                    return "change " + json::serialize(v.at("change_id")) +
                           " is being released as release " + json::serialize(v.at("release_id")) +
                           "\n";
                  });
  });

  auto* edit = envs->add_subcommand("edit", "Change resources: shows the diff; --yes releases it");
  edit->add_option("env", args->env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  edit->add_option("--replicas", args->replicas)->check(CLI::Range(1, 24));
  edit->add_option("--env", args->vars,
                   "NAME=VALUE environment variable (repeatable; replaces the list)");
  edit->add_option("--cpu-request", args->cpu_request);
  edit->add_option("--cpu-limit", args->cpu_limit);
  edit->add_option("--memory-request", args->memory_request);
  edit->add_option("--memory-limit", args->memory_limit);
  edit->add_option("--spec-file", args->spec_file, "JSON with the fields to change")
      ->check(CLI::ExistingFile);
  edit->add_flag("--yes", args->yes, "Confirm: containers will be replaced");
  SetAction(edit, exit_code, [args, edit] {
    auto session = Session::Connect(args->connection);
    const auto path = EnvPath(session, args->env);
    auto current = session.Call("GET", path);
    auto body = CreateBody(*args, edit);
    body.erase("env_type");
    body.erase("cluster");
    body["version"] = current.at("version");
    if (args->yes) body["confirm"] = true;
    const json::value request = std::move(body);
    session.Print(session.Call("POST", path + "/edit", &request), [](const json::value& v) {
      std::string out;
      for (const auto& d : v.at("diff").as_array()) {
        out += "  " + std::string(d.at("path").as_string()) + ": " +
               json::serialize(d.at("before")) + " -> " + json::serialize(d.at("after")) + "\n";
      }
      if (!v.at("confirmed").as_bool())
        return out + std::string(v.at("warning").as_string()) + "\n(run again with --yes)\n";
      return out + "released as release " + json::serialize(v.at("release_id")) + "\n";
    });
  });
}

// `env policy`: how releases of the environment run (R-REL-4).
void AddPolicy(CLI::App* envs, const std::shared_ptr<EnvArgs>& args, int& exit_code) {
  auto* policy = envs->add_subcommand(
      "policy",
      "Show the release policy; with flags, change it (owners and admins). Running releases "
      "keep the plan they started with");
  policy->add_option("env", args->env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  policy->add_option("--strategy", args->strategy, "Strategy of releases that name none")
      ->check(CLI::IsMember({"one_shot", "canary"}));
  policy->add_option("--step", args->policy.steps,
                     "Canary step: PODS or PERCENT%, then :manual (default), :none or :SECONDS "
                     "(repeatable; replaces the steps)");
  policy->add_option("--stability-window", args->window_seconds,
                     "Seconds the canary pods stay ready, with no restarts, before a step's pause");
  policy->add_option("--auto-rollback", args->auto_rollback, "Roll back a failed release")
      ->check(CLI::IsMember({"on", "off"}));
  policy->add_option("--approval", args->approval, "Whether code changes need an approver")
      ->check(CLI::IsMember({"default", "required", "not-required"}));
  policy
      ->add_option("--file", args->policy_file,
                   "JSON policy to start from instead of the current one")
      ->check(CLI::ExistingFile);
  SetAction(policy, exit_code, [args, policy] {
    auto flags = args->policy;
    if (policy->count("--strategy")) flags.strategy = args->strategy;
    if (policy->count("--stability-window")) flags.window_seconds = args->window_seconds;
    if (policy->count("--auto-rollback")) flags.auto_rollback = args->auto_rollback;
    if (policy->count("--approval")) flags.approval = args->approval;
    auto session = Session::Connect(args->connection);
    const auto path = EnvPath(session, args->env);
    auto current = session.Call("GET", path);
    if (!AnyPolicyFlag(flags) && args->policy_file.empty()) {
      session.Print(current, RenderReleasePolicy);
      return;
    }
    auto base = args->policy_file.empty()
                    ? ObjectOrEmpty(current.as_object().if_contains("release_policy"))
                    : ObjectFile(args->policy_file);
    auto body = PolicyRequest(std::move(base), flags);
    body["version"] = current.at("version");
    const json::value request = std::move(body);
    session.Print(session.Call("PUT", path + "/release-policy", &request), RenderReleasePolicy);
  });
}

}  // namespace

void AddEnvCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EnvArgs>();
  auto* envs =
      app.add_subcommand("env", "Environments: an application on a cluster, with its pods");
  AddClientOptions(*envs, args->connection);
  envs->require_subcommand(1);

  auto* list = envs->add_subcommand("list", "List an application's environments");
  list->add_option("app", args->app, "Application id or name")->required();
  SetAction(list, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Print(session.Call("GET", "/api/v1/apps/" + PercentEncode(args->app) + "/environments"),
                  RenderEnvironmentList);
  });
  AddCreate(envs, args, exit_code);
  AddReleasingCommands(envs, args, exit_code);
  AddPolicy(envs, args, exit_code);
  AddEnvCommand(envs, "show", "Show an environment: definition and live state", args, exit_code,
                [](Session& s, const EnvArgs& a) {
                  s.Print(s.Call("GET", EnvPath(s, a.env)), RenderEnvironment);
                });
  AddEnvCommand(envs, "pods", "List the environment's pods", args, exit_code,
                [](Session& s, const EnvArgs& a) {
                  s.Print(s.Call("GET", EnvPath(s, a.env, "/pods")), RenderPods);
                });
  AddEnvCommand(envs, "restart", "Rolling restart (no change is created)", args, exit_code,
                [](Session& s, const EnvArgs& a) {
                  s.Print(s.Call("POST", EnvPath(s, a.env, "/restart")), RenderOperation);
                });
  AddEnvCommand(envs, "delete", "Delete the environment and its Kubernetes objects", args,
                exit_code, [](Session& s, const EnvArgs& a) {
                  s.Call("DELETE", WithQuery(EnvPath(s, a.env), {{"confirm", a.confirm}}));
                  s.Note("environment " + a.env + " deleted");
                });
}

}  // namespace slipway::cli
