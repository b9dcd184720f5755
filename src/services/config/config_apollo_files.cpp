// Configuration files in Apollo (Portal Open API): app id = the application,
// cluster = the Slipway cluster (created on the first publish), namespace =
// the file. Properties files are one item per key; other formats are the
// single item `content`, as Apollo keeps them. A publish makes the working
// items equal the file, then releases the namespace. A deletion removes the
// items and releases the namespace empty (kApolloDeletionTitleSuffix): the
// Open API has no call that deletes a namespace.
#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "core/config/config_diff.hpp"
#include "core/config/config_file.hpp"
#include "core/config/properties.hpp"
#include "services/config/config_backend.hpp"

namespace slipway::services {

namespace {

using Items = std::map<std::string, std::string>;

// Apollo's limits: ClusterName and AppNamespace.Name are varchar(32); items
// are checked in Java characters (UTF-16 units).
constexpr std::size_t kMaxClusterName = 32;
constexpr std::size_t kMaxNamespaceName = 32;
constexpr std::size_t kMaxKey = 128;
constexpr std::size_t kMaxValue = 20'000;

std::size_t Utf16Length(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;  // a character starts here
    if ((c & 0xF8) == 0xF0) ++n;  // beyond the BMP: a surrogate pair
  }
  return n;
}

// The Apollo format and namespace of a file: `x.properties` → properties `x`;
// `x.yml|yaml|json|xml|txt` → that format, namespace `x.<ext>` (the portal
// names non-properties namespaces with their suffix). nullopt: not storable.
struct NamespaceName {
  std::string base;    ///< as the portal's create call takes it
  std::string format;  ///< Apollo's format name
  std::string full;    ///< the namespace name
};

std::optional<NamespaceName> NamespaceOf(const std::string& file) {
  auto dot = file.rfind('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;
  std::string base = file.substr(0, dot), ext = file.substr(dot + 1);
  static const std::vector<std::string> kFormats = {"properties", "yml", "yaml",
                                                    "json",       "xml", "txt"};
  if (std::find(kFormats.begin(), kFormats.end(), ext) == kFormats.end()) return std::nullopt;
  for (const auto& f : kFormats) {
    if (base.size() > f.size() && base.ends_with("." + f)) return std::nullopt;  // "a.json.yaml"
  }
  return NamespaceName{base, ext, ext == "properties" ? base : file};
}

std::string FileOf(const connectors::ApolloNamespace& ns) {
  return ns.format == "properties" ? ns.name + ".properties" : ns.name;
}

// The file text of a set of items: properties rendered, else the `content` item.
std::string ContentOf(core::ConfigFormat format, const Items& items) {
  if (format == core::ConfigFormat::kProperties) return core::RenderProperties(items);
  auto it = items.find("content");
  return it == items.end() ? "" : it->second;
}

// What the items of `file` must be for `content` (validated beforehand).
Items ItemsOf(const std::string& file, const std::string& content) {
  if (core::ConfigFormatOf(file) != core::ConfigFormat::kProperties) return {{"content", content}};
  auto parsed = core::ParseProperties(content);
  return parsed.ok() ? core::PropertiesMap(*parsed) : Items{};
}

core::Status CheckItems(const std::string& file, std::string_view content) {
  if (core::ConfigFormatOf(file) != core::ConfigFormat::kProperties) {
    if (Utf16Length(content) > kMaxValue) {
      return core::Invalid("Apollo items hold at most 20000 characters", {{"field", "content"}});
    }
    return core::Ok{};
  }
  auto parsed = core::ParseProperties(content);
  if (!parsed.ok()) return parsed.error();
  for (const auto& p : *parsed) {
    if (Utf16Length(p.key) > kMaxKey || Utf16Length(p.value) > kMaxValue) {
      return core::Invalid("line " + std::to_string(p.line) +
                               ": Apollo keys hold at most 128 characters and values "
                               "at most 20000",
                           {{"field", "content"}, {"line", p.line}});
    }
  }
  return core::Ok{};
}

class ApolloFiles final : public ConfigFiles {
 public:
  ApolloFiles(std::shared_ptr<connectors::ApolloPortal> portal, std::string env,
              ConfigTarget target, std::string operator_name)
      : portal_(std::move(portal)),
        env_(std::move(env)),
        target_(std::move(target)),
        operator_(std::move(operator_name)) {}

  core::ConfigBackend backend() const override { return core::ConfigBackend::kApollo; }

  std::string Location(const std::string& file) const override {
    auto ns = NamespaceOf(file);
    return env_ + "/" + target_.app + "/" + target_.cluster + "/" + (ns ? ns->full : file);
  }

  core::Status CheckWritable(const std::string& file, std::string_view content) const override {
    auto ns = NamespaceOf(file);
    if (!ns) {
      return core::Invalid(
          "Apollo namespaces are name.properties or end in .yml, .yaml, .json, .xml or .txt (once)",
          {{"field", "name"}});
    }
    if (ns->full.size() > kMaxNamespaceName) {
      return core::Invalid("Apollo namespace names are at most 32 characters", {{"field", "name"}});
    }
    if (target_.cluster.size() > kMaxClusterName) {
      return core::Conflict("Apollo cluster names are at most 32 characters; cluster " +
                            target_.cluster + " is longer");
    }
    return CheckItems(file, content);
  }

  core::Result<std::vector<LiveFile>> List() override {
    auto namespaces = portal_->ListNamespaces(env_, target_.app, target_.cluster);
    if (!namespaces.ok()) {
      // No such cluster (or app) yet: nothing is live here; the first publish creates it.
      if (namespaces.error().code == core::Code::kNotFound) return std::vector<LiveFile>{};
      return namespaces.error();
    }
    std::vector<LiveFile> out;
    for (const auto& ns : *namespaces) {
      // Public namespaces belong to another application.
      if (ns.is_public || core::CheckConfigFileName(FileOf(ns))) continue;
      auto release = LatestRelease(FileOf(ns));
      if (!release.ok()) return release.error();
      // A file Slipway deleted is not listed; a namespace never released is
      // (not live): someone created it in Apollo.
      if (*release && IsDeletion(**release)) continue;
      out.push_back(LiveOf(FileOf(ns), *release));
    }
    std::sort(out.begin(), out.end(),
              [](const LiveFile& a, const LiveFile& b) { return a.name < b.name; });
    return out;
  }

  core::Result<LiveFile> Read(const std::string& file) override {
    auto release = LiveRelease(file);
    if (!release.ok()) return release.error();
    return LiveOf(file, *release);
  }

  core::Result<std::int64_t> Write(const std::string& file, const std::string& content,
                                   std::int64_t base_version, const PublishMeta& meta) override {
    // Apollo has no conditional release: checking the latest release right
    // before writing narrows the window a concurrent publish could slip
    // through, but cannot close it.
    auto release = LiveRelease(file);
    if (!release.ok()) return release.error();
    if ((*release ? (*release)->id : 0) != base_version) {
      return core::Conflict("the live value of " + file + " changed since the draft was taken");
    }
    const std::string by = Operator(meta);
    auto ns = EnsureNamespace(file, by);
    if (!ns.ok()) return ns.error();
    const Items working = WorkingItems(*ns);
    const Items desired = ItemsOf(file, content);
    const Items released = *release ? (*release)->configurations : Items{};
    // Items someone edited in the portal but did not release would be
    // released (or overwritten) by this publish. Working items equal to the
    // draft are this publish's own, left by an attempt that failed before
    // releasing.
    if (working != released && working != desired) {
      return core::Conflict(
          file + " has unreleased changes in Apollo; release or revert them there first",
          {{"reason", "unreleased_changes"}});
    }
    if (auto applied = Apply(Ref(file), working, desired, by); !applied.ok())
      return applied.error();
    auto published = portal_->Publish(Ref(file), meta.title, Comment(meta, by), by);
    if (!published.ok()) return published.error();
    return published->id;
  }

  core::Status Delete(const std::string& file, std::int64_t base_version,
                      const PublishMeta& meta) override {
    // As in Write: the check narrows the window, Apollo cannot close it.
    auto release = LiveRelease(file);
    if (!release.ok()) return release.error();
    if (!*release || (*release)->id != base_version) {
      return core::Conflict("the live value of " + file + " changed since it was read");
    }
    auto ns = portal_->GetNamespace(Ref(file));
    if (!ns.ok()) return ns.error();
    const Items working = WorkingItems(*ns);
    // Items added or changed in the portal but not released are someone's
    // work in progress: refused as a publish refuses them. Released items
    // already gone from the working set are this deletion's own, left by an
    // attempt that failed before releasing (or a deletion in progress there).
    for (const auto& [key, value] : working) {
      auto it = (*release)->configurations.find(key);
      if (it == (*release)->configurations.end() || it->second != value) {
        return core::Conflict(
            file + " has unreleased changes in Apollo; release or revert them there first",
            {{"reason", "unreleased_changes"}});
      }
    }
    const std::string by = Operator(meta);
    if (auto applied = Apply(Ref(file), working, {}, by); !applied.ok()) return applied;
    std::string title = meta.title;
    if (!title.ends_with(kApolloDeletionTitleSuffix)) title += kApolloDeletionTitleSuffix;
    auto published = portal_->Publish(Ref(file), title, Comment(meta, by), by);
    if (!published.ok()) return published.error();
    return core::Ok{};
  }

 private:
  connectors::ApolloNamespaceRef Ref(const std::string& file) const {
    auto ns = NamespaceOf(file);
    return {env_, target_.app, target_.cluster, ns ? ns->full : file};
  }

  std::string Operator(const PublishMeta& meta) const {
    return operator_.empty() ? meta.actor : operator_;
  }

  // The release comment, naming the Slipway user when a service operator releases.
  static std::string Comment(const PublishMeta& meta, const std::string& by) {
    std::string comment = meta.comment;
    if (by != meta.actor)
      comment += (comment.empty() ? "" : " ") + std::string("(by ") + meta.actor + " via Slipway)";
    return comment;
  }

  static Items WorkingItems(const connectors::ApolloNamespace& ns) {
    Items working;
    for (const auto& item : ns.items) {
      if (!item.key.empty()) working[item.key] = item.value;  // key-less items are comment lines
    }
    return working;
  }

  static bool IsDeletion(const connectors::ApolloRelease& release) {
    return release.configurations.empty() && release.title.ends_with(kApolloDeletionTitleSuffix);
  }

  static LiveFile LiveOf(const std::string& file,
                         const std::optional<connectors::ApolloRelease>& release) {
    if (!release || IsDeletion(*release)) return LiveFile{file, false, 0, ""};
    return LiveFile{file, true, release->id,
                    ContentOf(core::ConfigFormatOf(file), release->configurations)};
  }

  // The release applications read as the file: none when never released or deleted.
  core::Result<std::optional<connectors::ApolloRelease>> LiveRelease(const std::string& file) {
    auto release = LatestRelease(file);
    if (release.ok() && *release && IsDeletion(**release)) {
      return std::optional<connectors::ApolloRelease>{};
    }
    return release;
  }

  core::Result<std::optional<connectors::ApolloRelease>> LatestRelease(const std::string& file) {
    auto release = portal_->LatestRelease(Ref(file));
    // No such cluster or namespace: nothing is live.
    if (!release.ok() && release.error().code == core::Code::kNotFound) {
      return std::optional<connectors::ApolloRelease>{};
    }
    return release;
  }

  // The namespace, creating the cluster and the app namespace when missing.
  // A concurrent creator's `conflict` is as good as creating it here.
  core::Result<connectors::ApolloNamespace> EnsureNamespace(const std::string& file,
                                                            const std::string& by) {
    const auto name = *NamespaceOf(file);
    if (auto cluster = portal_->GetCluster(env_, target_.app, target_.cluster); !cluster.ok()) {
      if (cluster.error().code != core::Code::kNotFound) return cluster.error();
      auto created = portal_->CreateCluster(env_, target_.app, target_.cluster, by);
      if (!created.ok() && created.error().code != core::Code::kConflict) return created.error();
    }
    auto ns = portal_->GetNamespace(Ref(file));
    if (ns.ok() || ns.error().code != core::Code::kNotFound) return ns;
    auto created = portal_->CreateAppNamespace(target_.app, name.base, name.format, by);
    if (!created.ok() && created.error().code != core::Code::kConflict) return created.error();
    return portal_->GetNamespace(Ref(file));
  }

  core::Status Apply(const connectors::ApolloNamespaceRef& ref, const Items& working,
                     const Items& desired, const std::string& by) {
    for (const auto& change : core::DiffKeys(working, desired)) {
      if (!change.to) {
        auto deleted = portal_->DeleteItem(ref, change.key, by);
        if (!deleted.ok() && deleted.error().code != core::Code::kNotFound) return deleted.error();
        continue;
      }
      connectors::ApolloItem item;
      item.key = change.key;
      item.value = *change.to;
      if (auto updated = portal_->UpdateItem(ref, item, by, true); !updated.ok())
        return updated.error();
    }
    return core::Ok{};
  }

  std::shared_ptr<connectors::ApolloPortal> portal_;
  std::string env_;
  ConfigTarget target_;
  std::string operator_;
};

}  // namespace

std::unique_ptr<ConfigFiles> ApolloConfigFiles(std::shared_ptr<connectors::ApolloPortal> portal,
                                               std::string apollo_env, const ConfigTarget& target,
                                               std::string operator_name) {
  return std::make_unique<ApolloFiles>(std::move(portal), std::move(apollo_env), target,
                                       std::move(operator_name));
}

}  // namespace slipway::services
