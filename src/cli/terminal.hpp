#pragma once
#include <string>

namespace slipway::cli {

/// The first line of standard input without its line ending; for secrets
/// piped in (`--password-stdin`). Throws Failure (usage) at end of input.
std::string ReadStdinLine();

/// Asks on the terminal (prompt on stderr, answer from stdin). `secret`
/// turns echo off while typing. Throws Failure (usage) when stdin is not a
/// terminal, naming `alternative` as the way to pass the value instead.
std::string Prompt(const std::string& prompt, bool secret, const std::string& alternative);

/// A new password for someone: from stdin when `from_stdin`, else typed
/// twice on the terminal. Throws Failure (usage) when the two differ.
std::string ReadNewPassword(bool from_stdin);

}  // namespace slipway::cli
