#pragma once
// Template definitions for store/database.hpp.
#include <chrono>
#include <thread>

namespace slipway::store {

template <class Fn>
auto InTx(Database& db, TxMode mode, Fn&& fn, int attempts) -> decltype(fn(std::declval<Tx&>())) {
  for (int attempt = 1;; ++attempt) {
    try {
      auto tx = db.Begin(mode);
      if constexpr (std::is_void_v<decltype(fn(*tx))>) {
        fn(*tx);
        tx->Commit();
        return;
      } else {
        auto result = fn(*tx);
        tx->Commit();
        return result;
      }
    } catch (const UniqueViolation&) {
      throw;
    } catch (const DbError& e) {
      if (!e.transient() || attempt >= attempts) throw;
      // Busy or serialization failure: back off briefly and run it again.
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
  }
}

}  // namespace slipway::store
