#include "cli/connector_requests.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "cli/failure.hpp"
#include "core/connectors/connector_settings.hpp"

namespace slipway::cli {

namespace {

std::pair<std::string, std::string> Pair(const std::string& flag, const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageFailure(flag + " takes FIELD=VALUE, got " + text);
  return {text.substr(0, eq), text.substr(eq + 1)};
}

const core::ConnectorField& FieldOf(core::ConnectorSystem system, const std::string& name) {
  const auto* field = core::FindConnectorField(system, name);
  if (!field) {
    std::string known;
    for (const auto& f : core::ConnectorFieldsOf(system))
      known += (known.empty() ? "" : ", ") + std::string(f.name);
    throw UsageFailure(std::string(core::ConnectorSystemName(system)) + " has no field " + name +
                       " (" + known + ")");
  }
  return *field;
}

const core::ConnectorField& SecretField(core::ConnectorSystem system, const std::string& flag,
                                        const std::string& name) {
  const auto& field = FieldOf(system, name);
  if (!field.secret()) throw UsageFailure(flag + ": " + name + " is not secret; use --set");
  return field;
}

std::string ReadSecretFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageFailure("cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // As Kubernetes and Docker mount secrets: the trailing newline is not part of it.
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

boost::json::object ConnectorBody(const std::string& system_name,
                                  const boost::json::object& current, const ConnectorFlags& flags) {
  auto system = core::ParseConnectorSystem(system_name);
  if (!system) throw UsageFailure("no connector system " + system_name);
  boost::json::object body;
  for (const auto& f : core::ConnectorFieldsOf(*system)) {
    if (const auto* v = current.if_contains(f.name); v && !f.secret()) body[f.name] = *v;
  }
  for (const auto& text : flags.sets) {
    auto [name, value] = Pair("--set", text);
    const auto& field = FieldOf(*system, name);
    if (field.secret()) {
      throw UsageFailure(name + " is secret: give it with --secret-file " + name +
                         "=PATH or --secret-env " + name + "=VARIABLE");
    }
    if (!field.text) {
      if (value != "true" && value != "false")
        throw UsageFailure("--set " + name + " takes true or false");
      body[field.name] = value == "true";
    } else {
      body[field.name] = value;
    }
  }
  for (const auto& text : flags.secret_files) {
    auto [name, path] = Pair("--secret-file", text);
    body[SecretField(*system, "--secret-file", name).name] = ReadSecretFile(path);
  }
  for (const auto& text : flags.secret_envs) {
    auto [name, variable] = Pair("--secret-env", text);
    const auto& field = SecretField(*system, "--secret-env", name);
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr)
      throw UsageFailure("the environment variable " + variable + " is not set");
    body[field.name] = value;
  }
  return body;
}

}  // namespace slipway::cli
