// Calls every route of the OpenAPI document as every kind of caller and
// checks the answer against the route's permission (R-SEC-1: every
// endpoint authorized). A second test pins each route's permission to the
// table below, so that a route whose permission changes fails here.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

struct RouteKey {
  std::string method;
  std::string path;
  auto operator<=>(const RouteKey&) const = default;
};

// The permission every route must have. Change it only together with the
// route: this table is the reviewable statement of who may do what.
const std::map<RouteKey, std::string>& ExpectedPermissions() {
  static const std::map<RouteKey, std::string> table = {
      {{"GET", "/healthz"}, "public"},
      {{"GET", "/readyz"}, "public"},
      {{"GET", "/metrics"}, "public"},
      {{"GET", "/api/v1/openapi.json"}, "public"},
      {{"GET", "/api/v1/sandbox"}, "authenticated"},
      {{"POST", "/api/v1/auth/login"}, "public"},
      {{"POST", "/api/v1/auth/logout"}, "authenticated"},
      {{"GET", "/api/v1/auth/me"}, "authenticated"},
      {{"POST", "/api/v1/auth/password"}, "authenticated"},
      {{"POST", "/api/v1/tokens"}, "authenticated"},
      {{"GET", "/api/v1/tokens"}, "authenticated"},
      {{"DELETE", "/api/v1/tokens/{id}"}, "authenticated"},
      {{"GET", "/api/v1/users"}, "admin"},
      {{"POST", "/api/v1/users"}, "admin"},
      {{"GET", "/api/v1/users/{id}"}, "admin"},
      {{"PATCH", "/api/v1/users/{id}"}, "admin"},
      {{"POST", "/api/v1/users/{id}/password"}, "admin"},
      {{"GET", "/api/v1/apps"}, "app.read"},
      {{"POST", "/api/v1/apps"}, "developer"},
      {{"GET", "/api/v1/apps/{id}"}, "app.read"},
      {{"PATCH", "/api/v1/apps/{id}"}, "app.write"},
      {{"PUT", "/api/v1/apps/{id}/details"}, "app.write"},
      {{"POST", "/api/v1/apps/{id}/approve"}, "admin"},
      {{"POST", "/api/v1/apps/{id}/reject"}, "admin"},
      {{"POST", "/api/v1/apps/{id}/resubmit"}, "app.write"},
      {{"POST", "/api/v1/apps/{id}/offline"}, "app.owner"},
      {{"POST", "/api/v1/apps/{id}/offline/confirm"}, "admin"},
      {{"POST", "/api/v1/apps/{id}/offline/cancel"}, "app.owner"},
      {{"GET", "/api/v1/apps/{id}/members"}, "app.read"},
      {{"PUT", "/api/v1/apps/{id}/members/{username}"}, "app.owner"},
      {{"DELETE", "/api/v1/apps/{id}/members/{username}"}, "app.owner"},
      {{"GET", "/api/v1/audit"}, "authenticated"},
      {{"GET", "/api/v1/workflows/{id}"}, "admin"},
      {{"POST", "/api/v1/workflows/{id}/signals/{name}"}, "admin"},
      {{"POST", "/api/v1/workflows/{id}/cancel"}, "admin"},
      {{"GET", "/api/v1/clusters"}, "authenticated"},
      {{"POST", "/api/v1/clusters"}, "admin"},
      {{"GET", "/api/v1/clusters/{id}"}, "authenticated"},
      {{"PATCH", "/api/v1/clusters/{id}"}, "admin"},
      {{"DELETE", "/api/v1/clusters/{id}"}, "admin"},
      {{"GET", "/api/v1/connectors"}, "admin"},
      {{"GET", "/api/v1/connectors/{system}"}, "admin"},
      {{"PUT", "/api/v1/connectors/{system}"}, "admin"},
      {{"DELETE", "/api/v1/connectors/{system}"}, "admin"},
      {{"POST", "/api/v1/connectors/{system}/test"}, "admin"},
      {{"GET", "/api/v1/apps/{id}/environments"}, "app.read"},
      {{"POST", "/api/v1/apps/{id}/environments"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}"}, "app.read"},
      {{"DELETE", "/api/v1/environments/{id}"}, "app.write"},
      {{"PUT", "/api/v1/environments/{id}/release-policy"}, "app.owner"},
      {{"GET", "/api/v1/environments/{id}/pods"}, "app.read"},
      {{"POST", "/api/v1/environments/{id}/restart"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}/operations"}, "app.read"},
      {{"GET", "/api/v1/environments/{id}/events"}, "app.read"},
      {{"POST", "/api/v1/changes/{id}/release"}, "app.write"},
      {{"GET", "/api/v1/changes"}, "authenticated"},
      {{"GET", "/api/v1/releases"}, "app.read"},
      {{"GET", "/api/v1/releases/{id}"}, "app.read"},
      {{"GET", "/api/v1/releases/{id}/events"}, "app.read"},
      {{"POST", "/api/v1/releases/{id}/promote"}, "app.write"},
      {{"POST", "/api/v1/releases/{id}/promote-all"}, "app.write"},
      {{"POST", "/api/v1/releases/{id}/abort"}, "app.write"},
      {{"GET", "/api/v1/releases/{id}/rollback-plan"}, "app.read"},
      {{"POST", "/api/v1/releases/{id}/rollback"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}/baselines"}, "app.read"},
      {{"GET", "/api/v1/environments/{id}/baselines/diff"}, "app.read"},
      {{"GET", "/api/v1/environments/{id}/config-drift"}, "app.read"},
      {{"POST", "/api/v1/environments/{id}/scale"}, "app.write"},
      {{"POST", "/api/v1/environments/{id}/edit"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}/config/files"}, "app.read"},
      {{"GET", "/api/v1/environments/{id}/config/files/{name}"}, "app.read"},
      {{"DELETE", "/api/v1/environments/{id}/config/files/{name}"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}/config/files/{name}/draft"}, "app.read"},
      {{"PUT", "/api/v1/environments/{id}/config/files/{name}/draft"}, "app.write"},
      {{"DELETE", "/api/v1/environments/{id}/config/files/{name}/draft"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}/config/files/{name}/diff"}, "app.read"},
      {{"POST", "/api/v1/environments/{id}/config/files/{name}/publish"}, "app.write"},
      {{"GET", "/api/v1/environments/{id}/config/history"}, "app.read"},
      {{"GET", "/api/v1/environments/{id}/config/history/{publish}"}, "app.read"},
      {{"GET", "/api/v1/apps/{id}/builds"}, "app.read"},
      {{"POST", "/api/v1/apps/{id}/builds"}, "app.write"},
      {{"GET", "/api/v1/builds/{id}"}, "app.read"},
      {{"DELETE", "/api/v1/builds/{id}"}, "app.write"},
      {{"GET", "/api/v1/builds/{id}/log"}, "app.read"},
      {{"POST", "/api/v1/builds/{id}/cancel"}, "app.write"},
      {{"GET", "/api/v1/apps/{id}/changes"}, "app.read"},
      {{"POST", "/api/v1/apps/{id}/changes"}, "app.write"},
      {{"GET", "/api/v1/changes/{id}"}, "app.read"},
      {{"PATCH", "/api/v1/changes/{id}"}, "app.write"},
      {{"POST", "/api/v1/changes/{id}/submit"}, "app.write"},
      {{"POST", "/api/v1/changes/{id}/approve"}, "app.approve"},
      {{"POST", "/api/v1/changes/{id}/reject"}, "app.approve"},
      {{"POST", "/api/v1/changes/{id}/close"}, "app.write"},
      {{"POST", "/api/v1/changes/{id}/withdraw"}, "app.write"},
      {{"GET", "/api/v1/apps/{id}/notifications"}, "app.owner"},
      {{"PUT", "/api/v1/apps/{id}/notifications"}, "app.owner"},
      {{"GET", "/api/v1/teams/{team}/notifications"}, "admin"},
      {{"PUT", "/api/v1/teams/{team}/notifications"}, "admin"},
      {{"GET", "/api/v1/lanes"}, "authenticated"},
      {{"POST", "/api/v1/lanes"}, "developer"},
      {{"GET", "/api/v1/lanes/{id}"}, "authenticated"},
      {{"PATCH", "/api/v1/lanes/{id}"}, "developer"},
      {{"DELETE", "/api/v1/lanes/{id}"}, "developer"},
      {{"GET", "/api/v1/lanes/{id}/plan"}, "authenticated"},
      {{"GET", "/api/v1/lanes/{id}/events"}, "authenticated"},
      {{"GET", "/api/v1/lanes/{id}/drift"}, "authenticated"},
      {{"GET", "/api/v1/lanes/{id}/workflow"}, "authenticated"},
      {{"POST", "/api/v1/lanes/{id}/renew"}, "developer"},
      {{"POST", "/api/v1/lanes/{id}/sync"}, "developer"},
      {{"POST", "/hooks/gitlab"}, "public"},
  };
  return table;
}

std::map<RouteKey, std::string> DocumentedPermissions(Api& api) {
  auto doc = api.Get("/api/v1/openapi.json");
  EXPECT_EQ(doc.status, 200) << doc;
  std::map<RouteKey, std::string> out;
  const auto* paths = doc.Object().if_contains("paths");
  if (!paths || !paths->is_object()) return out;
  static const std::set<std::string> methods = {"get", "post", "put", "patch", "delete"};
  for (const auto& [path, item] : paths->as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      if (!methods.count(std::string(method))) continue;  // "parameters", "summary"…
      std::string upper(method);
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const auto* permission = operation.as_object().if_contains("x-permission");
      out[{upper, std::string(path)}] = permission && permission->is_string()
                                            ? std::string(permission->as_string())
                                            : "(missing)";
    }
  }
  return out;
}

// Who, in the walk, holds which permission.
enum class Who { kAdmin, kApprover, kDeveloper, kViewer, kOutsider };

const char* Name(Who who) {
  switch (who) {
    case Who::kAdmin:
      return "admin";
    case Who::kApprover:
      return "approver (approver member)";
    case Who::kDeveloper:
      return "developer (owner)";
    case Who::kViewer:
      return "viewer";
    case Who::kOutsider:
      return "outsider (developer, not a member)";
  }
  return "";
}

bool Holds(Who who, const std::string& permission) {
  if (permission == "public" || permission == "authenticated" || permission == "app.read")
    return true;
  if (permission == "developer") return who != Who::kViewer;
  if (permission == "admin") return who == Who::kAdmin;
  if (permission == "app.write" || permission == "app.owner") {
    return who == Who::kAdmin || who == Who::kDeveloper;
  }
  if (permission == "app.approve") return who == Who::kAdmin || who == Who::kApprover;
  ADD_FAILURE() << "unknown permission " << permission;
  return false;
}

// The walk's server runs the sandbox: environment routes need a cluster.
class AuthorizationWalkTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  void SetUp() override {
    users_[Who::kApprover] = server().CreateUser("approver", "walk-approver");
    users_[Who::kDeveloper] = server().CreateUser("developer", "walk-dev");
    users_[Who::kViewer] = server().CreateUser("viewer", "walk-viewer");
    users_[Who::kOutsider] = server().CreateUser("developer", "walk-outsider");
    users_[Who::kAdmin] = server().admin_user();
    target_user_ = server().CreateUser("viewer", "walk-target");
  }

  // A fresh application per route: developer owns it, approver approves.
  std::string FreshApp() {
    auto reg =
        server().As(users_[Who::kDeveloper]).Post("/api/v1/apps", AppBody(UniqueName("walk")));
    EXPECT_EQ(reg.status, 201) << reg;
    const auto path = "/api/v1/apps/" + std::to_string(reg.Int("id"));
    auto member =
        server()
            .As(users_[Who::kDeveloper])
            .Put(path + "/members/" + users_[Who::kApprover].username, {{"role", "approver"}});
    EXPECT_EQ(member.status, 200) << member;
    return std::to_string(reg.Int("id"));
  }

  // A fresh environment of a fresh, approved application on the sandbox cluster.
  std::string FreshEnvironment(const std::string& image = "") {
    auto app = FreshApp();
    auto approved =
        server().Admin().Post("/api/v1/apps/" + app + "/approve", {{"comment", "walk"}});
    EXPECT_EQ(approved.status, 200) << approved;
    boost::json::object body{{"env_type", "test"}, {"cluster", "sandbox"}};
    if (!image.empty()) body["image"] = image;
    auto env = server().Admin().Post("/api/v1/apps/" + app + "/environments", body);
    EXPECT_EQ(env.status, 201) << env;
    return std::to_string(env.Int("id"));
  }

  // A release (scaling an environment that has an image) and its change.
  std::pair<std::string, std::string> FreshRelease() {
    auto env = FreshEnvironment("registry.invalid/walk/app:1");
    auto scaled =
        server().Admin().Post("/api/v1/environments/" + env + "/scale", {{"replicas", 2}});
    EXPECT_EQ(scaled.status, 202) << scaled;
    return {std::to_string(scaled.Int("release_id")), std::to_string(scaled.Int("change_id"))};
  }

  // A developing code change of a fresh, complete commercial application
  // (released from a vendor image: no build needed).
  std::string FreshChange() {
    auto& dev = users_[Who::kDeveloper];
    auto reg = server().As(dev).Post("/api/v1/apps", {{"name", UniqueName("walkc")},
                                                      {"team", "trade"},
                                                      {"type", "commercial"},
                                                      {"level", "non_core"}});
    EXPECT_EQ(reg.status, 201) << reg;
    const auto app = "/api/v1/apps/" + std::to_string(reg.Int("id"));
    auto approved = server().Admin().Post(app + "/approve", {{"comment", "walk"}});
    EXPECT_EQ(approved.status, 200) << approved;
    auto details = CompleteDetailsBody(approved.Int("version"), users_[Who::kApprover].username);
    details.erase("build_job");
    details["vendor_image"] = "registry.invalid/walk/vendor";
    auto completed = server().As(dev).Put(app + "/details", details);
    EXPECT_EQ(completed.status, 200) << completed;
    auto env = server().Admin().Post(app + "/environments",
                                     {{"env_type", "test"}, {"cluster", "sandbox"}});
    EXPECT_EQ(env.status, 201) << env;
    auto change = server().As(dev).Post(
        app + "/changes", {{"env_id", env.Int("id")}, {"title", "walk"}, {"tag", "1.0"}});
    EXPECT_EQ(change.status, 201) << change;
    return std::to_string(change.Int("id"));
  }

  // A fresh cluster (in_cluster: nothing to reach), so deleting it spoils nothing.
  std::string FreshCluster() {
    auto cluster = server().Admin().Post(
        "/api/v1/clusters", {{"name", UniqueName("walk")}, {"connection", "in_cluster"}});
    EXPECT_EQ(cluster.status, 201) << cluster;
    return std::to_string(cluster.Int("id"));
  }

  // A build of a fresh application the developer owns.
  std::string FreshBuild() {
    const std::string app = FreshApp();
    auto approved = server().Admin().Post("/api/v1/apps/" + app + "/approve");
    EXPECT_EQ(approved.status, 200) << approved;
    auto build =
        server()
            .As(users_[Who::kDeveloper])
            .Post("/api/v1/apps/" + app + "/builds", {{"branch", "main"}, {"version", "1.0"}});
    EXPECT_EQ(build.status, 201) << build;
    return std::to_string(build.Int("id"));
  }

  // The concrete path for a route pattern, with fixture objects for its parameters.
  std::string Concrete(const std::string& pattern, std::int64_t victim_token_id) {
    std::string id;
    if (pattern.rfind("/api/v1/apps/{id}", 0) == 0) id = FreshApp();
    if (pattern.rfind("/api/v1/users/{id}", 0) == 0) id = std::to_string(target_user_.id);
    if (pattern.rfind("/api/v1/tokens/{id}", 0) == 0) id = std::to_string(victim_token_id);
    if (pattern.rfind("/api/v1/workflows/{id}", 0) == 0) id = "1";
    if (pattern.rfind("/api/v1/clusters/{id}", 0) == 0) id = FreshCluster();
    if (pattern.rfind("/api/v1/environments/{id}", 0) == 0) id = FreshEnvironment();
    if (pattern.rfind("/api/v1/releases/{id}", 0) == 0) id = FreshRelease().first;
    if (pattern == "/api/v1/changes/{id}/release") {
      id = FreshRelease().second;
    } else if (pattern.rfind("/api/v1/changes/{id}", 0) == 0) {
      id = FreshChange();
    }
    if (pattern.rfind("/api/v1/builds/{id}", 0) == 0) id = FreshBuild();
    // No lane: the route answers by the caller's role first (403), then 404;
    // who may change a lane is walked by LaneRightsTest.
    if (pattern.rfind("/api/v1/lanes/{id}", 0) == 0) id = "999999";
    std::string out = pattern;
    auto replace = [&out](const std::string& from, const std::string& to) {
      if (auto at = out.find(from); at != std::string::npos) out.replace(at, from.size(), to);
    };
    replace("{id}", id);
    replace("{username}", users_[Who::kApprover].username);
    replace("{name}", "promote");  // a workflow signal, or a config file name
    replace("{publish}", "1");
    replace("{team}", "walk-team");
    // An empty PUT is refused (url is required) and TAPD was never set
    // through the API (DELETE: 404), so the walk leaves the connector alone.
    replace("{system}", "tapd");
    // Event streams end by themselves here, or the walk would wait forever.
    if (pattern.size() > 7 && pattern.substr(pattern.size() - 7) == "/events")
      out += "?timeout_seconds=1";
    if (pattern == "/api/v1/environments/{id}/baselines/diff") out += "?from=1&to=1";
    return out;
  }

  std::map<Who, TestUser> users_;
  TestUser target_user_;
};

TEST_F(AuthorizationWalkTest, OpenApiPermissionsMatchTheExpectedTable) {
  auto api = server().Anonymous();
  auto documented = DocumentedPermissions(api);
  for (const auto& [route, permission] : ExpectedPermissions()) {
    auto it = documented.find(route);
    if (it == documented.end()) {
      ADD_FAILURE() << route.method << " " << route.path << " is not in the OpenAPI document";
    } else {
      EXPECT_EQ(it->second, permission) << route.method << " " << route.path;
    }
  }
  for (const auto& [route, permission] : documented) {
    EXPECT_TRUE(ExpectedPermissions().count(route))
        << route.method << " " << route.path << " (" << permission
        << ") is not in the expected table";
  }
}

// BUG (src/services/app_service.cpp AppService::Edit and CompleteDetails,
// src/services/app_members.cpp AppService::PutMember): the body is validated
// before the caller's membership is checked, so an approver member or an
// outsider sending {} to PATCH /apps/{id}, PUT /apps/{id}/details or
// PUT /apps/{id}/members/{username} gets 400 (and learns the schema)
// instead of 403. Authorization must come first.
TEST_F(AuthorizationWalkTest, EveryRouteAnswersEachCallerByItsPermission) {
  auto anonymous = server().Anonymous();
  auto routes = DocumentedPermissions(anonymous);
  ASSERT_GE(routes.size(), ExpectedPermissions().size());
  // Admins run last, and every route gets fresh fixtures, so destructive
  // calls (revoke, offline, member removal) cannot spoil later checks.
  const std::vector<Who> order = {Who::kViewer, Who::kOutsider, Who::kApprover, Who::kDeveloper,
                                  Who::kAdmin};
  std::vector<std::string> mismatches;
  for (const auto& [route, permission] : routes) {
    // The admin's token that DELETE /tokens/{id} may revoke (not the one in use).
    Api admin_session = server().Admin();
    auto victim = admin_session.Post("/api/v1/tokens", {{"name", "walk-victim"}});
    ASSERT_EQ(victim.status, 201) << victim;
    const std::string path = Concrete(route.path, victim.Int("id"));
    const bool write = route.method != "GET";
    const std::optional<boost::json::value> body =
        write ? std::optional<boost::json::value>(boost::json::object{}) : std::nullopt;
    const std::string label =
        route.method + " " + path + " [" + route.path + ", " + permission + "]";

    auto nobody = anonymous.Send(route.method, path, body);
    if (permission == "public" ? (nobody.status == 401 || nobody.status == 403)
                               : nobody.status != 401) {
      mismatches.push_back(label + " without credentials: got " + std::to_string(nobody.status));
    }
    for (Who who : order) {
      auto reply = server().As(users_[who]).Send(route.method, path, body);
      const bool denied = reply.status == 401 || reply.status == 403;
      if (Holds(who, permission) == denied ||
          (denied &&
           reply.ErrorCode() != (reply.status == 401 ? "unauthenticated" : "forbidden")) ||
          reply.status >= 500) {
        mismatches.push_back(label + " as " + Name(who) + ": got " + std::to_string(reply.status) +
                             " " + reply.ErrorCode() + " (" + reply.raw.body.substr(0, 160) + ")");
      }
    }
  }
  std::string report;
  for (const auto& m : mismatches) report += "\n  " + m;
  EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " authorization mismatches:" << report;
}

// Who may change who may do what (issue 9): the owner, the members and the
// approvers of an application, and who may approve a change in a core
// application's prod environment. Every caller meets every operation on
// fresh fixtures; the expected table is the policy.
class RightsWalkTest : public AuthorizationWalkTest {
 protected:
  enum class Role {
    kAdmin,
    kOwner,
    kMember,
    kApproverMember,
    kDemotedApprover,
    kViewer,
    kOutsider
  };
  static const char* Label(Role r) {
    switch (r) {
      case Role::kAdmin:
        return "admin";
      case Role::kOwner:
        return "owner (developer)";
      case Role::kMember:
        return "developer member";
      case Role::kApproverMember:
        return "approver member (approver)";
      case Role::kDemotedApprover:
        return "approver member whose role became viewer";
      case Role::kViewer:
        return "viewer";
      case Role::kOutsider:
        return "developer, not a member";
    }
    return "";
  }
  static constexpr Role kAll[] = {Role::kAdmin,          Role::kOwner,           Role::kMember,
                                  Role::kApproverMember, Role::kDemotedApprover, Role::kViewer,
                                  Role::kOutsider};

  // A complete, approved core commercial application with a prod
  // environment: its own owner, developer member and approver members.
  struct Fixture {
    std::string path;
    std::int64_t env_id = 0;
    std::map<Role, TestUser> users;
  };
  Fixture FreshFixture() {
    Fixture f;
    f.users[Role::kAdmin] = server().admin_user();
    f.users[Role::kOwner] = server().CreateUser("developer", "rw-owner");
    f.users[Role::kMember] = server().CreateUser("developer", "rw-member");
    f.users[Role::kApproverMember] = server().CreateUser("approver", "rw-lead");
    f.users[Role::kDemotedApprover] = server().CreateUser("approver", "rw-demoted");
    f.users[Role::kViewer] = server().CreateUser("viewer", "rw-viewer");
    f.users[Role::kOutsider] = server().CreateUser("developer", "rw-outsider");
    auto owner = server().As(f.users[Role::kOwner]);
    auto reg = owner.Post("/api/v1/apps", {{"name", UniqueName("rights")},
                                           {"team", "walk"},
                                           {"type", "commercial"},
                                           {"level", "core"}});
    EXPECT_EQ(reg.status, 201) << reg;
    f.path = "/api/v1/apps/" + std::to_string(reg.Int("id"));
    auto approved = server().Admin().Post(f.path + "/approve");
    EXPECT_EQ(approved.status, 200) << approved;
    auto details =
        CompleteDetailsBody(approved.Int("version"), f.users[Role::kApproverMember].username);
    details.erase("build_job");
    details["vendor_image"] = "registry.invalid/walk/vendor";
    details["approvers"] =
        boost::json::array{boost::json::value(f.users[Role::kApproverMember].username),
                           boost::json::value(f.users[Role::kDemotedApprover].username)};
    EXPECT_EQ(owner.Put(f.path + "/details", details).status, 200);
    EXPECT_EQ(
        owner.Put(f.path + "/members/" + f.users[Role::kMember].username, {{"role", "developer"}})
            .status,
        200);
    auto& demoted = f.users[Role::kDemotedApprover];
    auto current = server().Admin().Get("/api/v1/users/" + std::to_string(demoted.id));
    EXPECT_EQ(server()
                  .Admin()
                  .Patch("/api/v1/users/" + std::to_string(demoted.id),
                         {{"version", current.Int("version")}, {"role", "viewer"}})
                  .status,
              200);
    auto env = owner.Post(f.path + "/environments", {{"env_type", "prod"}, {"cluster", "sandbox"}});
    EXPECT_EQ(env.status, 201) << env;
    f.env_id = env.Int("id");
    return f;
  }
  std::int64_t Version(const Fixture& f) { return server().Admin().Get(f.path).Int("version"); }
  // A change written by `author`, submitted: it waits for approval (core, prod).
  std::string ApprovingChange(const Fixture& f, const TestUser& author) {
    auto created = server().As(author).Post(
        f.path + "/changes", {{"env_id", f.env_id}, {"title", "walk"}, {"tag", "1.0"}});
    EXPECT_EQ(created.status, 201) << created;
    const auto path = "/api/v1/changes/" + std::to_string(created.Int("id"));
    auto submitted = server().As(author).Post(path + "/submit");
    EXPECT_EQ(submitted.Str("state"), "approving") << submitted;
    return path;
  }
};

TEST_F(RightsWalkTest, OwnershipMembersAndApproversPerRole) {
  using Op = std::function<Reply(Fixture&, Api&)>;
  const std::set<Role> owners = {Role::kAdmin, Role::kOwner};
  const std::set<Role> approvers = {Role::kAdmin, Role::kApproverMember};
  struct Case {
    std::string what;
    std::set<Role> allowed;
    Op op;
  };
  const std::vector<Case> cases = {
      {"PATCH owner to the developer member", owners,
       [&](Fixture& f, Api& api) {
         return api.Patch(f.path,
                          {{"version", Version(f)}, {"owner", f.users[Role::kMember].username}});
       }},
      {"PUT a member", owners,
       [&](Fixture& f, Api& api) {
         return api.Put(f.path + "/members/" + f.users[Role::kOutsider].username,
                        {{"role", "developer"}});
       }},
      {"PUT the developer member as owner", owners,
       [&](Fixture& f, Api& api) {
         return api.Put(f.path + "/members/" + f.users[Role::kMember].username,
                        {{"role", "owner"}});
       }},
      {"DELETE a member", owners,
       [&](Fixture& f, Api& api) {
         return api.Delete(f.path + "/members/" + f.users[Role::kMember].username);
       }},
      {"PUT details with other approvers", owners,
       [&](Fixture& f, Api& api) {
         return api.Put(
             f.path + "/details",
             {{"version", Version(f)},
              {"approvers",
               boost::json::array{boost::json::value(f.users[Role::kApproverMember].username)}}});
       }},
      {"PUT the prod environment's release policy", owners,
       [&](Fixture& f, Api& api) {
         return api.Put("/api/v1/environments/" + std::to_string(f.env_id) + "/release-policy",
                        {{"auto_rollback", true}});
       }},
      {"approve the owner's change", approvers,
       [&](Fixture& f, Api& api) {
         return api.Post(ApprovingChange(f, f.users[Role::kOwner]) + "/approve",
                         {{"comment", "walk"}});
       }},
  };
  std::vector<std::string> mismatches;
  for (const auto& c : cases) {
    for (Role who : kAll) {
      auto f = FreshFixture();
      auto api = server().As(f.users[who]);
      auto reply = c.op(f, api);
      const bool allowed = c.allowed.count(who) > 0;
      const bool ok = allowed ? (reply.status == 200 || reply.status == 204) : reply.status == 403;
      if (!ok) {
        mismatches.push_back(c.what + " as " + Label(who) + ": got " +
                             std::to_string(reply.status) + " " + reply.raw.body.substr(0, 160));
      }
    }
  }
  // Nobody approves their own change in a core application's prod
  // environment, not even an admin (the default policy).
  auto f = FreshFixture();
  auto own = server().Admin().Post(ApprovingChange(f, f.users[Role::kAdmin]) + "/approve",
                                   {{"comment", "mine"}});
  if (own.status != 403)
    mismatches.push_back("approve their own change as admin: got " + std::to_string(own.status));
  std::string report;
  for (const auto& m : mismatches) report += "\n  " + m;
  EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " rights mismatches:" << report;
}

}  // namespace
}  // namespace slipway::testing
