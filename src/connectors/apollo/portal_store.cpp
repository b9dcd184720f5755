#include "connectors/apollo/portal_store.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <chrono>

#include "core/common/clock.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::apollo {

namespace {

// Apollo's field limits (portal validation).
constexpr std::size_t kMaxKey = 128;
constexpr std::size_t kMaxValue = 20'000;
constexpr std::size_t kMaxComment = 256;
constexpr std::size_t kMaxTitle = 64;

std::vector<ApolloItem>::iterator FindItem(std::vector<ApolloItem>& items, std::string_view key) {
  return std::find_if(items.begin(), items.end(),
                      [&](const ApolloItem& i) { return i.key == key; });
}

core::Status CheckItem(const ApolloItem& item) {
  if (item.key.empty()) return core::Invalid("item key can not be empty");
  if (item.key.size() > kMaxKey)
    return core::Invalid("key too long. length limit:" + std::to_string(kMaxKey));
  if (item.value.size() > kMaxValue) {
    return core::Invalid("value too long. length limit:" + std::to_string(kMaxValue));
  }
  if (item.comment.size() > kMaxComment) return core::Invalid("comment too long. length limit:256");
  return core::Ok{};
}

// Apollo's InputValidator for app namespaces: the portal appends the format's
// suffix itself, so a name may not already carry one.
bool ValidAppNamespaceName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-')
      return false;
  }
  for (std::string_view suffix : {".json", ".yml", ".yaml", ".xml", ".properties"}) {
    if (name.ends_with(suffix)) return false;
  }
  return true;
}

}  // namespace

std::string NamespaceFormat(std::string_view name) {
  for (std::string_view f : {"yml", "yaml", "json", "xml", "txt"}) {
    if (name.size() > f.size() + 1 && name.ends_with(f) &&
        name[name.size() - f.size() - 1] == '.') {
      return std::string(f);
    }
  }
  return "properties";
}

// The portal writes Java's "yyyy-MM-dd'T'HH:mm:ss.SSSZ": an RFC 3339 instant
// whose zone is "+0000" rather than "Z".
std::string ApolloNow() {
  std::string text = core::Rfc3339Millis(core::SystemClock().Now());
  text.pop_back();
  return text + "+0000";
}

PortalStore::PortalStore() : PortalStore(Options{}) {}

PortalStore::PortalStore(Options options) : options_(std::move(options)) { Reset(); }

void PortalStore::Reset() {
  std::lock_guard lock(mutex_);
  envs_.clear();
  for (const auto& env : options_.envs) envs_[env];
  next_release_id_ = 1;
}

void PortalStore::AddApp(const std::string& app_id, const std::vector<std::string>& namespaces) {
  std::lock_guard lock(mutex_);
  AddAppLocked(app_id, namespaces);
}

void PortalStore::AddAppLocked(const std::string& app_id,
                               const std::vector<std::string>& namespaces) {
  for (auto& [env, apps] : envs_) {
    App& app = apps[app_id];
    for (const auto& ns : namespaces) app.app_namespaces[ns] = NamespaceFormat(ns);
    Cluster& cluster = app.clusters["default"];
    cluster.info = {"default", app_id, "apollo"};
    for (const auto& [name, format] : app.app_namespaces) {
      auto& n = cluster.namespaces[name];
      n.info.app_id = app_id;
      n.info.cluster = "default";
      n.info.name = name;
      n.info.format = format;
    }
  }
}

core::Result<PortalStore::App*> PortalStore::FindApp(std::string_view env,
                                                     std::string_view app_id) {
  auto e = envs_.find(env);
  if (e == envs_.end()) return core::Invalid("env " + std::string(env) + " not exists");
  auto a = e->second.find(app_id);
  if (a == e->second.end()) {
    if (!options_.auto_create_apps)
      return core::NotFound("App not found, appId:" + std::string(app_id));
    AddAppLocked(std::string(app_id), {"application"});
    a = e->second.find(app_id);
  }
  return &a->second;
}

core::Result<PortalStore::Cluster*> PortalStore::FindCluster(std::string_view env,
                                                             std::string_view app_id,
                                                             std::string_view cluster) {
  auto app = FindApp(env, app_id);
  if (!app.ok()) return app.error();
  auto c = (*app)->clusters.find(cluster);
  if (c == (*app)->clusters.end()) {
    return core::NotFound("Cluster not exist, appId:" + std::string(app_id) +
                          ", clusterName:" + std::string(cluster));
  }
  return &c->second;
}

core::Result<PortalStore::Namespace*> PortalStore::FindNamespace(const ApolloNamespaceRef& ns) {
  auto cluster = FindCluster(ns.env, ns.app_id, ns.cluster);
  if (!cluster.ok()) return cluster.error();
  auto n = (*cluster)->namespaces.find(ns.name);
  if (n == (*cluster)->namespaces.end()) return core::NotFound("namespace not exist.");
  return &n->second;
}

core::Status PortalStore::CheckOperator(std::string_view operator_name) const {
  if (operator_name.empty()) return core::Invalid("operator should not be null or empty");
  if (!options_.users.empty() && !options_.users.contains(std::string(operator_name))) {
    return core::Invalid("user " + std::string(operator_name) + " not exists");
  }
  return core::Ok{};
}

core::Result<ApolloCluster> PortalStore::GetCluster(std::string_view env, std::string_view app_id,
                                                    std::string_view cluster) {
  std::lock_guard lock(mutex_);
  auto c = FindCluster(env, app_id, cluster);
  if (!c.ok()) return c.error();
  return (*c)->info;
}

core::Result<ApolloCluster> PortalStore::CreateCluster(std::string_view env,
                                                       std::string_view app_id,
                                                       std::string_view cluster,
                                                       std::string_view operator_name) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(operator_name); !ok.ok()) return ok.error();
  if (cluster.empty() || cluster.size() > 32)
    return core::Invalid("Cluster name must be 1 to 32 characters");
  // Apollo's InputValidator: a git branch like "feature/x" is no cluster name.
  for (char c : cluster) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') {
      return core::Invalid("Invalid Cluster format: only letters, digits and - _ . are allowed");
    }
  }
  auto app = FindApp(env, app_id);
  if (!app.ok()) return app.error();
  if ((*app)->clusters.contains(cluster)) {
    return core::Conflict("cluster already exists for clusterName:" + std::string(cluster));
  }
  Cluster& c = (*app)->clusters[std::string(cluster)];
  c.info = {std::string(cluster), std::string(app_id), std::string(operator_name)};
  for (const auto& [name, format] : (*app)->app_namespaces) {
    auto& n = c.namespaces[name];
    n.info = {std::string(app_id), std::string(cluster), name, format, "", false, {}};
  }
  return c.info;
}

core::Status PortalStore::DeleteCluster(std::string_view env, std::string_view app_id,
                                        std::string_view cluster, std::string_view operator_user) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(operator_user); !ok.ok()) return ok.error();
  auto c = FindCluster(env, app_id, cluster);
  if (!c.ok()) return c.error();
  if (cluster == "default") return core::Invalid("can not delete default cluster!");
  auto app = FindApp(env, app_id);
  (*app)->clusters.erase((*app)->clusters.find(cluster));
  return core::Ok{};
}

core::Result<std::string> PortalStore::CreateAppNamespace(std::string_view app_id,
                                                          std::string_view name,
                                                          std::string_view format,
                                                          std::string_view operator_name) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(operator_name); !ok.ok()) return ok.error();
  if (!ValidAppNamespaceName(name)) {
    return core::Invalid(
        "Invalid Namespace format: only letters, digits and - _ . are allowed, and no "
        ".json/.yml/.yaml/.xml/.properties suffix");
  }
  if (format != "properties" && format != "xml" && format != "json" && format != "yml" &&
      format != "yaml" && format != "txt") {
    return core::Invalid("Invalid namespace format. format = " + std::string(format));
  }
  const std::string full =
      std::string(name) + (format == "properties" ? "" : "." + std::string(format));
  for (const auto& env : envs_) {
    auto app = FindApp(env.first, app_id);
    if (!app.ok()) return app.error();
    if ((*app)->app_namespaces.contains(full)) {
      return core::Conflict("Private AppNamespace " + full + " already exists.");
    }
  }
  // Like the portal's creation event: the namespace appears, empty, in every
  // cluster of every env.
  for (auto& [env, apps] : envs_) {
    App& app = apps.at(std::string(app_id));
    app.app_namespaces[full] = std::string(format);
    for (auto& [cluster_name, cluster] : app.clusters) {
      cluster.namespaces[full].info = {
          std::string(app_id), cluster_name, full, std::string(format), "", false, {}};
    }
  }
  return full;
}

core::Result<std::vector<ApolloNamespace>> PortalStore::ListNamespaces(std::string_view env,
                                                                       std::string_view app_id,
                                                                       std::string_view cluster) {
  std::lock_guard lock(mutex_);
  auto c = FindCluster(env, app_id, cluster);
  if (!c.ok()) return c.error();
  std::vector<ApolloNamespace> out;
  for (const auto& [name, n] : (*c)->namespaces) out.push_back(n.info);
  return out;
}

core::Result<ApolloNamespace> PortalStore::GetNamespace(const ApolloNamespaceRef& ns) {
  std::lock_guard lock(mutex_);
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  return (*n)->info;
}

core::Result<ApolloItem> PortalStore::GetItem(const ApolloNamespaceRef& ns, std::string_view key) {
  std::lock_guard lock(mutex_);
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  auto it = FindItem((*n)->info.items, key);
  if (it == (*n)->info.items.end())
    return core::NotFound("item not found for itemKey:" + std::string(key));
  return *it;
}

core::Result<ApolloItem> PortalStore::CreateItem(const ApolloNamespaceRef& ns,
                                                 const ApolloItem& item,
                                                 std::string_view operator_name) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(operator_name); !ok.ok()) return ok.error();
  if (auto ok = CheckItem(item); !ok.ok()) return ok.error();
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  auto& items = (*n)->info.items;
  if (FindItem(items, item.key) != items.end()) {
    return core::Conflict("item already exists for itemKey:" + item.key);
  }
  ApolloItem stored{
      item.key,    item.value, item.comment, std::string(operator_name), std::string(operator_name),
      ApolloNow(), ApolloNow()};
  items.push_back(stored);
  return stored;
}

core::Status PortalStore::UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                     std::string_view operator_name, bool create_if_missing) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(operator_name); !ok.ok()) return ok.error();
  if (auto ok = CheckItem(item); !ok.ok()) return ok.error();
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  auto& items = (*n)->info.items;
  auto it = FindItem(items, item.key);
  if (it == items.end()) {
    if (!create_if_missing) return core::NotFound("item not found for itemKey:" + item.key);
    items.push_back({item.key, item.value, item.comment, std::string(operator_name),
                     std::string(operator_name), ApolloNow(), ApolloNow()});
    return core::Ok{};
  }
  it->value = item.value;
  it->comment = item.comment;
  it->modified_by = std::string(operator_name);
  it->modified_time = ApolloNow();
  return core::Ok{};
}

core::Status PortalStore::DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                                     std::string_view operator_name) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(operator_name); !ok.ok()) return ok.error();
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  auto& items = (*n)->info.items;
  auto it = FindItem(items, key);
  if (it == items.end()) return core::NotFound("item not found for itemKey:" + std::string(key));
  items.erase(it);
  return core::Ok{};
}

core::Result<ApolloRelease> PortalStore::Publish(const ApolloNamespaceRef& ns,
                                                 std::string_view title, std::string_view comment,
                                                 std::string_view released_by) {
  std::lock_guard lock(mutex_);
  if (auto ok = CheckOperator(released_by); !ok.ok()) return ok.error();
  if (title.empty() || title.size() > kMaxTitle)
    return core::Invalid("releaseTitle must be 1 to 64 characters");
  if (comment.size() > kMaxComment)
    return core::Invalid("releaseComment too long. length limit:256");
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  ApolloRelease r;
  r.id = next_release_id_++;
  r.app_id = ns.app_id;
  r.cluster = ns.cluster;
  r.namespace_name = ns.name;
  r.title = std::string(title);
  r.comment = std::string(comment);
  r.released_by = std::string(released_by);
  for (const auto& item : (*n)->info.items) r.configurations[item.key] = item.value;
  (*n)->releases.push_back(r);
  return r;
}

core::Result<std::optional<ApolloRelease>> PortalStore::LatestRelease(
    const ApolloNamespaceRef& ns) {
  std::lock_guard lock(mutex_);
  auto n = FindNamespace(ns);
  if (!n.ok()) return n.error();
  if ((*n)->releases.empty()) return std::optional<ApolloRelease>{};
  return std::optional<ApolloRelease>{(*n)->releases.back()};
}

boost::json::value PortalStore::ToJson() const {
  std::lock_guard lock(mutex_);
  boost::json::object envs;
  for (const auto& [env, apps] : envs_) {
    boost::json::object app_json;
    for (const auto& [app_id, app] : apps) {
      boost::json::object clusters;
      for (const auto& [cname, cluster] : app.clusters) {
        boost::json::object namespaces;
        for (const auto& [nname, n] : cluster.namespaces) {
          boost::json::object items;
          for (const auto& i : n.info.items) items[i.key] = i.value;
          boost::json::array releases;
          for (const auto& r : n.releases) {
            boost::json::object conf;
            for (const auto& [k, v] : r.configurations) conf[k] = v;
            releases.push_back({{"id", r.id},
                                {"name", r.title},
                                {"comment", r.comment},
                                {"releasedBy", r.released_by},
                                {"configurations", std::move(conf)}});
          }
          namespaces[nname] = {{"format", n.info.format},
                               {"items", std::move(items)},
                               {"releases", std::move(releases)}};
        }
        clusters[cname] = std::move(namespaces);
      }
      app_json[app_id] = {{"clusters", std::move(clusters)}};
    }
    envs[env] = std::move(app_json);
  }
  return envs;
}

}  // namespace slipway::connectors::apollo
