#pragma once
// Runs the real `slipway` client binary, as scripts do, with its credentials
// file in a temporary folder (never the developer's own).
#include <ostream>
#include <string>
#include <vector>

namespace slipway::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::ostream& operator<<(std::ostream& os, const CliResult& r);

/// `slipway <args>` with `input` on stdin, HOME and SLIPWAY_CONFIG in `dir`
/// (SLIPWAY_BINARY names the binary; ctest sets it).
CliResult RunCli(const std::string& dir, const std::vector<std::string>& args, const std::string& input = "");

}  // namespace slipway::testing
