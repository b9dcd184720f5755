#pragma once
#include <string>

#include "connectors/http_transport.hpp"
#include "connectors/tapd.hpp"

namespace slipway::connectors::tapd {

struct TapdSettings {
  /// base_url: https://api.tapd.cn (or a private deployment); basic_user and
  /// basic_password: the company API account (or bearer_token: a personal token).
  TransportSettings transport;
  std::string web_url = "https://www.tapd.cn";  ///< for story links
};

/// Tapd over `GET /stories?workspace_id=…&id=…`, reading the
/// {status, data, info} envelope and the [{"Story":{…}}] wrapping.
class TapdClient final : public Tapd {
 public:
  explicit TapdClient(TapdSettings settings);
  core::Result<TapdStory> GetStory(std::string_view workspace_id,
                                   std::string_view story_id) override;

 private:
  TapdSettings settings_;
  HttpTransport transport_;
};

/// True for a non-empty run of decimal digits (TAPD's ids).
bool IsTapdId(std::string_view id);
/// The web link of a story.
std::string StoryUrl(std::string_view web_url, std::string_view workspace_id,
                     std::string_view story_id);

}  // namespace slipway::connectors::tapd
