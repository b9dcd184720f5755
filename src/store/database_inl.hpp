#pragma once
// Template definitions for store/database.hpp.
#include <chrono>
#include <concepts>
#include <thread>

namespace slipway::store {

namespace detail {

// A result that reports a failure: core::Result and core::Status whose ok() is false.
template <class R>
bool ReportsFailure(const R& result) {
  if constexpr (requires {
                  { result.ok() } -> std::convertible_to<bool>;
                }) {
    return !result.ok();
  } else {
    return false;
  }
}

}  // namespace detail

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
        // A refused request changes nothing: whatever it wrote before it
        // found the reason goes back with the transaction.
        if (!detail::ReportsFailure(result)) tx->Commit();
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
