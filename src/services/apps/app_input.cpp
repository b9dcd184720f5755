#include "services/apps/app_input.hpp"

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"

namespace slipway::services {

namespace {

bool LooksLikeRepoUrl(const std::string& url) {
  for (const char* prefix : {"https://", "http://", "ssh://", "git@"}) {
    if (url.rfind(prefix, 0) == 0 && url.size() > std::string(prefix).size() + 2) {
      return url.find_first_of(" \t\n") == std::string::npos;
    }
  }
  return false;
}

// Checks repo_url against the type: required for self-developed, absent for empty.
std::optional<core::Error> CheckRepo(core::AppType type, const std::string& repo) {
  if (type == core::AppType::kEmpty && !repo.empty()) {
    return core::Invalid("empty applications have no repository",
                         {{"field", "repo_url"}, {"rule", "must be absent for empty applications"}});
  }
  if (type == core::AppType::kSelfDeveloped && repo.empty()) {
    return core::Invalid("repo_url is required for self-developed applications",
                         {{"field", "repo_url"}, {"rule", "is required"}});
  }
  if (!repo.empty() && !LooksLikeRepoUrl(repo)) {
    return core::Invalid("repo_url must be an http(s)://, ssh:// or git@ address",
                         {{"field", "repo_url"}, {"rule", "must be a repository address"}});
  }
  return std::nullopt;
}

void ReadLevel(core::FieldReader& in, bool required, std::optional<core::AppLevel>& out) {
  if (auto s = in.String("level", 16, required)) {
    out = core::ParseAppLevel(*s);
    if (!out) in.Fail("level", "must be core, non_core or edge");
  }
}

void ReadOwner(core::FieldReader& in, std::optional<std::string>& owner) {
  owner = in.String("owner", 64);
  if (owner) {
    if (auto rule = core::CheckUsername(*owner)) in.Fail("owner", *rule);
  }
}

}  // namespace

core::Result<core::App> ParseRegistration(const boost::json::object& body,
                                          const std::string& caller_username) {
  core::FieldReader in(body);
  in.RejectUnknown({"name", "team", "owner", "type", "level", "description", "repo_url"});
  auto name = in.String("name", 63, true);
  auto team = in.String("team", 64, true);
  std::optional<std::string> owner;
  ReadOwner(in, owner);
  std::optional<core::AppType> type;
  if (auto s = in.String("type", 16, true)) {
    type = core::ParseAppType(*s);
    if (!type) in.Fail("type", "must be self_developed, commercial or empty");
  }
  std::optional<core::AppLevel> level;
  ReadLevel(in, true, level);
  auto description = in.Text("description", 2000);
  auto repo = in.String("repo_url", 512);
  if (!in.ok()) return in.error();
  auto rule = core::CheckDns1123Label(*name);
  if (!rule) rule = core::CheckNotAnId(*name);
  if (rule) return core::Invalid("name " + *rule, {{"field", "name"}, {"rule", *rule}});
  if (auto e = CheckRepo(*type, repo.value_or(""))) return *e;
  core::App app;
  app.name = *name;
  app.team = *team;
  app.owner = owner.value_or(caller_username);
  app.type = *type;
  app.level = *level;
  app.description = description.value_or("");
  app.repo_url = repo.value_or("");
  app.status = core::AppStatus::kUnderReview;
  return app;
}

core::Result<std::string> ApplyBasicEdit(core::App& app, const boost::json::object& body) {
  core::FieldReader in(body);
  auto team = in.String("team", 64);
  std::optional<core::AppLevel> level;
  ReadLevel(in, false, level);
  auto description = in.Text("description", 2000);
  auto repo = in.String("repo_url", 512);
  if (body.contains("name")) in.Fail("name", "cannot be changed");
  if (body.contains("type")) in.Fail("type", "cannot be changed");
  if (team && team->empty()) in.Fail("team", "must not be empty");
  if (!in.ok()) return in.error();
  std::string summary;
  auto set = [&](const char* field, std::string& target, const std::optional<std::string>& value) {
    if (!value || *value == target) return;
    target = *value;
    summary += std::string(summary.empty() ? "" : ", ") + field;
  };
  if (repo) {
    if (auto e = CheckRepo(app.type, *repo)) return *e;
  }
  set("team", app.team, team);
  set("description", app.description, description);
  set("repo_url", app.repo_url, repo);
  if (level && *level != app.level) {
    app.level = *level;
    summary += std::string(summary.empty() ? "" : ", ") + "level";
  }
  return summary;
}

core::Result<std::optional<std::string>> ParseNewOwner(const boost::json::object& body) {
  core::FieldReader in(body);
  std::optional<std::string> owner;
  ReadOwner(in, owner);
  if (!in.ok()) return in.error();
  return owner;
}

core::Result<std::optional<std::vector<std::string>>> ParseApprovers(const boost::json::object& body) {
  const auto* v = body.if_contains("approvers");
  if (!v || v->is_null()) return std::optional<std::vector<std::string>>();
  if (!v->is_array()) return core::Invalid("approvers must be a list of usernames", {{"field", "approvers"}});
  std::vector<std::string> names;
  for (const auto& item : v->as_array()) {
    if (!item.is_string() || core::CheckUsername(item.as_string())) {
      return core::Invalid("approvers must be a list of usernames", {{"field", "approvers"}});
    }
    names.emplace_back(item.as_string());
  }
  return std::optional<std::vector<std::string>>(std::move(names));
}

}  // namespace slipway::services
