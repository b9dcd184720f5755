#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// `-o table` renderings of lanes; missing fields show as "-".

/// One line per lane: name, state, apps, owner, expiry stage, when it is
/// listed for deletion (pending) and deleted (delete at).
std::string RenderLaneList(const boost::json::value& list);
/// Basic fields, story, expiry and what the caller may do; then tables of
/// the applications with their live state and of the lane's consumers.
std::string RenderLane(const boost::json::value& lane);
/// A plan (`{"plan":[…]}` or a bare array): system, kind, name, app, detail.
std::string RenderLanePlan(const boost::json::value& plan);
/// The answer of a create, edit or sync: the plan on a dry run; otherwise
/// the lane and the workflow doing the work (or that nothing is to do).
std::string RenderLanePlanResult(const boost::json::value& result);
/// Every artefact as its system has it now: present, missing, or why it
/// could not be asked.
std::string RenderLaneDrift(const boost::json::value& list);
std::string RenderLaneEvents(const boost::json::value& list);
/// A delete's answer: done, still running, or the step that failed.
std::string RenderLaneDeletion(const boost::json::value& deletion);

}  // namespace slipway::cli
