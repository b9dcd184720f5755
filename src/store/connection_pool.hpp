#pragma once
// A bounded pool of driver connections shared by the SQLite and PostgreSQL drivers.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace slipway::store {

template <class Conn>
class ConnectionPool {
 public:
  using Connect = std::function<std::unique_ptr<Conn>()>;

  /// A connection on loan; goes back to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (conn_) pool_->Release(std::move(conn_));
    }
    Conn& operator*() const { return *conn_; }
    Conn* operator->() const { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  /// Connections are opened lazily by `connect`, at most `capacity` at once.
  ConnectionPool(int capacity, Connect connect)
      : capacity_(capacity < 1 ? 1 : capacity), connect_(std::move(connect)) {}

  /// Lends an idle connection, opens a new one, or blocks until one is returned.
  /// Throws whatever `connect` throws; the slot is then free again.
  Lease Acquire() {
    std::unique_lock lock(mu_);
    if (idle_.empty() && open_ >= capacity_) {
      ++waiting_;
      returned_.wait(lock, [&] { return !idle_.empty() || open_ < capacity_; });
      --waiting_;
    }
    ++in_use_;
    if (!idle_.empty()) {
      // Most recently used first: its statement cache and pages are warm.
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++open_;
    lock.unlock();
    try {
      return Lease(this, connect_());
    } catch (...) {
      lock.lock();
      --open_;
      --in_use_;
      lock.unlock();
      returned_.notify_one();
      throw;
    }
  }

  /// A snapshot of the counters.
  PoolStats Stats() const {
    std::lock_guard lock(mu_);
    return PoolStats{open_, in_use_, waiting_};
  }

 private:
  void Release(std::unique_ptr<Conn> conn) {
    {
      std::lock_guard lock(mu_);
      idle_.push_back(std::move(conn));
      --in_use_;
    }
    returned_.notify_one();
  }

  const int capacity_;
  const Connect connect_;
  mutable std::mutex mu_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Conn>> idle_;
  int open_ = 0;
  int in_use_ = 0;
  int waiting_ = 0;
};

}  // namespace slipway::store
