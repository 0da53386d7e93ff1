#include "services/sim_nasdaq/nasdaq_routes.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include <date/tz.h>
#include <gtest/gtest.h>

namespace ibtrade::services::sim_nasdaq {
namespace {

using engine::market::SyntheticMarket;
using nlohmann::json;
using namespace date::literals;
using namespace std::chrono_literals;

const TradingCalendar& us_calendar() {
  static const TradingCalendar calendar(*date::locate_zone("America/New_York"),
                                        HolidayTable::us_equity());
  return calendar;
}

// A real server on an ephemeral port of 127.0.0.1 and a client for it.
class SimNasdaqRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    now_ns_.store((us_calendar().hours(2026_y / 3 / 2)->open + 30min).time_since_epoch().count());
    mount_nasdaq_routes(server_, market_,
                        [this] { return Timestamp{Nanoseconds{now_ns_.load()}}; });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    // bind_to_any_port already listens: connections queue until the loop accepts them.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(10);
  }
  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  // GET `path`; expects `status` and a JSON body.
  json get(const std::string& path, int status) {
    auto result = client_->Get(path);
    EXPECT_TRUE(result) << path << ": " << httplib::to_string(result.error());
    if (!result) return nullptr;
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
    return json::parse(result->body);
  }

  SyntheticMarket market_{11, 40, us_calendar()};
  std::atomic<std::int64_t> now_ns_{0};
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(SimNasdaqRoutes, CalendarByDate) {
  // The first trading day ahead with reports, found through the pure builder.
  std::string date;
  json expected;
  for (auto day = date::sys_days{2026_y / 3 / 2}; day < date::sys_days{2026_y / 4 / 20};
       day += date::days{1}) {
    expected =
        calendar_page(market_, date::year_month_day{day}, Timestamp{Nanoseconds{now_ns_.load()}});
    if (!expected["data"].is_null() && !expected["data"]["rows"].is_null()) {
      date = to_iso_date(date::year_month_day{day});
      break;
    }
  }
  ASSERT_FALSE(date.empty());
  const json body = get("/api/calendar/earnings?date=" + date, 200);
  EXPECT_EQ(body, expected);
  EXPECT_EQ(body["status"]["rCode"], 200);
  EXPECT_GT(body["data"]["rows"].size(), 0U);
  EXPECT_TRUE(body["data"]["rows"][0].contains("lastYearEPS"));

  // The same date after the simulated clock has moved past it: the reported schema.
  now_ns_.store((us_calendar().hours(2026_y / 4 / 22)->open).time_since_epoch().count());
  const json later = get("/api/calendar/earnings?date=" + date, 200);
  EXPECT_TRUE(later["data"]["rows"][0].contains("surprise"));
  EXPECT_FALSE(later["data"]["rows"][0].contains("lastYearEPS"));

  // A weekend is rows: null, with HTTP 200 as Nasdaq answers.
  EXPECT_TRUE(get("/api/calendar/earnings?date=2026-03-01", 200)["data"]["rows"].is_null());
}

TEST_F(SimNasdaqRoutes, CalendarRejectsBadDates) {
  for (const std::string query :
       {"", "?date=", "?date=2026-3-2", "?date=2026-02-30", "?date=tomorrow", "?day=2026-03-02"}) {
    const json body = get("/api/calendar/earnings" + query, 400);
    EXPECT_TRUE(body["data"].is_null()) << query;
    EXPECT_EQ(body["status"]["rCode"], 400) << query;
    const std::string message = body["status"]["bCodeMessage"][0]["errorMessage"];
    EXPECT_NE(message.find("date"), std::string::npos) << message;
  }
}

TEST_F(SimNasdaqRoutes, PerSymbolEndpoints) {
  const std::string symbol = market_.universe().at(0).symbol;
  const Timestamp now{Nanoseconds{now_ns_.load()}};
  EXPECT_EQ(get("/api/company/" + symbol + "/earnings-surprise", 200),
            earnings_surprise(market_, symbol, now));
  EXPECT_EQ(get("/api/analyst/" + symbol + "/earnings-forecast", 200),
            earnings_forecast(market_, symbol, now));
  EXPECT_EQ(get("/api/analyst/" + symbol + "/earnings-date", 200),
            earnings_date(market_, symbol, now));
  const json surprise = get("/api/company/" + symbol + "/earnings-surprise", 200);
  EXPECT_EQ(surprise["status"]["rCode"], 200);
  EXPECT_FALSE(surprise["data"].is_null());
}

TEST_F(SimNasdaqRoutes, UnknownSymbolIsHttp200WithNasdaqsError) {
  for (const std::string path :
       {"/api/company/ZZZZZ/earnings-surprise", "/api/analyst/ZZZZZ/earnings-forecast",
        "/api/analyst/ZZZZZ/earnings-date"}) {
    const json body = get(path, 200);
    EXPECT_TRUE(body["data"].is_null());
    EXPECT_EQ(body["status"]["rCode"], 400);
    EXPECT_EQ(body["status"]["bCodeMessage"][0]["code"], 1001);
    EXPECT_EQ(body["status"]["bCodeMessage"][0]["errorMessage"], "Symbol not exists.");
  }
}

TEST_F(SimNasdaqRoutes, MalformedSymbolIsHttp400) {
  for (const std::string path :
       {"/api/company/1ABC/earnings-surprise", "/api/analyst/A%20B/earnings-forecast",
        "/api/analyst/ABCDEFGHIJK/earnings-date"}) {
    const json body = get(path, 400);
    EXPECT_EQ(body["status"]["rCode"], 400) << path;
    const std::string message = body["status"]["bCodeMessage"][0]["errorMessage"];
    EXPECT_NE(message.find("symbol"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace ibtrade::services::sim_nasdaq
