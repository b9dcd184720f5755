#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>

#include "connectors/apollo/portal_store.hpp"
#include "sandbox/emulator.hpp"

namespace slipway::sandbox {

/// The Open API token `slipway sandbox` gives its Apollo (every app).
inline constexpr const char* kSandboxApolloToken = "sandbox-apollo-token";

struct ApolloEmulatorOptions {
  /// Open API token → app ids it is granted ("*": every app).
  std::map<std::string, std::set<std::string>> tokens;
  connectors::apollo::PortalStore::Options store;
};

/// Apollo's Portal Open API (/openapi/v1): clusters (get, create), app
/// namespaces (create), namespaces (list, get), items (create, get, paged
/// list, update with createIfNotExists, delete; `items/{key}` and
/// `encodedItems/{base64}`), releases (publish, latest), envclusters. Raw
/// token in Authorization: missing/unknown → 401 (Spring's body), app not
/// granted → 403; errors as the portal's ExceptionResponse bodies.
/// Not emulated: the Config Service client API (/configs, /notifications/v2),
/// gray releases, rollback, namespace locks.
class ApolloEmulator final : public Emulator {
 public:
  explicit ApolloEmulator(ApolloEmulatorOptions options);
  std::string_view system() const override { return "apollo"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override { return store_.ToJson(); }
  void Reset() override { store_.Reset(); }
  connectors::apollo::PortalStore& store() { return store_; }

 private:
  http::Response Route(http::Request& request, const std::vector<std::string>& parts);
  ApolloEmulatorOptions options_;
  mutable connectors::apollo::PortalStore store_;
};

/// The Apollo of `slipway sandbox`: kSandboxApolloToken for every app, apps
/// created on first use with `default`/`application` in DEV, FAT, UAT, PRO.
std::unique_ptr<ApolloEmulator> MakeSandboxApollo();

}  // namespace slipway::sandbox
