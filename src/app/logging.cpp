#include "app/logging.hpp"

#include <chrono>

#include <nlohmann/json.hpp>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace ibtrade::app {
namespace {

// Renders a record as one JSON object, with the message escaped by nlohmann::json.
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    using namespace std::chrono;
    const auto since_epoch = duration_cast<microseconds>(msg.time.time_since_epoch());
    const std::time_t secs = static_cast<std::time_t>(duration_cast<seconds>(since_epoch).count());
    std::tm utc{};
    gmtime_r(&secs, &utc);
    char ts[40];
    const auto n = std::strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(ts + n, sizeof ts - n, ".%06lldZ",
                  static_cast<long long>(since_epoch.count() % 1'000'000));
    const auto level = spdlog::level::to_string_view(msg.level);
    const std::string line =
        json_log_line(ts, std::string(level.data(), level.size()),
                      std::string(msg.logger_name.data(), msg.logger_name.size()),
                      std::string(msg.payload.data(), msg.payload.size()));
    dest.append(line.data(), line.data() + line.size());
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

}  // namespace

std::string json_log_line(const std::string& ts, const std::string& level,
                          const std::string& logger, const std::string& message) {
  nlohmann::ordered_json line;
  line["ts"] = ts;
  line["level"] = level;
  if (!logger.empty()) line["logger"] = logger;
  line["msg"] = message;
  // Invalid UTF-8 in a message must not drop the record: replace the bad bytes.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status init_logging(LogFormat format, const std::string& level) {
  const auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    return Error{"unknown log level '" + level + "'"};
  }
  // Logs go to stderr so that commands which print data (indicators, config show) keep stdout
  // clean for pipes.
  spdlog::drop("ibtrade");
  auto logger = spdlog::stderr_color_mt("ibtrade");
  if (format == LogFormat::kJson) {
    logger->set_formatter(std::make_unique<JsonFormatter>());
  } else {
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
  }
  logger->set_level(parsed);
  spdlog::set_default_logger(logger);
  return {};
}

}  // namespace ibtrade::app
