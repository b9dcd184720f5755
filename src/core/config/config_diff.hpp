#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::core {

enum class LineOp { kSame, kAdded, kRemoved };

/// One line of a line diff. `newline` is false only for a last line that has
/// no line break, so that adding or removing the final newline shows.
struct DiffLine {
  LineOp op = LineOp::kSame;
  std::string text;
  bool newline = true;
};

/// The lines of `from` and `to`, aligned: every line of `from` appears as
/// kSame or kRemoved and every line of `to` as kSame or kAdded, in order.
/// Minimal (longest common subsequence) after dropping the common head and
/// tail; when the differing middle is too large for that (over 4 million
/// line pairs), it is shown as removed then added as a whole.
std::vector<DiffLine> DiffLines(std::string_view from, std::string_view to);

/// True when some line is added or removed.
bool HasChanges(const std::vector<DiffLine>& lines);

/// The diff as unified-diff text (`--- from`, `+++ to`, `@@` hunks with
/// three lines of context); "" when nothing changed.
std::string UnifiedDiff(const std::vector<DiffLine>& lines, std::string_view from_label,
                        std::string_view to_label);

/// A key whose value differs: `from` absent when it was added, `to` absent
/// when it was removed.
struct KeyChange {
  std::string key;
  std::optional<std::string> from;
  std::optional<std::string> to;
};

/// The keys that differ between two key sets, sorted by key.
std::vector<KeyChange> DiffKeys(const std::map<std::string, std::string>& from,
                                const std::map<std::string, std::string>& to);

}  // namespace slipway::core
