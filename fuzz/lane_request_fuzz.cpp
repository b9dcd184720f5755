// API request bodies as the lane routes read them: the body parsed strictly
// (core::ParseStrictJson, as http::ParseBody does) and, when it is an
// object, turned into typed commands (http::ParseCreateLane/ParseEditLane).
// Property: every refusal is `invalid` and names the field it is about.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "core/common/strict_json.hpp"
#include "fuzz_check.hpp"
#include "http/handlers/lane_input.hpp"

namespace {

void CheckRefusal(const slipway::core::Error& error) {
  FUZZ_CHECK(error.code == slipway::core::Code::kInvalid,
             "a body is refused with another code than invalid");
  // The field may be "": a body can hold an empty key, which is then the unknown field.
  const auto* field = error.details.if_contains("field");
  FUZZ_CHECK(field && field->is_string(), "a refusal names no field");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body =
      slipway::core::ParseStrictJson(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body.ok() || !body->is_object()) return 0;
  const auto& object = body->as_object();
  if (auto create = slipway::http::ParseCreateLane(object); !create.ok())
    CheckRefusal(create.error());
  if (auto edit = slipway::http::ParseEditLane(object); !edit.ok()) CheckRefusal(edit.error());
  return 0;
}
