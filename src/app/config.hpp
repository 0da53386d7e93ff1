// The one typed configuration of ibtrade, loaded from a TOML file, then IBTRADE_SECTION__KEY
// environment variables, then --set flags (later sources win). Immutable once loaded.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace ibtrade::app {

enum class TradingMode { kPaper, kLive };
enum class LogFormat { kHuman, kJson };
enum class StoreBackend { kSqlite, kMysql };

// A secret value (password, API key). Read only from the environment or a file named in the
// config; printing it shows a placeholder, never the value.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  std::string redacted() const { return value_.empty() ? "(unset)" : "(set, redacted)"; }

 private:
  std::string value_;
};

struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error, critical, off
  LogFormat format = LogFormat::kHuman;
};

struct TradingConfig {
  TradingMode mode = TradingMode::kPaper;
  std::string account;  // the account id we expect the broker to report; required for live
};

struct TwsConfig {
  std::string host = "127.0.0.1";
  std::int64_t port = 7497;  // TWS paper; IB Gateway paper is 4002
  std::int64_t client_id = 1;
};

struct SimConfig {
  bool enabled = true;  // the embedded default stands in for IB and NASDAQ
  // `ibtrade sim` (its TWS port is tws.port): fault injection and NASDAQ API port, the
  // synthetic market's seed and size, the replay's speed and first session ("" = the most
  // recent trading day), and the paper account it reports.
  std::int64_t http_port = 8090;
  std::int64_t seed = 42;
  std::int64_t symbols = 100;
  std::int64_t speed = 1;
  std::string from;
  std::string account = "DU1234567";
};

struct StoreConfig {
  StoreBackend backend = StoreBackend::kSqlite;
  std::string sqlite_path = "var/ibtrade.db";
  std::string mysql_host = "127.0.0.1";
  std::int64_t mysql_port = 3306;
  std::string mysql_user = "ibtrade";
  std::string mysql_database = "ibtrade";
  Secret mysql_password;  // IBTRADE_STORE__MYSQL_PASSWORD or store.mysql_password_file
};

struct CalendarConfig {
  // Overrides on top of the built-in US equity holiday table, as ET dates "YYYY-MM-DD":
  // unscheduled closures (mourning days, weather) and early closes (13:00 ET).
  std::vector<std::string> extra_closures;
  std::vector<std::string> extra_early_closes;
};

struct Config {
  LogConfig log;
  TradingConfig trading;
  TwsConfig tws;
  SimConfig sim;
  StoreConfig store;
  CalendarConfig calendar;

  // Where each value came from, by key ("tws.port" -> "config/ibtrade.toml:12"), for `config show`.
  std::map<std::string, std::string> origin;
};

using Environment = std::map<std::string, std::string>;

// Reads the process environment's IBTRADE_* variables.
Environment read_environment();

// Loads the file (when `path` is empty, only defaults), applies the IBTRADE_* variables of `env`
// and then `overrides` ("section.key=value"), and validates the whole. Errors name the file and
// line, the variable or the flag, and the key.
Result<Config> load_config(const std::string& path, const Environment& env,
                           const std::vector<std::string>& overrides);

// Parses TOML text (named `source_name` in errors) the same way; for tests.
Result<Config> load_config_from_string(const std::string& toml_text, const std::string& source_name,
                                       const Environment& env,
                                       const std::vector<std::string>& overrides);

// The effective configuration as TOML, secrets redacted, each line annotated with its origin.
std::string describe(const Config& config);

std::string to_string(TradingMode mode);
std::string to_string(LogFormat format);
std::string to_string(StoreBackend backend);

}  // namespace ibtrade::app
