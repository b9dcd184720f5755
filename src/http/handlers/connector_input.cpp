#include "http/handlers/connector_input.hpp"

#include <vector>

#include "core/common/field_reader.hpp"

namespace slipway::http {

core::Result<core::ConnectorSystem> ParseConnectorSystemParam(const std::string& system) {
  auto parsed = core::ParseConnectorSystem(system);
  if (!parsed) {
    return core::NotFound("no connector system " + system +
                          " (jenkins, registry, apollo, consul, gitlab, tapd or dns)");
  }
  return *parsed;
}

core::Result<services::SetConnectorCommand> ParseSetConnector(const std::string& system,
                                                              const boost::json::object& body) {
  auto parsed = ParseConnectorSystemParam(system);
  if (!parsed.ok()) return parsed.error();
  services::SetConnectorCommand command;
  command.system = *parsed;
  const auto& fields = core::ConnectorFieldsOf(command.system);
  std::vector<std::string_view> known;
  for (const auto& f : fields) known.push_back(f.name);
  core::FieldReader in(body);
  in.RejectUnknown(known);
  for (const auto& f : fields) {
    const std::string name(f.name);
    if (!f.text) {
      command.settings.insecure_skip_tls_verify = in.Bool(name.c_str()).value_or(false);
      continue;
    }
    // A secret may be left out (the stored one stays); the others are replaced.
    auto value = in.String(name.c_str(), core::kMaxConnectorValue, f.required && !f.secret());
    if (!in.ok()) return in.error();
    if (!value) continue;
    auto normalized = core::NormalizeConnectorValue(f, *value, name);
    if (!normalized.ok()) return normalized.error();
    command.settings.*f.text = *normalized;
    if (f.secret()) command.secrets_given.insert(name);
  }
  if (!in.ok()) return in.error();
  return command;
}

core::Result<services::TestConnectorCommand> ParseTestConnector(const std::string& system,
                                                                const boost::json::object& body) {
  auto parsed = ParseConnectorSystemParam(system);
  if (!parsed.ok()) return parsed.error();
  services::TestConnectorCommand command{*parsed, std::nullopt};
  if (body.empty()) return command;
  auto candidate = ParseSetConnector(system, body);
  if (!candidate.ok()) return candidate.error();
  command.candidate = std::move(*candidate);
  return command;
}

}  // namespace slipway::http
