// Request bytes as they reach the server, fed to http::HeaderScanner in
// pieces. The first input byte chooses the piece size; the rest is the
// request. Property (the scanner's promise to resume where it stopped):
// after every piece it answers as a fresh scanner given all bytes so far.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "http/request_framing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t piece = 1 + data[0] % 16;
  const std::string_view request(reinterpret_cast<const char*>(data + 1), size - 1);
  // A limit below most inputs, so that the size refusal is exercised too.
  constexpr std::size_t kLimit = 256;
  slipway::http::HeaderScanner resumed(kLimit);
  for (std::size_t end = 0; end < request.size();) {
    end = std::min(request.size(), end + piece);
    const auto received = request.substr(0, end);
    resumed.Scan(received);
    slipway::http::HeaderScanner fresh(kLimit);
    fresh.Scan(received);
    FUZZ_CHECK(resumed.ready() == fresh.ready(), "resuming changes when the header is complete");
    if (resumed.ready()) {
      FUZZ_CHECK(resumed.obs_fold() == fresh.obs_fold(), "resuming changes the obs-fold verdict");
      break;
    }
  }
  return 0;
}
