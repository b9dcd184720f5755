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
/// (SLIPWAY_BINARY names the binary; ctest sets it), and `extra_env`
/// ("NAME=value") added to its otherwise minimal environment.
CliResult RunCli(const std::string& dir, const std::vector<std::string>& args,
                 const std::string& input = "", const std::vector<std::string>& extra_env = {});

}  // namespace slipway::testing
