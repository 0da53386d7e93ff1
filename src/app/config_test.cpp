#include "app/config.hpp"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

namespace ibtrade::app {
namespace {

Result<Config> load(const std::string& toml, const Environment& env = {},
                    const std::vector<std::string>& overrides = {}) {
  return load_config_from_string(toml, "test.toml", env, overrides);
}

std::string error_of(const Result<Config>& result) {
  return result.ok() ? std::string("(no error)") : result.error().message;
}

TEST(Config, DefaultsArePaperOnTheSimulatorWithSqlite) {
  auto config = load("");
  ASSERT_TRUE(config.ok()) << error_of(config);
  EXPECT_EQ(config->trading.mode, TradingMode::kPaper);
  EXPECT_TRUE(config->sim.enabled);
  EXPECT_EQ(config->store.backend, StoreBackend::kSqlite);
  EXPECT_EQ(config->tws.port, 7497);
}

TEST(Config, TheShippedDefaultFileLoads) {
  auto config = load_config(std::string(IBTRADE_SOURCE_DIR) + "/config/ibtrade.toml", {}, {});
  ASSERT_TRUE(config.ok()) << error_of(config);
  EXPECT_EQ(config->trading.mode, TradingMode::kPaper);
  EXPECT_EQ(config->store.sqlite_path, "var/ibtrade.db");
}

TEST(Config, ReadsEveryKindOfValue) {
  auto config = load(R"(
[log]
level = "debug"
format = "json"
[tws]
host = "10.0.0.5"
port = 4002
client_id = 7
[sim]
enabled = false
[calendar]
extra_closures = ["2025-01-09"]
)");
  ASSERT_TRUE(config.ok()) << error_of(config);
  EXPECT_EQ(config->log.level, "debug");
  EXPECT_EQ(config->log.format, LogFormat::kJson);
  EXPECT_EQ(config->tws.host, "10.0.0.5");
  EXPECT_EQ(config->tws.port, 4002);
  EXPECT_EQ(config->tws.client_id, 7);
  EXPECT_FALSE(config->sim.enabled);
  EXPECT_EQ(config->calendar.extra_closures, std::vector<std::string>{"2025-01-09"});
  EXPECT_EQ(config->origin.at("tws.port"), "test.toml:7");
}

TEST(Config, ErrorsNameFileLineAndKey) {
  struct Case {
    const char* toml;
    const char* expected;
  };
  const Case cases[] = {
      {"[tws]\nprot = 1\n",
       "test.toml:2: unknown key 'tws.prot' (known keys in [tws]: host, port, client_id)"},
      {"[tws]\nport = \"4002\"\n",
       "test.toml:2: key 'tws.port' must be an integer, found a string"},
      {"[tws]\nport = 70000\n",
       "test.toml:2: key 'tws.port' must be between 1 and 65535, got 70000"},
      {"[sim]\nenabled = 1\n",
       "test.toml:2: key 'sim.enabled' must be a boolean (true or false), found an integer"},
      {"[tsw]\nport = 1\n", "unknown section [tsw]"},
      {"port = 1\n", "test.toml:1: unknown key 'port'"},
      {"[trading]\nmode = \"real\"\n",
       "test.toml:2: key 'trading.mode' must be one of paper, live, got \"real\""},
      {"[log]\nlevel = \"loud\"\n", "key 'log.level' must be one of trace"},
      {"[calendar]\nextra_closures = [\"2025-13-01\"]\n",
       "expects dates as \"YYYY-MM-DD\", got \"2025-13-01\""},
      {"[calendar]\nextra_closures = [\"2025-1-9\"]\n", "got \"2025-1-9\""},
      {"[calendar]\nextra_closures = [1]\n", "must be an array of strings, found an array"},
      {"[tws]\nport = \n", "test.toml: TOML syntax error"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.toml);
    auto config = load(c.toml);
    ASSERT_FALSE(config.ok());
    EXPECT_NE(error_of(config).find(c.expected), std::string::npos) << error_of(config);
  }
}

TEST(Config, ReportsEveryProblemInLineOrder) {
  auto config = load("[tws]\nport = \"x\"\nhost = 5\n[store]\nbackend = \"oracle\"\n");
  ASSERT_FALSE(config.ok());
  const std::string message = error_of(config);
  const auto a = message.find("test.toml:2");
  const auto b = message.find("test.toml:3");
  const auto c = message.find("test.toml:5");
  ASSERT_NE(a, std::string::npos) << message;
  ASSERT_NE(b, std::string::npos) << message;
  ASSERT_NE(c, std::string::npos) << message;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
}

TEST(Config, EnvironmentOverridesFileAndFlagsOverrideEnvironment) {
  auto config = load("[tws]\nport = 7497\nhost = \"a\"\n",
                     {{"IBTRADE_TWS__PORT", "4002"}, {"IBTRADE_TWS__HOST", "b"}}, {"tws.host=c"});
  ASSERT_TRUE(config.ok()) << error_of(config);
  EXPECT_EQ(config->tws.port, 4002);
  EXPECT_EQ(config->tws.host, "c");
  EXPECT_EQ(config->origin.at("tws.port"), "environment variable IBTRADE_TWS__PORT");
  EXPECT_EQ(config->origin.at("tws.host"), "--set tws.host");
}

TEST(Config, EnvironmentAndFlagErrorsNameTheirSource) {
  EXPECT_NE(error_of(load("", {{"IBTRADE_TWS__PORT", "abc"}}))
                .find("environment variable IBTRADE_TWS__PORT: key 'tws.port' must be an integer"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {{"IBTRADE_TWS__PROT", "1"}}))
                .find("environment variable IBTRADE_TWS__PROT: no such setting"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {{"IBTRADE_VERBOSE", "1"}})).find("IBTRADE_VERBOSE"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {}, {"tws.port"})).find("expected section.key=value"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {}, {"sim.enabled=maybe"}))
                .find("--set sim.enabled: key 'sim.enabled' must be a boolean"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {}, {"tws.nope=1"})).find("--set tws.nope: unknown key 'tws.nope'"),
            std::string::npos);
}

TEST(Config, SecretsComeOnlyFromEnvironmentOrFileAndAreNeverShown) {
  auto in_file = load("[store]\nmysql_password = \"hunter2\"\n");
  ASSERT_FALSE(in_file.ok());
  EXPECT_NE(error_of(in_file).find("is a secret and is not read from config files"),
            std::string::npos);
  EXPECT_EQ(error_of(in_file).find("hunter2"), std::string::npos);

  auto on_command_line = load("", {}, {"store.mysql_password=hunter2"});
  ASSERT_FALSE(on_command_line.ok());
  EXPECT_EQ(error_of(on_command_line).find("hunter2"), std::string::npos);

  auto from_env = load("", {{"IBTRADE_STORE__MYSQL_PASSWORD", "hunter2"}});
  ASSERT_TRUE(from_env.ok()) << error_of(from_env);
  EXPECT_EQ(from_env->store.mysql_password.reveal(), "hunter2");
  const std::string shown = describe(*from_env);
  EXPECT_EQ(shown.find("hunter2"), std::string::npos);
  EXPECT_NE(shown.find("# mysql_password = \"(set, redacted)\"  # environment variable"),
            std::string::npos)
      << shown;
}

TEST(Config, SecretFromFile) {
  const std::string path = ::testing::TempDir() + "ibtrade_secret.txt";
  {
    std::ofstream out(path);
    out << "s3cret\n";
  }
  auto config = load("[store]\nmysql_password_file = \"" + path + "\"\n");
  ASSERT_TRUE(config.ok()) << error_of(config);
  EXPECT_EQ(config->store.mysql_password.reveal(), "s3cret");
  std::remove(path.c_str());
  auto missing = load("[store]\nmysql_password_file = \"/nonexistent/secret\"\n");
  EXPECT_NE(error_of(missing).find(
                "test.toml:2: key 'store.mysql_password_file' cannot read secret file"),
            std::string::npos)
      << error_of(missing);
}

TEST(Config, LiveTradingNeedsExplicitAccountAndARealBroker) {
  auto no_account = load("[trading]\nmode = \"live\"\n[sim]\nenabled = false\n");
  EXPECT_NE(error_of(no_account).find("requires trading.account"), std::string::npos);
  auto on_sim = load("[trading]\nmode = \"live\"\naccount = \"U123\"\n");
  EXPECT_NE(error_of(on_sim).find("cannot run against the simulator"), std::string::npos);
  auto ok = load("[trading]\nmode = \"live\"\naccount = \"U123\"\n[sim]\nenabled = false\n");
  EXPECT_TRUE(ok.ok()) << error_of(ok);
}

TEST(Config, CalendarOverridesAreCheckedAgainstTheHolidayTable) {
  EXPECT_TRUE(load("[calendar]\nextra_closures = [\"2026-12-31\"]\n").ok());
  EXPECT_NE(error_of(load("[calendar]\nextra_closures = [\"2026-11-21\"]\n"))
                .find("calendar.extra_closures: calendar override 2026-11-21 is a Saturday"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {{"IBTRADE_CALENDAR__EXTRA_EARLY_CLOSES", "2031-01-02"}}))
                .find("calendar.extra_early_closes"),
            std::string::npos);
}

TEST(Config, SimKeysHaveDefaultsAndAreValidated) {
  auto defaults = load("");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->sim.http_port, 8090);
  EXPECT_EQ(defaults->sim.symbols, 100);
  EXPECT_EQ(defaults->sim.speed, 1);
  EXPECT_EQ(defaults->sim.from, "");
  EXPECT_EQ(defaults->sim.account, "DU1234567");
  auto set = load(
      "[sim]\nhttp_port = 9100\nseed = 7\nsymbols = 20\nspeed = 60\n"
      "from = \"2025-03-03\"\naccount = \"DU7654321\"\n");
  ASSERT_TRUE(set.ok()) << error_of(set);
  EXPECT_EQ(set->sim.http_port, 9100);
  EXPECT_EQ(set->sim.seed, 7);
  EXPECT_EQ(set->sim.speed, 60);
  EXPECT_EQ(set->sim.from, "2025-03-03");
  EXPECT_EQ(set->sim.account, "DU7654321");
  EXPECT_NE(error_of(load("[sim]\nfrom = \"March\"\n")).find("key 'sim.from' expects"),
            std::string::npos);
  EXPECT_NE(error_of(load("", {}, {"sim.speed=0"})).find("sim.speed"), std::string::npos);
  EXPECT_NE(error_of(load("[sim]\naccount = \"DU1, DU2\"\n")).find("sim.account"),
            std::string::npos);
}

TEST(Config, MissingFileIsAClearError) {
  auto config = load_config("/nonexistent/ibtrade.toml", {}, {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "/nonexistent/ibtrade.toml: cannot open the config file");
}

TEST(Config, DescribeShowsOriginsAndRoundTrips) {
  auto config = load("[tws]\nport = 4002\n", {}, {"log.level=debug"});
  ASSERT_TRUE(config.ok());
  const std::string text = describe(*config);
  EXPECT_NE(text.find("port = 4002  # test.toml:2"), std::string::npos) << text;
  EXPECT_NE(text.find("level = \"debug\"  # --set log.level"), std::string::npos) << text;
  EXPECT_NE(text.find("host = \"127.0.0.1\"  # default"), std::string::npos) << text;
  // What describe prints is itself a valid config that loads to the same values.
  auto again = load(text);
  ASSERT_TRUE(again.ok()) << error_of(again);
  EXPECT_EQ(again->tws.port, 4002);
  EXPECT_EQ(again->log.level, "debug");
}

TEST(Config, TextThatIsNotUtf8OrHasControlCharactersIsRefusedByteNamed) {
  // A three-byte sequence cut off at the end: the TOML parser itself would read past the text.
  auto cut = load_config_from_string(std::string("a = 'x'\n# \xE5"
                                                 "d"),
                                     "cut.toml", {}, {});
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().message, "cut.toml: not valid UTF-8 at byte 10");
  auto nul = load_config_from_string(std::string("a = 1\0", 6), "nul.toml", {}, {});
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().message,
            "nul.toml: control character 0 at byte 5 (TOML allows only tab, line feed and "
            "carriage return)");
  EXPECT_TRUE(load_config_from_string("# caf\xC3\xA9\r\n\t\n", "ok.toml", {}, {}).ok());
}

}  // namespace
}  // namespace ibtrade::app
