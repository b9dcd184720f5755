#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// Checks a Jenkins item's full name ("trade/order-svc", a job inside
/// folders): segments separated by '/', none empty, none "." or "..", none
/// with leading or trailing spaces, and no character Jenkins refuses in an
/// item name (Jenkins.checkGoodName: control characters and
/// ? * / \ % ! @ # $ ^ & | < > [ ] : ;). The path becomes URL segments
/// (/job/a/job/b) and the job's folder on the Jenkins disk, so "../x" must
/// never pass. Returns the rule broken, or nullopt.
std::optional<std::string> CheckJenkinsItemPath(std::string_view path);

}  // namespace slipway::core
