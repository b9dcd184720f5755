#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// `-o table` renderings of configuration files, drafts, diffs and publishes.

/// Name, format, live version, draft (who, based on which version).
std::string RenderConfigFileList(const boost::json::value& list);
/// Where the file lives, its live version and draft, then the live content.
std::string RenderConfigFile(const boost::json::value& file);
/// The draft's bookkeeping, then its content.
std::string RenderConfigDraft(const boost::json::value& draft);
/// Key changes (`+ k = v`, `- k = v`, `~ k: a → b`) or the unified line diff,
/// after a warning when the live value moved on since the draft was taken.
std::string RenderConfigDiff(const boost::json::value& diff);
/// A publish, or a deletion (`action` delete).
std::string RenderConfigPublish(const boost::json::value& publish);
/// What `config delete` without --yes shows: the live file and how to delete it.
std::string RenderConfigDeletePreview(const boost::json::value& file);
std::string RenderConfigHistory(const boost::json::value& list);

}  // namespace slipway::cli
