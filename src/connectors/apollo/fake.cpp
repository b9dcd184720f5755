#include "connectors/apollo/fake.hpp"

namespace slipway::connectors::apollo {

std::optional<core::Error> FakeApolloPortal::Enter(const std::string& operation) {
  std::lock_guard lock(mutex_);
  calls_.push_back(operation);
  auto it = failures_.find(operation);
  if (it == failures_.end() || it->second.empty()) return std::nullopt;
  auto error = std::move(it->second.front());
  it->second.pop_front();
  return error;
}

void FakeApolloPortal::FailNext(const std::string& operation, core::Error error,
                                std::size_t successes) {
  std::lock_guard lock(mutex_);
  auto& coming = failures_[operation];
  coming.insert(coming.end(), successes, std::nullopt);
  coming.push_back(std::move(error));
}

std::vector<std::string> FakeApolloPortal::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

core::Result<ApolloCluster> FakeApolloPortal::GetCluster(std::string_view env,
                                                         std::string_view app_id,
                                                         std::string_view cluster) {
  if (auto e = Enter("GetCluster")) return *e;
  return store_.GetCluster(env, app_id, cluster);
}

core::Result<ApolloCluster> FakeApolloPortal::CreateCluster(std::string_view env,
                                                            std::string_view app_id,
                                                            std::string_view cluster,
                                                            std::string_view operator_name) {
  if (auto e = Enter("CreateCluster")) return *e;
  return store_.CreateCluster(env, app_id, cluster, operator_name);
}

core::Status FakeApolloPortal::DeleteCluster(std::string_view env, std::string_view app_id,
                                             std::string_view cluster,
                                             std::string_view operator_user) {
  if (auto e = Enter("DeleteCluster")) return *e;
  return store_.DeleteCluster(env, app_id, cluster, operator_user);
}

core::Result<std::string> FakeApolloPortal::CreateAppNamespace(std::string_view app_id,
                                                               std::string_view name,
                                                               std::string_view format,
                                                               std::string_view operator_name) {
  if (auto e = Enter("CreateAppNamespace")) return *e;
  return store_.CreateAppNamespace(app_id, name, format, operator_name);
}

core::Result<std::vector<ApolloNamespace>> FakeApolloPortal::ListNamespaces(
    std::string_view env, std::string_view app_id, std::string_view cluster) {
  if (auto e = Enter("ListNamespaces")) return *e;
  return store_.ListNamespaces(env, app_id, cluster);
}

core::Result<ApolloNamespace> FakeApolloPortal::GetNamespace(const ApolloNamespaceRef& ns) {
  if (auto e = Enter("GetNamespace")) return *e;
  return store_.GetNamespace(ns);
}

core::Result<ApolloItem> FakeApolloPortal::CreateItem(const ApolloNamespaceRef& ns,
                                                      const ApolloItem& item,
                                                      std::string_view operator_name) {
  if (auto e = Enter("CreateItem")) return *e;
  return store_.CreateItem(ns, item, operator_name);
}

core::Status FakeApolloPortal::UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                          std::string_view operator_name, bool create_if_missing) {
  if (auto e = Enter("UpdateItem")) return *e;
  return store_.UpdateItem(ns, item, operator_name, create_if_missing);
}

core::Status FakeApolloPortal::DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                                          std::string_view operator_name) {
  if (auto e = Enter("DeleteItem")) return *e;
  return store_.DeleteItem(ns, key, operator_name);
}

core::Result<ApolloRelease> FakeApolloPortal::Publish(const ApolloNamespaceRef& ns,
                                                      std::string_view title,
                                                      std::string_view comment,
                                                      std::string_view released_by) {
  if (auto e = Enter("Publish")) return *e;
  return store_.Publish(ns, title, comment, released_by);
}

core::Result<std::optional<ApolloRelease>> FakeApolloPortal::LatestRelease(
    const ApolloNamespaceRef& ns) {
  if (auto e = Enter("LatestRelease")) return *e;
  return store_.LatestRelease(ns);
}

}  // namespace slipway::connectors::apollo
