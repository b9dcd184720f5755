#include "core/apps/app.hpp"

#include <array>
#include <utility>

namespace slipway::core {

namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<AppType, 3> kTypes = {{{AppType::kSelfDeveloped, "self_developed"},
                                       {AppType::kCommercial, "commercial"},
                                       {AppType::kEmpty, "empty"}}};
constexpr Names<AppLevel, 3> kLevels = {
    {{AppLevel::kCore, "core"}, {AppLevel::kNonCore, "non_core"}, {AppLevel::kEdge, "edge"}}};
constexpr Names<AppStatus, 6> kStatuses = {{{AppStatus::kUnderReview, "under_review"},
                                            {AppStatus::kRejected, "rejected"},
                                            {AppStatus::kPendingOnline, "pending_online"},
                                            {AppStatus::kOnline, "online"},
                                            {AppStatus::kPendingOffline, "pending_offline"},
                                            {AppStatus::kOffline, "offline"}}};

template <class E, std::size_t N>
std::string_view NameOf(const Names<E, N>& names, E v) {
  for (const auto& [e, n] : names) {
    if (e == v) return n;
  }
  return "";
}

template <class E, std::size_t N>
std::optional<E> Parse(const Names<E, N>& names, std::string_view s) {
  for (const auto& [e, n] : names) {
    if (n == s) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view AppTypeName(AppType t) { return NameOf(kTypes, t); }
std::optional<AppType> ParseAppType(std::string_view s) { return Parse(kTypes, s); }
std::string_view AppLevelName(AppLevel l) { return NameOf(kLevels, l); }
std::optional<AppLevel> ParseAppLevel(std::string_view s) { return Parse(kLevels, s); }
std::string_view AppStatusName(AppStatus s) { return NameOf(kStatuses, s); }
std::optional<AppStatus> ParseAppStatus(std::string_view s) { return Parse(kStatuses, s); }

std::vector<std::string> MissingFields(const App& app) {
  std::vector<std::string> missing;
  if (app.type == AppType::kEmpty) return missing;  // holds resources only: nothing to release
  if (app.owner.empty()) missing.emplace_back("owner");
  if (app.type == AppType::kSelfDeveloped) {
    if (app.repo_url.empty()) missing.emplace_back("repo_url");
    if (app.details.build_job.empty()) missing.emplace_back("details.build_job");
  } else if (app.details.vendor_image.empty()) {
    missing.emplace_back("details.vendor_image");
  }
  if (app.details.ports.empty()) missing.emplace_back("details.ports");
  if (!app.details.health_check) missing.emplace_back("details.health_check");
  if (app.approvers.empty()) missing.emplace_back("approvers");
  return missing;
}

}  // namespace slipway::core
