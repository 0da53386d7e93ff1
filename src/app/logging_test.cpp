#include "app/logging.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ibtrade::app {
namespace {

TEST(Logging, JsonLinesEscapeTheMessage) {
  const std::string line =
      json_log_line("2026-11-21T14:30:00.000000Z", "info", "ibtrade", "say \"hi\"\nnext\tline");
  const auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["msg"], "say \"hi\"\nnext\tline");
  EXPECT_EQ(parsed["level"], "info");
  EXPECT_EQ(parsed["ts"], "2026-11-21T14:30:00.000000Z");
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(Logging, InvalidUtf8DoesNotDropTheRecord) {
  const std::string line = json_log_line("t", "warning", "", std::string("bad \xff byte"));
  const auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["msg"], "bad \xEF\xBF\xBD byte");
  EXPECT_FALSE(parsed.contains("logger"));
}

TEST(Logging, RejectsUnknownLevel) {
  EXPECT_FALSE(init_logging(LogFormat::kHuman, "loud").ok());
  EXPECT_TRUE(init_logging(LogFormat::kJson, "off").ok());
}

}  // namespace
}  // namespace ibtrade::app
