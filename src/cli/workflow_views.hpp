#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

/// A workflow (GET /api/v1/workflows/{id}) for `-o table`: a heading line
/// with its id, kind and state (and error, and the signal it waits for),
/// then its steps (index, name, state, attempt, error) and the child
/// workflows it started (step, kind, subject, state, error).
std::string RenderWorkflow(const boost::json::value& workflow);

}  // namespace slipway::cli
