#include "core/lane/lane_rewrite.hpp"

#include <regex>

namespace slipway::core {
namespace {

constexpr std::string_view kWildcard = "{x}";
// Characters that continue a host name: a match touching one is part of a
// longer name and is left alone.
constexpr std::string_view kHostChars = "A-Za-z0-9.\\-";

std::string EscapeRegex(std::string_view text) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{}-/)";
  std::string out;
  for (char c : text) {
    if (kSpecial.find(c) != std::string::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string Substitute(std::string text, std::string_view name, std::string_view value) {
  for (auto pos = text.find(name); pos != std::string::npos;
       pos = text.find(name, pos + value.size())) {
    text.replace(pos, name.size(), value);
  }
  return text;
}

// (^|[^host]) from-with-{x}-as-a-group (?=$|[^host])
std::regex Compile(const RewriteRule& rule, const RewriteContext& context) {
  std::string from = Substitute(rule.from, "{suffix}", context.suffix);
  auto at = from.find(kWildcard);
  std::string not_host = "[^" + std::string(kHostChars) + "]";
  return std::regex("(^|" + not_host + ")" + EscapeRegex(from.substr(0, at)) + "([A-Za-z0-9-]+)" +
                    EscapeRegex(from.substr(at + kWildcard.size())) + "(?=$|" + not_host + ")");
}

std::string Replacement(const RewriteRule& rule, const RewriteContext& context) {
  // `$` in a template would be read as a back-reference: escape it first.
  std::string to = Substitute(rule.to, "$", "$$");
  to = Substitute(to, "{lane}", context.lane_namespace);
  to = Substitute(to, "{suffix}", context.suffix);
  return "$1" + Substitute(to, std::string(kWildcard), "$2");
}

}  // namespace

std::vector<RewriteRule> DefaultRewriteRules() {
  return {{"{x}-qa.{suffix}", "{x}-{lane}.{suffix}"}, {"{x}.app", "{x}.{lane}"}};
}

std::optional<std::string> CheckRewriteRule(const RewriteRule& rule) {
  auto first = rule.from.find(kWildcard);
  if (first == std::string::npos) return "from must hold {x}";
  if (rule.from.find(kWildcard, first + 1) != std::string::npos) return "from must hold {x} once";
  if (rule.from.find("{lane}") != std::string::npos) return "from must not name {lane}";
  if (rule.to.empty()) return "to must not be empty";
  return std::nullopt;
}

std::string RewriteValue(std::string_view value, const std::vector<RewriteRule>& rules,
                         const RewriteContext& context) {
  std::string out(value);
  for (const auto& rule : rules) {
    out = std::regex_replace(out, Compile(rule, context), Replacement(rule, context));
  }
  return out;
}

std::string RewriteFile(const std::string& file, std::string_view content, bool properties,
                        const std::vector<RewriteRule>& rules, const RewriteContext& context,
                        std::vector<RewrittenLine>* changed) {
  std::string out;
  out.reserve(content.size());
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start <= content.size()) {
    auto end = content.find('\n', start);
    bool last = end == std::string_view::npos;
    std::string_view line = content.substr(start, last ? std::string_view::npos : end - start);
    ++line_no;
    std::string rewritten = RewriteValue(line, rules, context);
    if (rewritten != line && changed != nullptr) {
      std::string where = "line " + std::to_string(line_no);
      if (properties) {
        auto sep = line.find_first_of("=:");
        if (sep != std::string_view::npos) {
          std::string_view key = line.substr(0, sep);
          auto b = key.find_first_not_of(" \t");
          auto e = key.find_last_not_of(" \t");
          if (b != std::string_view::npos) where = std::string(key.substr(b, e - b + 1));
        }
      }
      changed->push_back({file, where, std::string(line), rewritten});
    }
    out += rewritten;
    if (last) break;
    out.push_back('\n');
    start = end + 1;
  }
  return out;
}

}  // namespace slipway::core
