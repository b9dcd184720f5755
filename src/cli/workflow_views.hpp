#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

/// `{"workflow":…,"children":[…]}` (GET /api/v1/lanes/{id}/workflow) for
/// `-o table`: a heading line with the workflow's id, kind and state (and
/// error, and the signal it waits for), its steps (index, name, state,
/// attempt, error), and the child workflows its steps started (step, kind,
/// subject, state, the step it is at — the first that has not succeeded —,
/// error). Empty when there is no workflow.
std::string RenderWorkflowProgress(const boost::json::value& progress);

}  // namespace slipway::cli
