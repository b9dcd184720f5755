#include "services/config/config_errors.hpp"

namespace slipway::services {

core::Error BackendError(const ConfigFiles& files, core::Error error) {
  if (error.code == core::Code::kTransient || error.code == core::Code::kConflict) return error;
  const std::string backend(core::ConfigBackendName(files.backend()));
  return core::Conflict(backend + " refused the request: " + error.message,
                        {{"reason", "backend_refused"},
                         {"backend", backend},
                         {"backend_code", core::CodeName(error.code)}});
}

core::Error LiveChanged(const std::string& name, const store::ConfigDraft& draft,
                        const LiveFile& live) {
  return core::Conflict(
      "the live value of " + name + " changed since the draft was taken (version " +
          std::to_string(draft.base_version) + " → " + std::to_string(live.version) +
          "); look at the live value, then save the draft again with rebase, or discard it",
      {{"reason", "live_changed"},
       {"base_version", draft.base_version},
       {"live_version", live.version},
       {"live_exists", live.exists},
       {"base_content", draft.base_content},
       {"live_content", live.content}});
}

}  // namespace slipway::services
