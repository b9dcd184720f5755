#pragma once
#include "app/config.hpp"
#include "app/config_section.hpp"

namespace slipway::app {

/// A secret setting `key`: given inline (`token: …`), read from a file
/// (`token_file: /run/secrets/jenkins`: its content without the trailing
/// newline, as Kubernetes and Docker mount secrets) or from an environment
/// variable (`token_env: JENKINS_TOKEN`: its name). At most one of the three.
void GetSecret(Section& section, const std::string& key, std::string& out);

/// Reads `connectors:` into c.connectors (endpoints, credentials, the DNS zone).
void ReadConnectors(Section& top, Config& c);

}  // namespace slipway::app
