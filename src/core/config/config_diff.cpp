#include "core/config/config_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace slipway::core {

namespace {

constexpr std::size_t kMaxCells = 4'000'000;
constexpr std::size_t kContext = 3;

struct Line {
  std::string_view text;
  bool newline;
  bool operator==(const Line&) const = default;
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      out.push_back({text.substr(start), false});
      break;
    }
    out.push_back({text.substr(start, end - start), true});
    start = end + 1;
  }
  return out;
}

void Emit(std::vector<DiffLine>& out, LineOp op, const Line& line) {
  out.push_back({op, std::string(line.text), line.newline});
}

// LCS over a[0..n) and b[0..m): table[i][j] = LCS length of a[i..] and b[j..].
void DiffMiddle(const std::vector<Line>& a, std::size_t a0, std::size_t n,
                const std::vector<Line>& b, std::size_t b0, std::size_t m,
                std::vector<DiffLine>& out) {
  if (n == 0 || m == 0 || n * m > kMaxCells) {
    for (std::size_t i = 0; i < n; ++i) Emit(out, LineOp::kRemoved, a[a0 + i]);
    for (std::size_t j = 0; j < m; ++j) Emit(out, LineOp::kAdded, b[b0 + j]);
    return;
  }
  // n * m <= 4e6 bounds min(n, m) by 2000, so lengths fit 16 bits.
  std::vector<std::uint16_t> table((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return table[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[a0 + i] == b[b0 + j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                                        : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] == b[b0 + j]) {
      Emit(out, LineOp::kSame, a[a0 + i]);
      ++i, ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      Emit(out, LineOp::kRemoved, a[a0 + i++]);
    } else {
      Emit(out, LineOp::kAdded, b[b0 + j++]);
    }
  }
  while (i < n) Emit(out, LineOp::kRemoved, a[a0 + i++]);
  while (j < m) Emit(out, LineOp::kAdded, b[b0 + j++]);
}

std::string Range(std::size_t start, std::size_t count) {
  // Unified diff: a range of zero lines names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

}  // namespace

std::vector<DiffLine> DiffLines(std::string_view from, std::string_view to) {
  auto a = SplitLines(from), b = SplitLines(to);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<DiffLine> out;
  for (std::size_t i = 0; i < head; ++i) Emit(out, LineOp::kSame, a[i]);
  DiffMiddle(a, head, a.size() - head - tail, b, head, b.size() - head - tail, out);
  for (std::size_t i = a.size() - tail; i < a.size(); ++i) Emit(out, LineOp::kSame, a[i]);
  return out;
}

bool HasChanges(const std::vector<DiffLine>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const DiffLine& l) { return l.op != LineOp::kSame; });
}

std::string UnifiedDiff(const std::vector<DiffLine>& lines, std::string_view from_label,
                        std::string_view to_label) {
  if (!HasChanges(lines)) return "";
  std::string out = "--- " + std::string(from_label) + "\n+++ " + std::string(to_label) + "\n";
  // Line numbers before each entry, on both sides.
  std::vector<std::size_t> old_no(lines.size() + 1, 0), new_no(lines.size() + 1, 0);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    old_no[k + 1] = old_no[k] + (lines[k].op != LineOp::kAdded);
    new_no[k + 1] = new_no[k] + (lines[k].op != LineOp::kRemoved);
  }
  std::size_t k = 0;
  while (k < lines.size()) {
    if (lines[k].op == LineOp::kSame) {
      ++k;
      continue;
    }
    // A hunk: from kContext before this change to kContext after the last
    // change that is closer than 2 * kContext to the previous one.
    std::size_t begin = k >= kContext ? k - kContext : 0, end = k;
    for (std::size_t same = 0; end < lines.size() && same <= 2 * kContext; ++end) {
      same = lines[end].op == LineOp::kSame ? same + 1 : 0;
    }
    while (end > k && lines[end - 1].op == LineOp::kSame) --end;
    end = std::min(lines.size(), end + kContext);
    out += "@@ -" + Range(old_no[begin], old_no[end] - old_no[begin]) + " +" +
           Range(new_no[begin], new_no[end] - new_no[begin]) + " @@\n";
    for (std::size_t i = begin; i < end; ++i) {
      const auto& l = lines[i];
      out += l.op == LineOp::kSame ? ' ' : l.op == LineOp::kAdded ? '+' : '-';
      out += l.text + "\n";
      if (!l.newline) out += "\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

std::vector<KeyChange> DiffKeys(const std::map<std::string, std::string>& from,
                                const std::map<std::string, std::string>& to) {
  std::vector<KeyChange> out;
  auto a = from.begin(), b = to.begin();
  while (a != from.end() || b != to.end()) {
    if (b == to.end() || (a != from.end() && a->first < b->first)) {
      out.push_back({a->first, a->second, std::nullopt});
      ++a;
    } else if (a == from.end() || b->first < a->first) {
      out.push_back({b->first, std::nullopt, b->second});
      ++b;
    } else {
      if (a->second != b->second) out.push_back({a->first, a->second, b->second});
      ++a, ++b;
    }
  }
  return out;
}

}  // namespace slipway::core
