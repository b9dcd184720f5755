#include "connectors/consul/kv_store.hpp"

#include <algorithm>

namespace slipway::connectors::consul {

std::optional<KvEntry> KvStore::Get(std::string_view key) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::vector<KvEntry> KvStore::Range(std::string_view prefix) const {
  std::lock_guard lock(mutex_);
  std::vector<KvEntry> out;
  for (auto it = entries_.lower_bound(prefix);
       it != entries_.end() && it->first.starts_with(prefix); ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::vector<std::string> KvStore::Keys(std::string_view prefix, std::string_view separator) const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (auto it = entries_.lower_bound(prefix);
       it != entries_.end() && it->first.starts_with(prefix); ++it) {
    std::string key = it->first;
    if (!separator.empty()) {
      auto cut = key.find(separator, prefix.size());
      if (cut != std::string::npos) key.resize(cut + separator.size());
    }
    if (out.empty() || out.back() != key) out.push_back(std::move(key));
  }
  return out;
}

bool KvStore::Put(std::string_view key, std::string_view value, std::uint64_t flags,
                  std::optional<std::uint64_t> cas) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (cas) {
      const std::uint64_t current = it == entries_.end() ? 0 : it->second.modify_index;
      if (current != *cas) return false;
    }
    ++index_;
    if (it == entries_.end()) {
      it = entries_.emplace(std::string(key), KvEntry{std::string(key), {}, index_, 0, 0}).first;
    }
    it->second.value = std::string(value);
    it->second.flags = flags;
    it->second.modify_index = index_;
    tombstones_.erase(std::string(key));
  }
  changed_.notify_all();
  return true;
}

bool KvStore::Delete(std::string_view key, std::optional<std::uint64_t> cas) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    // Consul: cas=0 never deletes; a CAS on a missing key fails.
    if (cas && (it == entries_.end() || it->second.modify_index != *cas)) return false;
    if (it == entries_.end()) return true;
    entries_.erase(it);
    tombstones_[std::string(key)] = ++index_;
  }
  changed_.notify_all();
  return true;
}

void KvStore::DeleteTree(std::string_view prefix) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.lower_bound(prefix);
    if (it == entries_.end() || !it->first.starts_with(prefix)) return;
    ++index_;
    while (it != entries_.end() && it->first.starts_with(prefix)) {
      tombstones_[it->first] = index_;
      it = entries_.erase(it);
    }
  }
  changed_.notify_all();
}

std::uint64_t KvStore::IndexLocked(std::string_view key, bool prefix) const {
  std::uint64_t best = 0;
  if (!prefix) {
    if (auto it = entries_.find(key); it != entries_.end()) best = it->second.modify_index;
    if (auto it = tombstones_.find(key); it != tombstones_.end()) best = std::max(best, it->second);
  } else {
    for (auto it = entries_.lower_bound(key); it != entries_.end() && it->first.starts_with(key);
         ++it) {
      best = std::max(best, it->second.modify_index);
    }
    for (auto it = tombstones_.lower_bound(key);
         it != tombstones_.end() && it->first.starts_with(key); ++it) {
      best = std::max(best, it->second);
    }
  }
  return best == 0 ? index_ : best;
}

std::uint64_t KvStore::IndexOf(std::string_view key, bool prefix) const {
  std::lock_guard lock(mutex_);
  return IndexLocked(key, prefix);
}

void KvStore::WaitBeyond(std::string_view key, bool prefix, std::uint64_t index,
                         std::chrono::steady_clock::time_point deadline) const {
  std::unique_lock lock(mutex_);
  changed_.wait_until(lock, deadline, [&] { return IndexLocked(key, prefix) > index; });
}

std::uint64_t KvStore::index() const {
  std::lock_guard lock(mutex_);
  return index_;
}

void KvStore::Reset() {
  {
    std::lock_guard lock(mutex_);
    entries_.clear();
    tombstones_.clear();
    index_ = 1;
  }
  changed_.notify_all();
}

}  // namespace slipway::connectors::consul
