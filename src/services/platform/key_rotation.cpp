#include "services/platform/key_rotation.hpp"

#include "store/sealed_values.hpp"

namespace slipway::services {

core::Result<ResealReport> ResealAll(store::Database& db, const SecretBox& old_key,
                                     const SecretBox& new_key) {
  auto tx = db.Begin(store::TxMode::kWrite);
  ResealReport report;
  for (auto& value : store::ReadSealedValues(*tx)) {
    auto plain = old_key.Open(value.sealed);
    if (!plain.ok()) {
      if (new_key.Open(value.sealed).ok()) {
        ++report.already_new;
        continue;
      }
      return core::Invalid(
          value.table + "." + value.column + " of row " + std::to_string(value.id) +
              " opens with neither the old key nor the new one; nothing was changed",
          {{"field", "old_key"}});
    }
    value.sealed = new_key.Seal(*plain);
    store::WriteSealedValue(*tx, value);
    ++report.resealed;
    ++report.per_column[value.table + "." + value.column];
  }
  tx->Commit();
  return report;
}

}  // namespace slipway::services
