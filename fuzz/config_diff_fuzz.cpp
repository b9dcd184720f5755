// The configuration diff (core::DiffLines, UnifiedDiff, DiffKeys) over two
// versions of a file: the input is `from`, a NUL byte, then `to`. Properties:
// the diff's lines rebuild both versions exactly, it shows changes exactly
// when they differ, and a key diff accounts for every differing key.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/config/config_diff.hpp"
#include "core/config/properties.hpp"
#include "fuzz_check.hpp"

namespace {

using slipway::core::DiffLine;
using slipway::core::LineOp;

std::string Rebuild(const std::vector<DiffLine>& lines, LineOp side) {
  std::string text;
  for (const auto& line : lines) {
    if (line.op != LineOp::kSame && line.op != side) continue;
    text += line.text;
    if (line.newline) text += '\n';
  }
  return text;
}

void CheckKeyDiff(std::string_view from, std::string_view to) {
  auto a = slipway::core::ParseProperties(from);
  auto b = slipway::core::ParseProperties(to);
  if (!a.ok() || !b.ok()) return;
  const auto from_keys = slipway::core::PropertiesMap(*a);
  const auto to_keys = slipway::core::PropertiesMap(*b);
  std::size_t changed = 0;
  for (const auto& change : slipway::core::DiffKeys(from_keys, to_keys)) {
    auto before = from_keys.find(change.key);
    auto after = to_keys.find(change.key);
    FUZZ_CHECK((before == from_keys.end()) == !change.from, "a key change misstates the old value");
    FUZZ_CHECK((after == to_keys.end()) == !change.to, "a key change misstates the new value");
    FUZZ_CHECK(change.from != change.to, "an unchanged key is listed");
    ++changed;
  }
  FUZZ_CHECK((changed == 0) == (from_keys == to_keys), "the key diff misses a change");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find('\0');
  const std::string_view from = input.substr(0, split);
  const std::string_view to = split == std::string_view::npos ? "" : input.substr(split + 1);

  const auto lines = slipway::core::DiffLines(from, to);
  FUZZ_CHECK(Rebuild(lines, LineOp::kRemoved) == from, "the diff does not rebuild the old text");
  FUZZ_CHECK(Rebuild(lines, LineOp::kAdded) == to, "the diff does not rebuild the new text");
  const bool changed = slipway::core::HasChanges(lines);
  FUZZ_CHECK(changed == (from != to), "the diff misreports whether anything changed");
  const auto unified = slipway::core::UnifiedDiff(lines, "a/app.properties", "b/app.properties");
  FUZZ_CHECK(unified.empty() == !changed, "the unified diff is empty exactly when nothing changed");
  CheckKeyDiff(from, to);
  return 0;
}
