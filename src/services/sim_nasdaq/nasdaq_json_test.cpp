#include "services/sim_nasdaq/nasdaq_json.hpp"

#include <regex>
#include <set>
#include <string>

#include <date/tz.h>
#include <gtest/gtest.h>

#include "services/sim_nasdaq/nasdaq_format.hpp"

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

const SyntheticMarket& market() {
  static const SyntheticMarket instance(11, 80, us_calendar());
  return instance;
}

// 10:00 ET on a trading day: after the pre-market reports, before the after-hours ones.
Timestamp mid_morning(date::year_month_day day) {
  return us_calendar().hours(day)->open + 30min;
}

std::set<std::string> keys(const json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items())
    out.insert(key);
  return out;
}

bool matches(const json& value, const char* pattern) {
  return value.is_string() && std::regex_match(value.get<std::string>(), std::regex(pattern));
}

void expect_ok_status(const json& body) {
  EXPECT_EQ(body["status"], json::parse(R"({"rCode":200,"bCodeMessage":null,
                                            "developerMessage":null})"));
  EXPECT_TRUE(body.contains("message"));
}

const std::set<std::string> kUpcomingFields = {
    "time",        "symbol",   "name",          "marketCap",  "fiscalQuarterEnding",
    "epsForecast", "noOfEsts", "lastYearRptDt", "lastYearEPS"};
const std::set<std::string> kReportedFields = {
    "time",        "symbol",  "name", "eps", "surprise", "marketCap", "fiscalQuarterEnding",
    "epsForecast", "noOfEsts"};

constexpr const char* kDollars = R"(\$\d{1,3}(,\d{3})*(\.\d\d)?|\(\$\d{1,3}(,\d{3})*(\.\d\d)?\))";
constexpr const char* kMarketCap = R"(|\$\d{1,3}(,\d{3})*)";
constexpr const char* kPercent = R"(-?\d+(\.\d\d?)?)";

// The upcoming and reported pages of a stretch of days: every row in its schema and formats,
// and every variant the screener must parse occurs somewhere.
TEST(SimNasdaqJson, CalendarRowsHaveNasdaqFieldsAndFormats) {
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  std::set<std::string> seen;
  int upcoming_rows = 0;
  int reported_rows = 0;
  for (auto day = date::sys_days{2026_y / 1 / 5}; day <= date::sys_days{2026_y / 4 / 24};
       day += date::days{1}) {
    const json body = calendar_page(market(), date::year_month_day{day}, now);
    expect_ok_status(body);
    if (body["data"].is_null() || body["data"]["rows"].is_null()) continue;
    const json& data = body["data"];
    EXPECT_TRUE(matches(data["asOf"], R"([A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4})"));
    const bool reported = day < date::sys_days{2026_y / 3 / 2};
    const auto& fields = reported ? kReportedFields : kUpcomingFields;
    EXPECT_EQ(keys(data["headers"]), fields);
    for (const json& row : data["rows"]) {
      ASSERT_EQ(keys(row), fields) << row.dump();
      EXPECT_TRUE(matches(row["symbol"], "[A-Z]{3,5}"));
      EXPECT_TRUE(matches(row["marketCap"], kMarketCap)) << row["marketCap"];
      EXPECT_TRUE(matches(row["fiscalQuarterEnding"], "[A-Z][a-z]{2}/20\\d\\d"));
      EXPECT_TRUE(matches(row["noOfEsts"], R"([1-9]\d*|N/A)"));
      EXPECT_TRUE(matches(row["epsForecast"], std::string("|").append(kDollars).c_str()));
      EXPECT_EQ(row["noOfEsts"] == "N/A", row["epsForecast"] == "") << row.dump();
      if (row["epsForecast"] == "") seen.insert("no forecast");
      if (row["noOfEsts"] == "N/A") seen.insert("no estimates");
      if (reported) {
        ++reported_rows;
        EXPECT_EQ(row["time"], "time-not-supplied");
        EXPECT_TRUE(matches(row["eps"], kDollars)) << row["eps"];
        EXPECT_TRUE(matches(row["surprise"], (std::string(kPercent) + "|N/A").c_str()));
        if (row["surprise"] == "N/A") seen.insert("surprise N/A");
        if (row["surprise"].get<std::string>().starts_with("-")) seen.insert("negative surprise");
        if (row["eps"].get<std::string>().starts_with("(")) seen.insert("negative eps");
      } else {
        ++upcoming_rows;
        EXPECT_TRUE(matches(row["time"], "time-(pre-market|after-hours|not-supplied)"));
        seen.insert(row["time"].get<std::string>());
        EXPECT_TRUE(matches(row["lastYearRptDt"], R"(\d{1,2}/\d\d/\d{4}|N/A)"));
        EXPECT_TRUE(matches(row["lastYearEPS"], (std::string(kDollars) + "|N/A").c_str()));
        EXPECT_EQ(row["lastYearRptDt"] == "N/A", row["lastYearEPS"] == "N/A");
        if (row["lastYearEPS"] == "N/A") seen.insert("no last year");
      }
    }
  }
  EXPECT_GT(upcoming_rows, 20);
  EXPECT_GT(reported_rows, 20);
  for (const char* variant :
       {"no forecast", "no estimates", "surprise N/A", "negative surprise", "negative eps",
        "time-pre-market", "time-after-hours", "time-not-supplied", "no last year"}) {
    EXPECT_TRUE(seen.contains(variant)) << variant;
  }
}

TEST(SimNasdaqJson, CalendarRowsCarryTheModelsNumbers) {
  // The first page of February 2026 with at least three reports.
  auto day = 2026_y / 2 / 2;
  while (market().earnings().reports_on(day).size() < 3) {
    day = date::sys_days{day} + date::days{1};
    ASSERT_LT(day, 2026_y / 3 / 1);
  }
  for (const bool reported : {false, true}) {
    // Seen the morning before (upcoming page) and a week later (reported page).
    const auto seen_on = reported
                             ? us_calendar().next_trading_day(date::sys_days{day} + date::days{6})
                             : us_calendar().previous_trading_day(day);
    const Timestamp now = mid_morning(*seen_on);
    const auto reports = market().earnings().reports_on(day);
    ASSERT_FALSE(reports.empty());
    const json rows = calendar_page(market(), day, now)["data"]["rows"];
    ASSERT_EQ(rows.size(), reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i) {
      const auto& report = reports[i];
      const auto& params = market().universe().at(report.symbol_index);
      EXPECT_EQ(rows[i]["symbol"], params.symbol);
      EXPECT_EQ(rows[i]["name"], params.name);
      EXPECT_EQ(rows[i]["fiscalQuarterEnding"], month_slash_year(report.fiscal_quarter_end));
      EXPECT_EQ(rows[i]["epsForecast"],
                report.eps_forecast ? calendar_dollars(*report.eps_forecast) : "");
      // The cap at the last close before `now`, never a future price.
      const auto cap_day = us_calendar().previous_trading_day(us_calendar().market_date(now));
      EXPECT_EQ(
          rows[i]["marketCap"],
          market_cap_dollars(market().fundamentals(report.symbol_index, *cap_day)->market_cap));
      if (reported) {
        EXPECT_EQ(rows[i]["eps"], calendar_dollars(report.eps));
        EXPECT_EQ(rows[i]["surprise"],
                  report.surprise_bps ? surprise_percent(*report.surprise_bps) : "N/A");
      } else {
        EXPECT_EQ(rows[i]["time"],
                  report.time == engine::market::ReportTime::kPreMarket    ? "time-pre-market"
                  : report.time == engine::market::ReportTime::kAfterHours ? "time-after-hours"
                                                                           : "time-not-supplied");
        EXPECT_EQ(rows[i]["lastYearEPS"],
                  report.last_year_eps ? calendar_dollars(*report.last_year_eps) : "N/A");
      }
    }
  }
}

TEST(SimNasdaqJson, DaysWithoutDataAreNull) {
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  // Sunday: asOf and headers, no rows (the shape seen on 2026-09-13).
  const json sunday = calendar_page(market(), 2026_y / 3 / 8, now);
  expect_ok_status(sunday);
  EXPECT_EQ(sunday["data"]["asOf"], "Sun, Mar 8, 2026");
  EXPECT_EQ(keys(sunday["data"]["headers"]), kUpcomingFields);
  EXPECT_TRUE(sunday["data"]["rows"].is_null());
  // Holiday (Good Friday 2026), beyond the horizon, outside the calendar: data null.
  for (const auto day : {2026_y / 4 / 3, 2026_y / 4 / 30, 1999_y / 3 / 1}) {
    const json body = calendar_page(market(), day, now);
    expect_ok_status(body);
    EXPECT_TRUE(body["data"].is_null()) << to_iso_date(day);
  }
  // Inside the horizon the page is there.
  EXPECT_FALSE(calendar_page(market(), 2026_y / 4 / 24, now)["data"].is_null());
}

TEST(SimNasdaqJson, SurpriseTableIsTheLastFourQuartersNewestFirst) {
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  int tables = 0;
  int null_tables = 0;
  for (const auto& params : market().universe().symbols()) {
    const json body = earnings_surprise(market(), params.symbol, now);
    expect_ok_status(body);
    ASSERT_EQ(keys(body["data"]),
              (std::set<std::string>{"symbol", "earningsSurpriseTable", "chart"}));
    std::string lower_symbol = params.symbol;
    for (char& c : lower_symbol)
      c = static_cast<char>(std::tolower(c));
    EXPECT_EQ(body["data"]["symbol"], lower_symbol);
    const json& table = body["data"]["earningsSurpriseTable"];
    if (table.is_null()) {
      ++null_tables;
      continue;
    }
    ++tables;
    EXPECT_EQ(keys(table["headers"]),
              (std::set<std::string>{"fiscalQtrEnd", "dateReported", "eps", "consensusForecast",
                                     "percentageSurprise"}));
    const json& rows = table["rows"];
    ASSERT_EQ(rows.size(), 4U);
    const auto history = market().earnings().history(params.index, now, 4);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_TRUE(rows[i]["eps"].is_number()) << rows[i].dump();
      EXPECT_DOUBLE_EQ(rows[i]["eps"].get<double>(), history[i].eps.to_double());
      EXPECT_TRUE(matches(rows[i]["fiscalQtrEnd"], "[A-Z][a-z]{2} 20\\d\\d"));
      EXPECT_EQ(rows[i]["dateReported"], month_day_year(history[i].report_date));
      EXPECT_TRUE(matches(rows[i]["consensusForecast"], R"(-?\d+\.\d\d|N/A)"));
      EXPECT_TRUE(matches(rows[i]["percentageSurprise"], R"(-?\d{1,3}(,\d{3})*(\.\d\d?)?|N/A)"));
      if (i > 0) {
        EXPECT_LT(history[i].report_date, history[i - 1].report_date);
      }
    }
    EXPECT_EQ(body["data"]["chart"].size(), rows.size());
  }
  EXPECT_GT(tables, 50);
  EXPECT_GT(null_tables, 0);  // uncovered symbols
}

TEST(SimNasdaqJson, ForecastHasNumbersOrNullTablesWithAMessage) {
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  int covered = 0;
  int uncovered = 0;
  for (const auto& params : market().universe().symbols()) {
    const json body = earnings_forecast(market(), params.symbol, now);
    expect_ok_status(body);
    const json& data = body["data"];
    ASSERT_EQ(keys(data), (std::set<std::string>{"symbol", "quarterlyForecast", "yearlyForecast"}));
    if (data["quarterlyForecast"].is_null()) {
      ++uncovered;
      EXPECT_EQ(body["message"]["QuarterlyForecast"],
                "Quarterly Earnings Forecast is not available");
      EXPECT_TRUE(data["yearlyForecast"].is_null());
      continue;
    }
    ++covered;
    for (const char* table : {"quarterlyForecast", "yearlyForecast"}) {
      if (data[table].is_null()) continue;
      EXPECT_TRUE(data[table]["asOf"].is_null());
      EXPECT_EQ(data[table]["headers"], json::object());
      for (const json& row : data[table]["rows"]) {
        EXPECT_TRUE(matches(row["fiscalEnd"], "[A-Z][a-z]{2} 20\\d\\d"));
        for (const char* number : {"consensusEPSForecast", "highEPSForecast", "lowEPSForecast"}) {
          EXPECT_TRUE(row[number].is_number_float() || row[number].is_number()) << number;
        }
        EXPECT_LE(row["lowEPSForecast"].get<double>(), row["consensusEPSForecast"].get<double>());
        EXPECT_GE(row["highEPSForecast"].get<double>(), row["consensusEPSForecast"].get<double>());
        for (const char* count : {"noOfEstimates", "up", "down"}) {
          EXPECT_TRUE(row[count].is_number_integer()) << count;
        }
        EXPECT_GE(row["noOfEstimates"].get<int>(), 1);
      }
    }
    const auto next = market().earnings().upcoming(params.index, now, 1).front();
    const json first = data["quarterlyForecast"]["rows"][0];
    EXPECT_EQ(first["fiscalEnd"], month_space_year(next.fiscal_quarter_end));
    EXPECT_DOUBLE_EQ(first["consensusEPSForecast"].get<double>(), next.eps_forecast->to_double());
    EXPECT_EQ(first["up"], next.revisions_up);
    EXPECT_EQ(first["down"], next.revisions_down);
  }
  EXPECT_GT(covered, 50);
  EXPECT_GT(uncovered, 0);
}

TEST(SimNasdaqJson, EarningsDateNamesTheNextReport) {
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  const auto& params = market().universe().at(0);
  const json body = earnings_date(market(), params.symbol, now);
  expect_ok_status(body);
  const auto next = market().earnings().upcoming(0, now, 1).front();
  const std::string text = body["data"]["reportText"];
  EXPECT_TRUE(text.starts_with(params.name + " Common Stock is expected* to report earnings on  " +
                               month_day_year(next.report_date)))
      << text;
  EXPECT_NE(text.find("fiscal Quarter ending " + month_space_year(next.fiscal_quarter_end)),
            std::string::npos);
  EXPECT_EQ(body["data"]["announcement"], "Earnings announcement* for " + params.symbol + ": " +
                                              month_day_comma_year(next.report_date));
  EXPECT_EQ(body["data"]["heading"], params.symbol + " Earnings Date");
  EXPECT_TRUE(body["data"].contains("eQRResposeModel"));
}

TEST(SimNasdaqJson, UnknownSymbolIsNasdaqsInBandError) {
  const json expected = json::parse(
      R"({"data":null,"message":null,"status":{"rCode":400,"bCodeMessage":[{"code":1001,
          "errorMessage":"Symbol not exists."}],"developerMessage":null}})");
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  EXPECT_EQ(earnings_surprise(market(), "ZZZZZZ", now), expected);
  EXPECT_EQ(earnings_forecast(market(), "ZZZZZZ", now), expected);
  EXPECT_EQ(earnings_date(market(), "ZZZZZZ", now), expected);
}

TEST(SimNasdaqJson, SymbolsMatchInAnyCase) {
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  const std::string symbol = market().universe().at(3).symbol;
  std::string lower_symbol = symbol;
  for (char& c : lower_symbol)
    c = static_cast<char>(std::tolower(c));
  EXPECT_EQ(earnings_surprise(market(), lower_symbol, now),
            earnings_surprise(market(), symbol, now));
}

TEST(SimNasdaqJson, SameSeedSameBytes) {
  const SyntheticMarket again(11, 80, us_calendar());
  const SyntheticMarket other(12, 80, us_calendar());
  const Timestamp now = mid_morning(2026_y / 3 / 2);
  std::string ours;
  std::string theirs;
  std::string different;
  for (auto day = date::sys_days{2026_y / 2 / 23}; day <= date::sys_days{2026_y / 3 / 13};
       day += date::days{1}) {
    ours += calendar_page(market(), date::year_month_day{day}, now).dump();
    theirs += calendar_page(again, date::year_month_day{day}, now).dump();
    different += calendar_page(other, date::year_month_day{day}, now).dump();
  }
  EXPECT_EQ(ours, theirs);
  EXPECT_NE(ours, different);
}

}  // namespace
}  // namespace ibtrade::services::sim_nasdaq
