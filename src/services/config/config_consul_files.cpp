// Configuration files in Consul KV: one key per file, the whole file as the
// value, written with check-and-set on the ModifyIndex the draft was based on.
#include <utility>

#include "core/config/config_file.hpp"
#include "services/config/config_backend.hpp"

namespace slipway::services {

namespace {

// Consul's limit on one value.
constexpr std::size_t kMaxValueBytes = 512 * 1024;

std::string Trimmed(std::string s) {
  while (!s.empty() && s.front() == '/') s.erase(s.begin());
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

class ConsulFiles final : public ConfigFiles {
 public:
  ConsulFiles(std::shared_ptr<connectors::ConsulKv> kv, std::string dir)
      : kv_(std::move(kv)), dir_(std::move(dir)) {}

  core::ConfigBackend backend() const override { return core::ConfigBackend::kConsul; }
  std::string Location(const std::string& file) const override { return dir_ + file; }

  core::Status CheckWritable(const std::string&, std::string_view content) const override {
    if (content.size() > kMaxValueBytes) {
      return core::Invalid("Consul values are at most 512 KiB", {{"field", "content"}});
    }
    return core::Ok{};
  }

  core::Result<std::vector<LiveFile>> List() override {
    auto listed = kv_->List(dir_);
    if (!listed.ok()) return listed.error();
    std::vector<LiveFile> out;
    for (auto& entry : listed->entries) {
      std::string name = entry.key.substr(dir_.size());
      // Deeper keys ("x/y") and names Slipway could not address are someone else's.
      if (core::CheckConfigFileName(name)) continue;
      out.push_back({std::move(name), true, static_cast<std::int64_t>(entry.modify_index),
                     std::move(entry.value)});
    }
    return out;
  }

  core::Result<LiveFile> Read(const std::string& file) override {
    auto entry = kv_->Get(Location(file));
    if (!entry.ok()) {
      if (entry.error().code == core::Code::kNotFound) return LiveFile{file, false, 0, ""};
      return entry.error();
    }
    return LiveFile{file, true, static_cast<std::int64_t>(entry->modify_index),
                    std::move(entry->value)};
  }

  core::Result<std::int64_t> Write(const std::string& file, const std::string& content,
                                   std::int64_t base_version, const PublishMeta&) override {
    // cas=0 creates only; cas=N writes only over ModifyIndex N. A failed CAS
    // is a conflict and writes nothing.
    auto put = kv_->Put(Location(file), content, static_cast<std::uint64_t>(base_version));
    if (!put.ok()) return put.error();
    // Consul's PUT answers only true/false: the new ModifyIndex needs a read.
    auto after = kv_->Get(Location(file));
    if (!after.ok()) {
      return core::Error{
          core::Code::kTransient,
          "the value was written but reading back its version failed: " + after.error().message,
          {}};
    }
    return static_cast<std::int64_t>(after->modify_index);
  }

  core::Status Delete(const std::string& file, std::int64_t base_version,
                      const PublishMeta&) override {
    // DELETE ?cas=N removes the key only while its ModifyIndex is N (cas=0
    // never deletes): a change since the caller's read is a conflict.
    if (base_version <= 0) {
      return core::Conflict("there is no live " + file + " to delete");
    }
    return kv_->Delete(Location(file), static_cast<std::uint64_t>(base_version));
  }

 private:
  std::shared_ptr<connectors::ConsulKv> kv_;
  std::string dir_;  ///< ends with '/'
};

}  // namespace

std::unique_ptr<ConfigFiles> ConsulConfigFiles(std::shared_ptr<connectors::ConsulKv> kv,
                                               const std::string& prefix,
                                               const ConfigTarget& target) {
  std::string dir = Trimmed(prefix);
  if (!dir.empty()) dir += '/';
  dir += target.app + "/" + target.env_type + "/" + target.cluster + "/";
  return std::make_unique<ConsulFiles>(std::move(kv), std::move(dir));
}

}  // namespace slipway::services
