#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// One configuration item. Non-properties namespaces (yml, json, txt…) hold
/// the whole file in a single item with key "content".
struct ApolloItem {
  std::string key;
  std::string value;
  std::string comment;
  std::string created_by;
  std::string modified_by;
  std::string created_time;  ///< Apollo's "2016-08-11T12:06:41.818+0800"
  std::string modified_time;
};

struct ApolloCluster {
  std::string name;
  std::string app_id;
  std::string created_by;
};

/// A namespace with its working (unpublished) items.
struct ApolloNamespace {
  std::string app_id;
  std::string cluster;
  std::string name;
  std::string format;  ///< properties, yml, yaml, json, xml, txt
  std::string comment;
  bool is_public = false;
  std::vector<ApolloItem> items;
};

/// A published snapshot of a namespace's items.
struct ApolloRelease {
  std::int64_t id = 0;
  std::string app_id;
  std::string cluster;
  std::string namespace_name;
  std::string title;  ///< Apollo's release "name"
  std::string comment;
  std::string released_by;
  std::map<std::string, std::string> configurations;
};

/// Where a namespace lives: environment (DEV, FAT, UAT, PRO…), app, cluster
/// (normally "default"; lanes use one named after the branch), namespace.
struct ApolloNamespaceRef {
  std::string env;
  std::string app_id;
  std::string cluster = "default";
  std::string name = "application";
};

/// Apollo's Portal Open API: what Slipway needs to write configuration and
/// publish it (Config issue), and to give a lane its own cluster (R-LANE-7,
/// services/lanes/lane_artefacts.cpp). Every write names the operator,
/// which must be an existing portal user.
///
/// Errors: bad or missing token → unauthenticated; token not granted for the
/// app/namespace → forbidden; unknown app, cluster, namespace or item →
/// not_found; duplicates (Apollo's 400 "… already exists …") → conflict; other
/// 400 → invalid; 429 and 5xx → transient. Messages keep Apollo's text.
/// Reads and item update/delete are retried on transient failures; creates and
/// publishes are sent once. Implementations are thread-safe.
class ApolloPortal {
 public:
  virtual ~ApolloPortal() = default;

  virtual core::Result<ApolloCluster> GetCluster(std::string_view env, std::string_view app_id,
                                                 std::string_view cluster) = 0;
  /// Creates an empty cluster (the portal gives it the app's namespaces,
  /// without items). conflict when it exists.
  virtual core::Result<ApolloCluster> CreateCluster(std::string_view env, std::string_view app_id,
                                                    std::string_view cluster,
                                                    std::string_view operator_name) = 0;
  /// Deletes a cluster with its namespaces, items and releases (clients of
  /// the app then fall back to `default`). not_found when absent; invalid
  /// for `default`, which Apollo never deletes.
  virtual core::Status DeleteCluster(std::string_view env, std::string_view app_id,
                                     std::string_view cluster, std::string_view operator_user) = 0;
  /// Creates the private app namespace `name` with `format` (properties, xml,
  /// json, yml, yaml, txt) and returns its full name: Apollo appends
  /// "." + format to every format but properties ("app" + yaml → "app.yaml"),
  /// and so refuses names that already end in such a suffix. The portal
  /// creates the namespace in every cluster of every env, empty. conflict
  /// when the app already has it; invalid for a bad name or format.
  virtual core::Result<std::string> CreateAppNamespace(std::string_view app_id,
                                                       std::string_view name,
                                                       std::string_view format,
                                                       std::string_view operator_name) = 0;
  /// The cluster's namespaces with their working items.
  virtual core::Result<std::vector<ApolloNamespace>> ListNamespaces(std::string_view env,
                                                                    std::string_view app_id,
                                                                    std::string_view cluster) = 0;
  virtual core::Result<ApolloNamespace> GetNamespace(const ApolloNamespaceRef& ns) = 0;

  /// Adds an item; conflict when the key exists.
  virtual core::Result<ApolloItem> CreateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                              std::string_view operator_name) = 0;
  /// Changes an item's value/comment; not_found when absent unless
  /// `create_if_missing`. Idempotent.
  virtual core::Status UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                  std::string_view operator_name,
                                  bool create_if_missing = false) = 0;
  /// Removes an item; not_found when absent.
  virtual core::Status DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                                  std::string_view operator_name) = 0;

  /// Publishes the working items (they become visible to applications).
  virtual core::Result<ApolloRelease> Publish(const ApolloNamespaceRef& ns, std::string_view title,
                                              std::string_view comment,
                                              std::string_view released_by) = 0;
  /// The latest active release; nullopt when the namespace was never released.
  virtual core::Result<std::optional<ApolloRelease>> LatestRelease(
      const ApolloNamespaceRef& ns) = 0;
};

}  // namespace slipway::connectors
