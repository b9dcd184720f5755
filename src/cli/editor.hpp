#pragma once
#include <string>

namespace slipway::cli {

/// Lets the user edit `text` in $VISUAL, else $EDITOR, else vi, on the
/// terminal: writes it to a temporary file ending in `file_name` (so the
/// editor picks the syntax), runs the editor through the shell (the variable
/// may carry arguments, as in "code -w"), and returns the file's content
/// afterwards. The file is removed. Throws Failure (usage) when the editor
/// cannot run or exits unsuccessfully.
std::string EditText(const std::string& text, const std::string& file_name);

/// The content of `path`, or of standard input for "-". Throws Failure
/// (usage) when it cannot be read.
std::string ReadInput(const std::string& path);

}  // namespace slipway::cli
