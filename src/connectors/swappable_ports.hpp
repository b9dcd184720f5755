#pragma once
// The ports of the systems admins may connect through the API, each behind a
// Swappable (swappable.hpp): every method passes the call to the current client.
#include <deque>
#include <mutex>

#include "connectors/apollo.hpp"
#include "connectors/consul.hpp"
#include "connectors/dns.hpp"
#include "connectors/gitlab.hpp"
#include "connectors/jenkins.hpp"
#include "connectors/registry.hpp"
#include "connectors/swappable.hpp"
#include "connectors/tapd.hpp"

namespace slipway::connectors {

class SwappableJenkins final : public Jenkins, public Swappable<Jenkins> {
 public:
  using Swappable::Swappable;
  core::Status CreateFolder(std::string_view path) override {
    return Call([&](Jenkins& c) { return c.CreateFolder(path); });
  }
  core::Status CreateJob(std::string_view path, std::string_view config_xml) override {
    return Call([&](Jenkins& c) { return c.CreateJob(path, config_xml); });
  }
  core::Result<JenkinsItem> GetItem(std::string_view path) override {
    return Call([&](Jenkins& c) { return c.GetItem(path); });
  }
  core::Result<std::string> GetJobConfig(std::string_view path) override {
    return Call([&](Jenkins& c) { return c.GetJobConfig(path); });
  }
  core::Status DeleteItem(std::string_view path) override {
    return Call([&](Jenkins& c) { return c.DeleteItem(path); });
  }
  core::Result<std::int64_t> TriggerBuild(std::string_view path,
                                          const std::map<std::string, std::string>& parameters,
                                          int quiet_period_s) override {
    return Call([&](Jenkins& c) { return c.TriggerBuild(path, parameters, quiet_period_s); });
  }
  core::Result<JenkinsQueueItem> GetQueueItem(std::int64_t id) override {
    return Call([&](Jenkins& c) { return c.GetQueueItem(id); });
  }
  core::Status CancelQueueItem(std::int64_t id) override {
    return Call([&](Jenkins& c) { return c.CancelQueueItem(id); });
  }
  core::Result<JenkinsBuild> GetBuild(std::string_view path, std::int64_t number) override {
    return Call([&](Jenkins& c) { return c.GetBuild(path, number); });
  }
  core::Result<JenkinsConsoleChunk> ReadConsole(std::string_view path, std::int64_t number,
                                                std::int64_t start) override {
    return Call([&](Jenkins& c) { return c.ReadConsole(path, number, start); });
  }
  core::Status StopBuild(std::string_view path, std::int64_t number) override {
    return Call([&](Jenkins& c) { return c.StopBuild(path, number); });
  }
};

class SwappableRegistry final : public Registry, public Swappable<Registry> {
 public:
  using Swappable::Swappable;
  core::Status Ping() override {
    return Call([&](Registry& c) { return c.Ping(); });
  }
  core::Result<ManifestInfo> HeadManifest(std::string_view repository,
                                          std::string_view reference) override {
    return Call([&](Registry& c) { return c.HeadManifest(repository, reference); });
  }
  core::Result<ManifestInfo> GetManifest(std::string_view repository,
                                         std::string_view reference) override {
    return Call([&](Registry& c) { return c.GetManifest(repository, reference); });
  }
  core::Result<std::vector<std::string>> ListTags(std::string_view repository,
                                                  int page_size) override {
    return Call([&](Registry& c) { return c.ListTags(repository, page_size); });
  }
  core::Status DeleteManifest(std::string_view repository, std::string_view digest) override {
    return Call([&](Registry& c) { return c.DeleteManifest(repository, digest); });
  }
  core::Result<ManifestInfo> PushImage(std::string_view repository, std::string_view tag) override {
    return Call([&](Registry& c) { return c.PushImage(repository, tag); });
  }
};

class SwappableApollo final : public ApolloPortal, public Swappable<ApolloPortal> {
 public:
  using Swappable::Swappable;
  core::Result<ApolloCluster> GetCluster(std::string_view env, std::string_view app_id,
                                         std::string_view cluster) override {
    return Call([&](ApolloPortal& c) { return c.GetCluster(env, app_id, cluster); });
  }
  core::Result<ApolloCluster> CreateCluster(std::string_view env, std::string_view app_id,
                                            std::string_view cluster,
                                            std::string_view operator_name) override {
    return Call(
        [&](ApolloPortal& c) { return c.CreateCluster(env, app_id, cluster, operator_name); });
  }
  core::Status DeleteCluster(std::string_view env, std::string_view app_id,
                             std::string_view cluster, std::string_view operator_user) override {
    return Call(
        [&](ApolloPortal& c) { return c.DeleteCluster(env, app_id, cluster, operator_user); });
  }
  core::Result<std::string> CreateAppNamespace(std::string_view app_id, std::string_view name,
                                               std::string_view format,
                                               std::string_view operator_name) override {
    return Call(
        [&](ApolloPortal& c) { return c.CreateAppNamespace(app_id, name, format, operator_name); });
  }
  core::Result<std::vector<ApolloNamespace>> ListNamespaces(std::string_view env,
                                                            std::string_view app_id,
                                                            std::string_view cluster) override {
    return Call([&](ApolloPortal& c) { return c.ListNamespaces(env, app_id, cluster); });
  }
  core::Result<ApolloNamespace> GetNamespace(const ApolloNamespaceRef& ns) override {
    return Call([&](ApolloPortal& c) { return c.GetNamespace(ns); });
  }
  core::Result<ApolloItem> CreateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                      std::string_view operator_name) override {
    return Call([&](ApolloPortal& c) { return c.CreateItem(ns, item, operator_name); });
  }
  core::Status UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                          std::string_view operator_name, bool create_if_missing) override {
    return Call(
        [&](ApolloPortal& c) { return c.UpdateItem(ns, item, operator_name, create_if_missing); });
  }
  core::Status DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                          std::string_view operator_name) override {
    return Call([&](ApolloPortal& c) { return c.DeleteItem(ns, key, operator_name); });
  }
  core::Result<ApolloRelease> Publish(const ApolloNamespaceRef& ns, std::string_view title,
                                      std::string_view comment,
                                      std::string_view released_by) override {
    return Call([&](ApolloPortal& c) { return c.Publish(ns, title, comment, released_by); });
  }
  core::Result<std::optional<ApolloRelease>> LatestRelease(const ApolloNamespaceRef& ns) override {
    return Call([&](ApolloPortal& c) { return c.LatestRelease(ns); });
  }
};

class SwappableConsul final : public ConsulKv, public Swappable<ConsulKv> {
 public:
  using Swappable::Swappable;
  core::Result<KvEntry> Get(std::string_view key) override {
    return Call([&](ConsulKv& c) { return c.Get(key); });
  }
  core::Result<KvSnapshot> List(std::string_view prefix, const Blocking& blocking) override {
    return Call([&](ConsulKv& c) { return c.List(prefix, blocking); });
  }
  core::Result<KvSnapshot> Watch(std::string_view key, const Blocking& blocking) override {
    return Call([&](ConsulKv& c) { return c.Watch(key, blocking); });
  }
  core::Result<std::vector<std::string>> Keys(std::string_view prefix,
                                              std::string_view separator) override {
    return Call([&](ConsulKv& c) { return c.Keys(prefix, separator); });
  }
  core::Status Put(std::string_view key, std::string_view value,
                   std::optional<std::uint64_t> cas) override {
    return Call([&](ConsulKv& c) { return c.Put(key, value, cas); });
  }
  core::Status Delete(std::string_view key, std::optional<std::uint64_t> cas) override {
    return Call([&](ConsulKv& c) { return c.Delete(key, cas); });
  }
  core::Status DeleteTree(std::string_view prefix) override {
    return Call([&](ConsulKv& c) { return c.DeleteTree(prefix); });
  }
};

class SwappableGitLab final : public GitLab, public Swappable<GitLab> {
 public:
  using Swappable::Swappable;
  core::Result<GitLabProject> GetProject(std::string_view project) override {
    return Call([&](GitLab& c) { return c.GetProject(project); });
  }
  core::Result<GitLabBranch> GetBranch(std::string_view project, std::string_view branch) override {
    return Call([&](GitLab& c) { return c.GetBranch(project, branch); });
  }
  core::Result<std::vector<GitLabBranch>> ListBranches(std::string_view project) override {
    return Call([&](GitLab& c) { return c.ListBranches(project); });
  }
  core::Result<GitLabBranch> CreateBranch(std::string_view project, std::string_view branch,
                                          std::string_view ref) override {
    return Call([&](GitLab& c) { return c.CreateBranch(project, branch, ref); });
  }
  core::Status DeleteBranch(std::string_view project, std::string_view branch) override {
    return Call([&](GitLab& c) { return c.DeleteBranch(project, branch); });
  }
  core::Result<GitLabHook> CreateHook(std::string_view project,
                                      const NewGitLabHook& hook) override {
    return Call([&](GitLab& c) { return c.CreateHook(project, hook); });
  }
  core::Result<std::vector<GitLabHook>> ListHooks(std::string_view project) override {
    return Call([&](GitLab& c) { return c.ListHooks(project); });
  }
  core::Status DeleteHook(std::string_view project, std::int64_t hook_id) override {
    return Call([&](GitLab& c) { return c.DeleteHook(project, hook_id); });
  }
};

class SwappableTapd final : public Tapd, public Swappable<Tapd> {
 public:
  using Swappable::Swappable;
  core::Result<TapdStory> GetStory(std::string_view workspace_id,
                                   std::string_view story_id) override {
    return Call([&](Tapd& c) { return c.GetStory(workspace_id, story_id); });
  }
};

class SwappableDns final : public DnsZone, public Swappable<DnsZone> {
 public:
  using Swappable::Swappable;
  /// Callers may keep the reference across a swap: every apex seen is kept.
  const std::string& zone() const override {
    std::lock_guard lock(zones_mutex_);
    const auto client = Current();
    const std::string apex = client ? client->zone() : std::string();
    if (zones_.empty() || zones_.back() != apex) zones_.push_back(apex);
    return zones_.back();
  }
  core::Status Add(const DnsRecord& record) override {
    return Call([&](DnsZone& c) { return c.Add(record); });
  }
  core::Status Create(const DnsRecord& record) override {
    return Call([&](DnsZone& c) { return c.Create(record); });
  }
  core::Status Replace(const DnsRecord& record) override {
    return Call([&](DnsZone& c) { return c.Replace(record); });
  }
  core::Status Delete(std::string_view name, DnsType type) override {
    return Call([&](DnsZone& c) { return c.Delete(name, type); });
  }
  core::Result<std::vector<DnsRecord>> Query(std::string_view name, DnsType type) override {
    return Call([&](DnsZone& c) { return c.Query(name, type); });
  }

 private:
  mutable std::mutex zones_mutex_;
  mutable std::deque<std::string> zones_;
};

}  // namespace slipway::connectors
