#include "connectors/gitlab/fake.hpp"

#include "connectors/gitlab/commit_sha.hpp"

namespace slipway::connectors::gitlab {

namespace {

core::Error ProjectNotFound() { return core::NotFound("gitlab: 404 Project Not Found"); }
core::Error BranchNotFound() { return core::NotFound("gitlab: 404 Branch Not Found"); }

}  // namespace

std::optional<core::Error> FakeGitLab::Enter(std::string operation, std::string_view detail) {
  calls_.push_back(operation + " " + std::string(detail));
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if (it->first.empty() || it->first == operation) {
      core::Error e = it->second;
      failures_.erase(it);
      return e;
    }
  }
  return std::nullopt;
}

void FakeGitLab::FailNext(std::string operation, core::Error error) {
  std::lock_guard lock(mutex_);
  failures_.emplace_back(std::move(operation), std::move(error));
}

std::vector<std::string> FakeGitLab::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

core::Result<FakeGitLab::Project*> FakeGitLab::Find(std::string_view project) {
  auto it = projects_.find(project);
  if (it == projects_.end()) return ProjectNotFound();
  return &it->second;
}

GitLabBranch FakeGitLab::BranchOf(const Project& p, const std::string& name) const {
  return GitLabBranch{name, p.branches.at(name), "update", name == p.info.default_branch, false};
}

GitLabProject FakeGitLab::AddProject(std::string path, std::string default_branch) {
  std::lock_guard lock(mutex_);
  auto& p = projects_[path];
  p.info = GitLabProject{
      next_id_++,     path.substr(path.rfind('/') + 1), path,
      default_branch, "https://gitlab.fake/" + path,    "https://gitlab.fake/" + path + ".git"};
  p.branches[default_branch] = CommitShaFor(path + "\n" + default_branch + "\n0");
  return p.info;
}

core::Result<PushEvent> FakeGitLab::Push(std::string_view project, std::string_view branch,
                                         std::string message) {
  std::lock_guard lock(mutex_);
  auto p = Find(project);
  if (!p.ok()) return p.error();
  auto& proj = **p;
  PushEvent e;
  auto existing = proj.branches.find(std::string(branch));
  e.before = existing == proj.branches.end() ? std::string(kZeroSha) : existing->second;
  e.after = CommitShaFor(std::string(project) + "\n" + std::string(branch) + "\n" +
                         std::to_string(++proj.commits));
  proj.branches[std::string(branch)] = e.after;
  e.project_id = proj.info.id;
  e.project_path = proj.info.path_with_namespace;
  e.ref = "refs/heads/" + std::string(branch);
  e.branch = std::string(branch);
  e.checkout_sha = e.after;
  e.commits.push_back({e.after, message, message, "2026-01-01T00:00:00+00:00",
                       proj.info.web_url + "/-/commit/" + e.after, "Fake User",
                       "fake@example.com"});
  e.total_commits_count = 1;
  e.user_name = "Fake User";
  e.user_username = "fake";
  return e;
}

core::Result<GitLabProject> FakeGitLab::GetProject(std::string_view project) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetProject", project)) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  return (*p)->info;
}

core::Result<GitLabBranch> FakeGitLab::GetBranch(std::string_view project,
                                                 std::string_view branch) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetBranch", std::string(project) + " " + std::string(branch))) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  if (!(*p)->branches.contains(std::string(branch))) return BranchNotFound();
  return BranchOf(**p, std::string(branch));
}

core::Result<std::vector<GitLabBranch>> FakeGitLab::ListBranches(std::string_view project) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("ListBranches", project)) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  std::vector<GitLabBranch> out;
  for (const auto& [name, sha] : (*p)->branches) out.push_back(BranchOf(**p, name));
  return out;
}

core::Result<GitLabBranch> FakeGitLab::CreateBranch(std::string_view project,
                                                    std::string_view branch, std::string_view ref) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("CreateBranch", std::string(project) + " " + std::string(branch))) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  auto& branches = (*p)->branches;
  if (branches.contains(std::string(branch)))
    return core::Conflict("gitlab: Branch already exists");
  std::string sha;
  if (auto it = branches.find(std::string(ref)); it != branches.end()) {
    sha = it->second;
  } else {
    for (const auto& [name, s] : branches) {
      if (s == ref) sha = s;
    }
  }
  if (sha.empty()) {
    return core::Invalid("gitlab: Failed to create branch '" + std::string(branch) +
                         "': invalid reference name '" + std::string(ref) + "'");
  }
  branches[std::string(branch)] = sha;
  return BranchOf(**p, std::string(branch));
}

core::Status FakeGitLab::DeleteBranch(std::string_view project, std::string_view branch) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("DeleteBranch", std::string(project) + " " + std::string(branch))) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  if (!(*p)->branches.contains(std::string(branch))) return BranchNotFound();
  if ((*p)->info.default_branch == branch) {
    return core::Invalid("gitlab: The default branch of a project cannot be deleted.");
  }
  (*p)->branches.erase(std::string(branch));
  return core::Ok{};
}

core::Result<GitLabHook> FakeGitLab::CreateHook(std::string_view project,
                                                const NewGitLabHook& hook) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("CreateHook", project)) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  if (hook.url.empty()) return core::Invalid("gitlab: url is missing");
  GitLabHook h{next_id_++, hook.url, hook.push_events, hook.push_events_branch_filter};
  (*p)->hooks[h.id] = {h, hook.token};
  return h;
}

core::Result<std::vector<GitLabHook>> FakeGitLab::ListHooks(std::string_view project) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("ListHooks", project)) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  std::vector<GitLabHook> out;
  for (const auto& [id, h] : (*p)->hooks) out.push_back(h.first);
  return out;
}

core::Status FakeGitLab::DeleteHook(std::string_view project, std::int64_t hook_id) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("DeleteHook", project)) return *e;
  auto p = Find(project);
  if (!p.ok()) return p.error();
  if ((*p)->hooks.erase(hook_id) == 0) return core::NotFound("gitlab: 404 Not found");
  return core::Ok{};
}

}  // namespace slipway::connectors::gitlab
