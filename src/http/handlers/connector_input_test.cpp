// Connector bodies at the HTTP edge: the system's fields only, each in its
// form, a 400 naming the field; an unknown system is a 404.
#include "http/handlers/connector_input.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::http {
namespace {

namespace json = boost::json;

std::string FieldOf(const core::Error& e) {
  return e.details.contains("field") ? std::string(e.details.at("field").as_string()) : "";
}

TEST(ConnectorInput, ReadsTheSystemsFieldsAndNotesTheSecretsGiven) {
  auto command = ParseSetConnector("jenkins", json::parse(R"({"url":"https://ci.example.com",
      "user":"slipway","token":"t","insecure_skip_tls_verify":true})")
                                                  .as_object());
  ASSERT_TRUE(command.ok()) << command.error().message;
  EXPECT_EQ(command->system, core::ConnectorSystem::kJenkins);
  EXPECT_EQ(command->settings.url, "https://ci.example.com");
  EXPECT_EQ(command->settings.token, "t");
  EXPECT_TRUE(command->settings.insecure_skip_tls_verify);
  EXPECT_TRUE(command->secrets_given.contains("token"));

  auto without = ParseSetConnector("jenkins", json::parse(R"({"url":"https://ci"})").as_object());
  ASSERT_TRUE(without.ok());
  EXPECT_TRUE(without->secrets_given.empty()) << "left out: the stored secret stays";
}

TEST(ConnectorInput, RefusalsNameTheField) {
  struct Case {
    const char* system;
    const char* body;
    const char* field;
  };
  for (const Case& c : {
           Case{"jenkins", R"({})", "url"},
           Case{"jenkins", R"({"url":"ftp://x"})", "url"},
           Case{"jenkins", R"({"url":"https://ci","datacenter":"dc1"})", "datacenter"},
           Case{"jenkins", R"({"url":"https://ci","token":7})", "token"},
           Case{"jenkins", R"({"url":"https://ci","insecure_skip_tls_verify":"yes"})",
                "insecure_skip_tls_verify"},
           Case{"consul", R"({"url":"https://c","ca_file":"ca.pem"})", "ca_file"},
           Case{"dns", R"({"server":"ns1.example.com","zone":"z","key_name":"k"})", "server"},
           Case{"dns", R"({"server":"10.0.0.53","zone":"z","key_name":"k","key_secret":"%%"})",
                "key_secret"},
       }) {
    auto parsed = ParseSetConnector(c.system, json::parse(c.body).as_object());
    ASSERT_FALSE(parsed.ok()) << c.body;
    EXPECT_EQ(parsed.error().code, core::Code::kInvalid) << c.body;
    EXPECT_EQ(FieldOf(parsed.error()), c.field) << c.body << ": " << parsed.error().message;
  }
}

TEST(ConnectorInput, AnUnknownSystemIsNotFound) {
  EXPECT_EQ(ParseSetConnector("svn", {}).error().code, core::Code::kNotFound);
  EXPECT_EQ(ParseTestConnector("svn", {}).error().code, core::Code::kNotFound);
}

TEST(ConnectorInput, ATestWithoutBodyChecksTheSettingsInEffect) {
  auto bare = ParseTestConnector("gitlab", {});
  ASSERT_TRUE(bare.ok());
  EXPECT_FALSE(bare->candidate);
  auto candidate = ParseTestConnector(
      "gitlab", json::parse(R"({"url":"https://git.example.com","token":"t"})").as_object());
  ASSERT_TRUE(candidate.ok());
  ASSERT_TRUE(candidate->candidate);
  EXPECT_EQ(candidate->candidate->settings.url, "https://git.example.com");
}

}  // namespace
}  // namespace slipway::http
