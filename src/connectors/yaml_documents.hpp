#pragma once
#include <yaml-cpp/yaml.h>

#include <string_view>
#include <vector>

namespace slipway::connectors {

/// YAML::LoadAll without its endless loop. yaml-cpp 0.7 (Debian 12) reads
/// some malformed streams — a stray top-level comma: `,` or `'a',` — as an
/// empty document that consumes nothing, and LoadAll then collects that
/// same document forever, allocating until the process runs out of memory
/// (yaml-cpp issue #1040; fixed upstream in 2024 by pull request #1319,
/// after 0.7). Throws YAML::ParserException, with the mark where reading
/// stopped, for such a stream; otherwise the same as YAML::LoadAll.
std::vector<YAML::Node> LoadAllDocuments(std::string_view text);

}  // namespace slipway::connectors
