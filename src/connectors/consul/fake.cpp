#include "connectors/consul/fake.hpp"

namespace slipway::connectors::consul {

std::optional<core::Error> FakeConsulKv::Enter(const std::string& operation, std::string_view key) {
  std::lock_guard lock(mutex_);
  calls_.push_back(operation + " " + std::string(key));
  auto it = failures_.find(operation);
  if (it == failures_.end() || it->second.empty()) return std::nullopt;
  auto error = std::move(it->second.front());
  it->second.pop_front();
  return error;
}

void FakeConsulKv::FailNext(const std::string& operation, core::Error error) {
  std::lock_guard lock(mutex_);
  failures_[operation].push_back(std::move(error));
}

std::vector<std::string> FakeConsulKv::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

KvSnapshot FakeConsulKv::Read(std::string_view key, bool prefix, const Blocking& blocking) {
  if (blocking.index > 0) {
    store_.WaitBeyond(key, prefix, blocking.index,
                      std::chrono::steady_clock::now() + blocking.wait);
  }
  KvSnapshot out;
  out.index = store_.IndexOf(key, prefix);
  if (prefix) {
    out.entries = store_.Range(key);
  } else if (auto entry = store_.Get(key)) {
    out.entries.push_back(std::move(*entry));
  }
  return out;
}

core::Result<KvEntry> FakeConsulKv::Get(std::string_view key) {
  if (auto e = Enter("Get", key)) return *e;
  auto entry = store_.Get(key);
  if (!entry) return core::NotFound("consul: key " + std::string(key) + " not found");
  return *entry;
}

core::Result<KvSnapshot> FakeConsulKv::List(std::string_view prefix, const Blocking& blocking) {
  if (auto e = Enter("List", prefix)) return *e;
  return Read(prefix, true, blocking);
}

core::Result<KvSnapshot> FakeConsulKv::Watch(std::string_view key, const Blocking& blocking) {
  if (auto e = Enter("Watch", key)) return *e;
  return Read(key, false, blocking);
}

core::Result<std::vector<std::string>> FakeConsulKv::Keys(std::string_view prefix,
                                                          std::string_view separator) {
  if (auto e = Enter("Keys", prefix)) return *e;
  return store_.Keys(prefix, separator);
}

core::Status FakeConsulKv::Put(std::string_view key, std::string_view value,
                               std::optional<std::uint64_t> cas) {
  if (auto e = Enter("Put", key)) return *e;
  if (!store_.Put(key, value, 0, cas)) {
    return core::Conflict("consul: check-and-set on " + std::string(key) +
                          " failed: it changed since index " + std::to_string(*cas));
  }
  return core::Ok{};
}

core::Status FakeConsulKv::Delete(std::string_view key, std::optional<std::uint64_t> cas) {
  if (auto e = Enter("Delete", key)) return *e;
  if (!store_.Delete(key, cas)) {
    return core::Conflict("consul: check-and-set delete of " + std::string(key) +
                          " failed at index " + std::to_string(*cas));
  }
  return core::Ok{};
}

core::Status FakeConsulKv::DeleteTree(std::string_view prefix) {
  if (auto e = Enter("DeleteTree", prefix)) return *e;
  store_.DeleteTree(prefix);
  return core::Ok{};
}

}  // namespace slipway::connectors::consul
