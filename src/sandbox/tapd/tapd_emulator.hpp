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

struct TapdEmulatorOptions {
  std::map<std::string, std::string> api_users;  ///< API account → password (HTTP basic)
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
  TapdEmulatorOptions options_;
  mutable std::mutex mutex_;
  std::vector<boost::json::object> stories_;  ///< in creation order
  std::uint64_t next_ = 500000001;
};

/// The TAPD of `slipway sandbox`, with the kSandboxTapdUser account.
std::unique_ptr<TapdEmulator> MakeSandboxTapd();

}  // namespace slipway::sandbox
