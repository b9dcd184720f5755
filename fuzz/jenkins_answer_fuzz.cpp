// Jenkins' answer headers (connectors/jenkins/answer_headers): the input is
// an X-Text-Size value, a newline, an X-More-Data value, a newline, then
// the console body; the first line is also read as a build request's
// Location. Properties: an accepted offset is the decimal sent, the body
// is kept whole, and a queue item id is positive.
#include <cstdint>
#include <string>
#include <string_view>

#include "connectors/jenkins/answer_headers.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace jenkins = slipway::connectors::jenkins;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto line = [&input] {
    const auto end = input.find('\n');
    const auto text = input.substr(0, end);
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    return text;
  };
  const std::string_view text_size = line();
  const std::string_view more_data = line();
  auto chunk = jenkins::ConsoleAnswer(std::string(input), text_size, more_data);
  if (chunk.ok()) {
    // Leading zeros are allowed ("08" is 8).
    const auto digits = text_size.find_first_not_of('0');
    const std::string_view sent = digits == std::string_view::npos ? "0" : text_size.substr(digits);
    FUZZ_CHECK(std::to_string(chunk->next_start) == sent, "the offset is not the one sent");
    FUZZ_CHECK(chunk->text == input, "the console body was changed");
    FUZZ_CHECK(chunk->more == (more_data == "true"), "X-More-Data misread");
  }
  if (auto id = jenkins::QueueItemOfLocation(text_size))
    FUZZ_CHECK(*id > 0, "a queue item id below 1");
  return 0;
}
