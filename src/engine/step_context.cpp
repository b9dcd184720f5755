#include "engine/step_context.hpp"

namespace slipway::engine {

const boost::json::value* StepContext::Output(std::string_view step_name) const {
  auto it = outputs.find(step_name);
  return it == outputs.end() ? nullptr : &it->second;
}

}  // namespace slipway::engine
