#include "connectors/yaml_documents.hpp"

#include <yaml-cpp/eventhandler.h>

#include <optional>
#include <sstream>
#include <string>

namespace slipway::connectors {

namespace {

// Notes where the last document started; the rest of the events are not needed.
class DocumentStart final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { mark_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  const YAML::Mark& mark() const { return mark_; }

 private:
  YAML::Mark mark_ = YAML::Mark::null_mark();
};

}  // namespace

std::vector<YAML::Node> LoadAllDocuments(std::string_view text) {
  const std::string content(text);
  // A first pass over the parser's events only. A document always consumes
  // what it starts with, so one starting where the previous one did means
  // the parser is stuck and would return it forever. The parser's events do
  // not depend on the handler, so when this pass ends, LoadAll ends too.
  std::istringstream stream(content);
  YAML::Parser parser(stream);
  DocumentStart start;
  std::optional<int> previous;
  while (parser.HandleNextDocument(start)) {
    if (previous == start.mark().pos) {
      throw YAML::ParserException(start.mark(),
                                  "unexpected content: the document cannot be read from here on");
    }
    previous = start.mark().pos;
  }
  return YAML::LoadAll(content);
}

}  // namespace slipway::connectors
