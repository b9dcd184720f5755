#pragma once
#include <boost/json/value.hpp>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "connectors/apollo.hpp"

namespace slipway::connectors::apollo {

/// An Apollo portal in memory: env → app → cluster → namespace → {working
/// items, releases}, with Apollo's rules and messages (duplicate keys, missing
/// items, new clusters receiving the app's namespaces, field limits, operators
/// that must be portal users). The fake and the sandbox emulator both use it,
/// so they cannot drift apart; the emulator adds the HTTP mapping. Thread-safe.
class PortalStore final : public ApolloPortal {
 public:
  struct Options {
    std::vector<std::string> envs{"DEV", "FAT", "UAT", "PRO"};
    /// Any app referenced exists (with `default` and `application`): the
    /// sandbox's convenience. Off, apps come from AddApp.
    bool auto_create_apps = false;
    /// Portal users allowed as operators; empty accepts anyone non-empty.
    std::set<std::string> users;
  };
  PortalStore();
  explicit PortalStore(Options options);

  /// Registers an app in every env with cluster `default` and these app
  /// namespaces (format from the suffix: "datasource.yml" → yml).
  void AddApp(const std::string& app_id,
              const std::vector<std::string>& namespaces = {"application"});
  core::Result<ApolloItem> GetItem(const ApolloNamespaceRef& ns, std::string_view key);

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

  boost::json::value ToJson() const;
  void Reset();

 private:
  struct Namespace {
    ApolloNamespace info;  ///< items kept in insertion order, as the portal shows them
    std::vector<ApolloRelease> releases;
  };
  struct Cluster {
    ApolloCluster info;
    std::map<std::string, Namespace, std::less<>> namespaces;
  };
  struct App {
    std::map<std::string, std::string> app_namespaces;  ///< name → format
    std::map<std::string, Cluster, std::less<>> clusters;
  };
  using Env = std::map<std::string, App, std::less<>>;

  core::Result<App*> FindApp(std::string_view env, std::string_view app_id);
  core::Result<Cluster*> FindCluster(std::string_view env, std::string_view app_id,
                                     std::string_view cluster);
  core::Result<Namespace*> FindNamespace(const ApolloNamespaceRef& ns);
  core::Status CheckOperator(std::string_view operator_name) const;
  void AddAppLocked(const std::string& app_id, const std::vector<std::string>& namespaces);

  Options options_;
  mutable std::mutex mutex_;
  std::map<std::string, Env, std::less<>> envs_;
  std::int64_t next_release_id_ = 1;
};

/// Apollo's format of a namespace name: its suffix, else "properties".
std::string NamespaceFormat(std::string_view name);
/// Now in Apollo's timestamp form, "2016-08-11T12:06:41.818+0000".
std::string ApolloNow();

}  // namespace slipway::connectors::apollo
