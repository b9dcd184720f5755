#pragma once
// How a lane is named in every system it touches (R-LANE-3, R-LANE-4,
// R-LANE-5, R-LANE-6, R-LANE-7). Pure functions; one rule per system, so the
// plan, the workflow and the tests agree on every name.
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// The longest lane name: `<business-domain>-<namespace>` must still be one
/// DNS label (63) with business domains of up to 20 characters.
inline constexpr std::size_t kMaxLaneNameLength = 40;
inline constexpr std::size_t kMaxBusinessDomainLength = 20;

/// Checks a lane name: 1–40 characters of letters, digits, '-', '_' and '.',
/// starting and ending with a letter or digit (so it is a valid Jenkins item
/// name and git branch component), and not an id. Returns the rule broken.
std::optional<std::string> CheckLaneName(std::string_view name);

/// The Kubernetes namespace (R-LANE-3): the name lower-cased, every character
/// other than letters, digits and '-' turned into '-', leading and trailing
/// '-' trimmed, at most 63 characters. "" when nothing is left.
std::string LaneNamespace(std::string_view name);

/// `feature/<lane>` (R-LANE-4).
std::string LaneBranch(std::string_view name);

/// The Jenkins folder holding the lane's jobs: the lane name (R-LANE-5).
std::string LaneJenkinsFolder(std::string_view name);
/// `<lane>/<app>`: the application's job inside the lane folder.
std::string LaneJobPath(std::string_view name, std::string_view app);

/// The config branch (Consul key path element) and Apollo cluster of the
/// lane: the branch with '/' turned into '-' ("feature-<namespace>"), since
/// Apollo cluster names allow only [A-Za-z0-9_.-] and '/' would nest Consul
/// keys (R-LANE-7).
std::string LaneConfigBranch(std::string_view name);

/// `<service>.<namespace>` (R-LANE-6): the service's name inside the lane.
std::string LaneInternalDomain(std::string_view service, std::string_view name);

/// `<business-domain>-<namespace>.<suffix>` (R-LANE-6).
std::string LaneExternalDomain(std::string_view business_domain, std::string_view name,
                               std::string_view suffix);

/// Checks a business domain ("web", "app"): a DNS label of at most 20
/// characters. Returns the rule broken.
std::optional<std::string> CheckBusinessDomain(std::string_view domain);

/// The consumer group a lane's consumer gets (R-LANE-12): `<group>-<namespace>`.
std::string LaneConsumerGroup(std::string_view group, std::string_view name);

/// The version tag of a lane build: `<namespace>-<first 8 of the sha>`.
std::string LaneImageTag(std::string_view name, std::string_view commit_sha);

/// The tag a build started by hand in the lane's Jenkins job pushes (the
/// lane job's IMAGE default): `<namespace>-manual`. Deployed by digest.
std::string LaneManualImageTag(std::string_view name);

}  // namespace slipway::core
