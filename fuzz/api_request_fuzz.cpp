// API request bodies through their command parsers (http/handlers/*_input):
// the first input byte picks the route's parser, the rest is the body, read
// strictly (core::ParseStrictJson, as http::ParseBody does). Property:
// every refusal is `invalid` and names the field it is about.
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/strict_json.hpp"
#include "fuzz_check.hpp"
#include "http/handlers/app_input.hpp"
#include "http/handlers/auth_input.hpp"
#include "http/handlers/build_input.hpp"
#include "http/handlers/change_input.hpp"
#include "http/handlers/cluster_input.hpp"
#include "http/handlers/config_input.hpp"
#include "http/handlers/env_input.hpp"
#include "http/handlers/lane_input.hpp"
#include "http/handlers/notification_input.hpp"
#include "http/handlers/user_input.hpp"
#include "http/handlers/workflow_input.hpp"

namespace {

namespace http = slipway::http;
using Body = boost::json::object;
using Parser = std::function<std::optional<slipway::core::Error>(const Body&)>;

template <class F>
Parser Refusal(F parse) {
  return [parse](const Body& body) -> std::optional<slipway::core::Error> {
    auto result = parse(body);
    if (result.ok()) return std::nullopt;
    return result.error();
  };
}

const std::vector<Parser>& Parsers() {
  static const std::vector<std::string> env_types{"dev", "test", "prod"};
  static const std::vector<Parser> parsers{
      Refusal(http::ParseRegisterApp),
      Refusal(http::ParseEditApp),
      Refusal(http::ParseCompleteDetails),
      Refusal([](const Body& b) {
        return http::ParseAppTransition(slipway::core::AppEvent::kReject, b);
      }),
      Refusal(http::ParsePutMember),
      Refusal(http::ParseLogin),
      Refusal(http::ParseChangePassword),
      Refusal(http::ParseStartBuild),
      Refusal(http::ParseCreateChange),
      Refusal(http::ParseEditChange),
      Refusal([](const Body& b) {
        return http::ParseChangeTransition(slipway::core::ChangeEvent::kReject, b);
      }),
      Refusal([](const Body& b) { return http::ParseRegisterCluster(b, env_types); }),
      Refusal([](const Body& b) { return http::ParseEditCluster(b, env_types); }),
      Refusal(http::ParseSaveDraft),
      Refusal(http::ParsePublish),
      Refusal([](const Body& b) { return http::ParseCreateEnvironment(b, env_types); }),
      Refusal(http::ParseCreateLane),
      Refusal(http::ParseEditLane),
      Refusal(http::ParseReplaceTargets),
      Refusal(http::ParseCreateUser),
      Refusal(http::ParseUpdateUser),
      Refusal(http::ParseResetPassword),
      Refusal(http::ParseCreateToken),
      Refusal([](const Body& b) { return http::ParseCancelWorkflow("42", b); }),
  };
  return parsers;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& parser = Parsers()[data[0] % Parsers().size()];
  auto body = slipway::core::ParseStrictJson(
      std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  if (!body.ok() || !body->is_object()) return 0;
  if (auto error = parser(body->as_object())) {
    FUZZ_CHECK(error->code == slipway::core::Code::kInvalid,
               "a body is refused with another code than invalid");
    // The field may be "": a body can hold an empty key, which is then the unknown field.
    const auto* field = error->details.if_contains("field");
    FUZZ_CHECK(field && field->is_string(), "a refusal names no field");
  }
  return 0;
}
