#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sandbox/emulator.hpp"

namespace slipway::sandbox {

/// The API account `slipway sandbox` gives its TAPD.
inline constexpr const char* kSandboxTapdUser = "sandbox";
inline constexpr const char* kSandboxTapdPassword = "sandbox-tapd-password";

/// The example story `slipway sandbox` starts with (and gets back on reset):
/// ids are deterministic, "10" + workspace + a counter from 500000001.
inline constexpr const char* kSandboxTapdWorkspace = "10158231";
inline constexpr const char* kSandboxTapdStoryId = "1010158231500000001";

struct TapdEmulatorOptions {
  std::map<std::string, std::string> api_users;  ///< API account → password (HTTP basic)
  /// Stories created at start and after every reset, as POST /stories fields.
  std::vector<std::map<std::string, std::string>> seed_stories{};
};

/// TAPD's Open API, stories only: `GET /stories` (workspace_id required, `id`
/// as a comma list, limit/page) and `POST /stories` (create, form or JSON:
/// workspace_id, name, and any other field; or update when `id` is given) —
/// the real API, which is also how a sandbox user adds stories. Every value is
/// a string, items wrapped as {"Story":{…}}, the {status,data,info} envelope;
/// bad credentials → HTTP 401. Story ids embed the workspace id as TAPD's do.
/// Not emulated: other entities (bugs, iterations…), filters other than id,
/// XML output, OAuth.
class TapdEmulator final : public Emulator {
 public:
  explicit TapdEmulator(TapdEmulatorOptions options);
  std::string_view system() const override { return "tapd"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override;
  void Reset() override;

 private:
  http::Response List(const http::Request& request);
  http::Response Save(const http::Request& request);
  /// Adds a story from POST /stories fields; the caller holds mutex_.
  boost::json::object AddStory(const std::map<std::string, std::string>& fields);
  void Seed();  ///< the seed stories; the caller holds mutex_
  TapdEmulatorOptions options_;
  mutable std::mutex mutex_;
  std::vector<boost::json::object> stories_;  ///< in creation order
  std::uint64_t next_ = 500000001;
};

/// The TAPD of `slipway sandbox`, with the kSandboxTapdUser account.
std::unique_ptr<TapdEmulator> MakeSandboxTapd();

}  // namespace slipway::sandbox
