// WithBranch: a lane's copy of a job builds the lane's branch, and nothing
// else in the job's config changes.
#include "connectors/jenkins/config_xml.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace slipway::connectors::jenkins {
namespace {

struct Case {
  std::string name;
  std::string before;
  std::string branch;
  std::string after;
};

const std::string kHead = "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition plugin=\"x\">";
const std::string kTail = "</flow-definition>\n";

std::string Spec(const std::string& name) {
  return "<hudson.plugins.git.BranchSpec>\n  " + name + "\n</hudson.plugins.git.BranchSpec>";
}
std::string StringParam(const std::string& inner) {
  return "<hudson.model.StringParameterDefinition>" + inner +
         "</hudson.model.StringParameterDefinition>";
}

class WithBranchTable : public ::testing::TestWithParam<Case> {};

TEST_P(WithBranchTable, SetsTheBranchAndKeepsEveryOtherByte) {
  const Case& c = GetParam();
  auto out = WithBranch(kHead + c.before + kTail, c.branch);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, kHead + c.after + kTail);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, WithBranchTable,
    ::testing::Values(
        Case{"one_spec", Spec("<name>*/main</name>"), "feature/l1",
             Spec("<name>feature/l1</name>")},
        Case{"every_spec_of_every_scm",
             "<scm>" + Spec("<name>main</name>") + Spec("<name>${BRANCH}</name>") +
                 "</scm><other><name>keep</name></other>" + Spec("<name/>"),
             "feature/l1",
             "<scm>" + Spec("<name>feature/l1</name>") + Spec("<name>feature/l1</name>") +
                 "</scm><other><name>keep</name></other>" + Spec("<name>feature/l1</name>")},
        Case{"branch_parameter_default",
             StringParam("<name>APP</name><defaultValue>web</defaultValue>") +
                 StringParam("\n<name> BRANCH </name>\n<defaultValue>main</defaultValue>\n"),
             "feature/l1",
             StringParam("<name>APP</name><defaultValue>web</defaultValue>") +
                 StringParam("\n<name> BRANCH </name>\n<defaultValue>feature/l1</defaultValue>\n")},
        Case{"empty_and_absent_defaults",
             StringParam("<name>BRANCH</name><defaultValue/>") + StringParam("<name>BRANCH</name>"),
             "x",
             StringParam("<name>BRANCH</name><defaultValue>x</defaultValue>") +
                 StringParam("<name>BRANCH</name><defaultValue>x</defaultValue>")},
        Case{"other_parameter_types_and_names_untouched",
             "<hudson.model.ChoiceParameterDefinition><name>BRANCH</name><defaultValue>a</"
             "defaultValue></hudson.model.ChoiceParameterDefinition>" +
                 StringParam("<name>BRANCHES</name><defaultValue>b</defaultValue>") +
                 Spec("<name>c</name>"),
             "d",
             "<hudson.model.ChoiceParameterDefinition><name>BRANCH</name><defaultValue>a</"
             "defaultValue></hudson.model.ChoiceParameterDefinition>" +
                 StringParam("<name>BRANCHES</name><defaultValue>b</defaultValue>") +
                 Spec("<name>d</name>")},
        Case{"xml_escaping", Spec("<name>main</name>") + StringParam("<name>BRANCH</name>"),
             "a&b<c>\"d'",
             Spec("<name>a&amp;b&lt;c&gt;&quot;d&apos;</name>") +
                 StringParam("<name>BRANCH</name><defaultValue>a&amp;b&lt;c&gt;&quot;"
                             "d&apos;</defaultValue>")}),
    [](const auto& info) { return info.param.name; });

TEST(WithBranch, APipelineJobSlipwayCreatesCarriesTheBranchTwice) {
  auto xml = PipelineJobXml("d", {{"APP", "web"}, {"BRANCH", ""}}, "http://g/t/web.git");
  auto out = WithBranch(xml, "feature/lane-1");
  ASSERT_TRUE(out.ok()) << out.error().message;
  auto config = ParseConfigXml(*out);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->scm_branch, "feature/lane-1");
  ASSERT_EQ(config->parameters.size(), 2u);
  EXPECT_EQ(config->parameters[1].default_value, "feature/lane-1");
  EXPECT_EQ(config->scm_url, "http://g/t/web.git");
}

TEST(WithBranch, RefusesWhatCannotCarryABranch) {
  for (const auto& [xml, branch] : std::vector<std::pair<std::string, std::string>>{
           {kHead + Spec("<name>main</name>") + kTail, ""},
           {kHead + Spec("<name>main</name>") + kTail, "a\nb"},
           {"no xml here", "x"},
           {kHead + StringParam("<name>APP</name>") + kTail, "x"},
       }) {
    auto out = WithBranch(xml, branch);
    ASSERT_FALSE(out.ok()) << xml << " / " << branch;
    EXPECT_EQ(out.error().code, core::Code::kInvalid);
  }
}

TEST(WithParameterDefault, SetsOneStringParametersDefaultOnly) {
  const std::string xml = kHead + "<parameterDefinitions>" +
                          StringParam("<name>IMAGE</name><defaultValue/>") +
                          StringParam("<name>BRANCH</name><defaultValue>main</defaultValue>") +
                          "</parameterDefinitions>" + kTail;
  auto out = WithParameterDefault(xml, "IMAGE", "r:5000/slipway/web:lane-manual&x");
  ASSERT_TRUE(out.ok()) << out.error().message;
  auto config = ParseConfigXml(*out);
  ASSERT_TRUE(config.ok());
  ASSERT_EQ(config->parameters.size(), 2u) << *out;
  EXPECT_EQ(config->parameters[0].default_value, "r:5000/slipway/web:lane-manual&x");
  EXPECT_EQ(config->parameters[1].default_value, "main");
  EXPECT_FALSE(WithParameterDefault(xml, "VERSION", "1").ok()) << "no such parameter";
  EXPECT_FALSE(WithParameterDefault(xml, "IMAGE", "a\nb").ok());
}

TEST(FolderXml, IsAFolderWithItsDescription) {
  auto config = ParseConfigXml(FolderXml("Team <A>"));
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->folder);
  EXPECT_EQ(config->description, "Team <A>");
}

}  // namespace
}  // namespace slipway::connectors::jenkins
