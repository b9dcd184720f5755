// JSON configuration files as users upload them: the content check
// (services::ValidateContent) over core::ParseStrictJson. Properties: what
// the strict parser accepts, Boost.JSON reads as the same value; a refusal
// names a line inside the content.
#include <boost/json/parse.hpp>
#include <cstdint>
#include <string_view>

#include "core/common/strict_json.hpp"
#include "fuzz_check.hpp"
#include "services/config/config_content.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto strict = slipway::core::ParseStrictJson(text);
  if (strict.ok()) {
    boost::system::error_code ec;
    const auto loose = boost::json::parse(text, ec);
    FUZZ_CHECK(!ec, "strict JSON accepted what Boost.JSON refuses");
    FUZZ_CHECK(loose == *strict, "strict JSON read a different value");
  }
  auto checked = slipway::services::ValidateContent(slipway::core::ConfigFormat::kJson, text);
  FUZZ_CHECK(checked.ok() == strict.ok(), "the content check and the parser disagree");
  if (!checked.ok()) {
    const auto* line = checked.error().details.if_contains("line");
    FUZZ_CHECK(line && line->is_int64() && line->as_int64() >= 1, "the refusal names no line");
  }
  return 0;
}
