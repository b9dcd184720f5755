#pragma once
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/apollo/portal_store.hpp"

namespace slipway::connectors::apollo {

/// In-memory ApolloPortal for unit tests: Apollo's rules (the PortalStore the
/// emulator also uses), a call log and injected failures.
class FakeApolloPortal final : public ApolloPortal {
 public:
  explicit FakeApolloPortal(PortalStore::Options options = {}) : store_(std::move(options)) {}

  core::Result<ApolloCluster> GetCluster(std::string_view env, std::string_view app_id,
                                         std::string_view cluster) override;
  core::Result<ApolloCluster> CreateCluster(std::string_view env, std::string_view app_id,
                                            std::string_view cluster,
                                            std::string_view operator_name) override;
  core::Status DeleteCluster(std::string_view env, std::string_view app_id,
                             std::string_view cluster, std::string_view operator_user) override;
  core::Result<std::string> CreateAppNamespace(std::string_view app_id, std::string_view name,
                                               std::string_view format,
                                               std::string_view operator_name) override;
  core::Result<std::vector<ApolloNamespace>> ListNamespaces(std::string_view env,
                                                            std::string_view app_id,
                                                            std::string_view cluster) override;
  core::Result<ApolloNamespace> GetNamespace(const ApolloNamespaceRef& ns) override;
  core::Result<ApolloItem> CreateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                      std::string_view operator_name) override;
  core::Status UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                          std::string_view operator_name, bool create_if_missing = false) override;
  core::Status DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                          std::string_view operator_name) override;
  core::Result<ApolloRelease> Publish(const ApolloNamespaceRef& ns, std::string_view title,
                                      std::string_view comment,
                                      std::string_view released_by) override;
  core::Result<std::optional<ApolloRelease>> LatestRelease(const ApolloNamespaceRef& ns) override;

  /// A coming call of `operation` ("Publish", "UpdateItem", …) fails with
  /// `error`: the next one, or the one after `successes` calls that succeed
  /// (an outage in the middle of a series of calls).
  void FailNext(const std::string& operation, core::Error error, std::size_t successes = 0);
  /// Operations called so far, by name.
  std::vector<std::string> calls() const;
  PortalStore& store() { return store_; }

 private:
  std::optional<core::Error> Enter(const std::string& operation);
  PortalStore store_;
  mutable std::mutex mutex_;
  // Per operation, what its coming calls do: nullopt succeeds.
  std::map<std::string, std::deque<std::optional<core::Error>>> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::apollo
