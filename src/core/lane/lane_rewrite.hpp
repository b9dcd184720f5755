#pragma once
// Rewriting a base environment's configuration for a lane (R-LANE-7):
// `<x>-qa.<suffix>` → `<x>-<lane>.<suffix>` and `<svc>.app` → `<svc>.<lane>`
// by default. Rules are configuration (`lanes.rewrite_rules`). Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::core {

/// A rewrite as two templates. `from` holds exactly one `{x}` (a run of
/// letters, digits and '-') and may name `{suffix}`; `to` may name `{x}`,
/// `{lane}` (the lane's namespace) and `{suffix}`. A match must stand alone:
/// the characters around it are not letters, digits, '.' or '-', so
/// `user.app` is rewritten in `http://user.app:8080` but not in
/// `user.app.example.com`.
struct RewriteRule {
  std::string from;
  std::string to;
};

/// The two rules of R-LANE-7.
std::vector<RewriteRule> DefaultRewriteRules();

/// The rule broken by a rule, or nullopt.
std::optional<std::string> CheckRewriteRule(const RewriteRule& rule);

struct RewriteContext {
  std::string lane_namespace;
  std::string suffix;  ///< the external domain suffix ("example.com")
};

/// `value` with every rule applied in order (each to the previous result).
std::string RewriteValue(std::string_view value, const std::vector<RewriteRule>& rules,
                         const RewriteContext& context);

/// A line (properties: a key; other formats: a line number) whose value a
/// lane's copy changes.
struct RewrittenLine {
  std::string file;
  std::string where;  ///< the properties key, or "line N"
  std::string before;
  std::string after;
};

/// Rewrites a whole file line by line and says which lines changed.
/// `properties` files name the changed key; others the line number.
std::string RewriteFile(const std::string& file, std::string_view content, bool properties,
                        const std::vector<RewriteRule>& rules, const RewriteContext& context,
                        std::vector<RewrittenLine>* changed);

}  // namespace slipway::core
