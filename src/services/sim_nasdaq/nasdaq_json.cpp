#include "services/sim_nasdaq/nasdaq_json.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "services/sim_nasdaq/nasdaq_format.hpp"

namespace ibtrade::services::sim_nasdaq {
namespace {

using engine::market::EarningsReport;
using engine::market::ReportTime;
using engine::market::SyntheticMarket;
using nlohmann::json;

json ok_status() {
  return {{"rCode", 200}, {"bCodeMessage", nullptr}, {"developerMessage", nullptr}};
}

json envelope(json data, json message = nullptr) {
  return {{"data", std::move(data)}, {"message", std::move(message)}, {"status", ok_status()}};
}

json error_envelope(int code, std::string_view message) {
  return {{"data", nullptr},
          {"message", nullptr},
          {"status",
           {{"rCode", 400},
            {"bCodeMessage", json::array({{{"code", code}, {"errorMessage", message}}})},
            {"developerMessage", nullptr}}}};
}

json unknown_symbol() {
  return error_envelope(1001, "Symbol not exists.");
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view time_text(ReportTime time) {
  switch (time) {
    case ReportTime::kPreMarket:
      return "time-pre-market";
    case ReportTime::kAfterHours:
      return "time-after-hours";
    case ReportTime::kNotSupplied:
      return "time-not-supplied";
  }
  return "time-not-supplied";
}

// The trading day whose close is the latest at or before `now`.
std::optional<date::year_month_day> last_close_day(const TradingCalendar& calendar, Timestamp now) {
  const date::year_month_day today = calendar.market_date(now);
  if (!calendar.covers(today)) return std::nullopt;
  const auto hours = calendar.hours(today);
  if (hours && now >= hours->close) return today;
  return calendar.previous_trading_day(today);
}

std::string market_cap_text(const SyntheticMarket& market, std::size_t symbol,
                            const std::optional<date::year_month_day>& as_of) {
  if (!as_of) return "";
  const auto fundamentals = market.fundamentals(symbol, *as_of);
  if (!fundamentals) return "";
  return market_cap_dollars(fundamentals->market_cap);
}

std::string optional_dollars(const std::optional<Money>& amount, const char* missing) {
  return amount ? calendar_dollars(*amount) : missing;
}

json upcoming_headers() {
  return {{"time", "Time"},
          {"symbol", "Symbol"},
          {"name", "Company Name"},
          {"marketCap", "Market Cap"},
          {"fiscalQuarterEnding", "Fiscal Quarter Ending"},
          {"epsForecast", "Consensus EPS* Forecast"},
          {"noOfEsts", "# of Ests"},
          {"lastYearRptDt", "Last Year's Report Date"},
          {"lastYearEPS", "Last year's EPS*"}};
}

json reported_headers() {
  return {{"time", "Time"},
          {"symbol", "Symbol"},
          {"name", "Company Name"},
          {"eps", "EPS"},
          {"surprise", "% Surprise"},
          {"marketCap", "Market Cap"},
          {"fiscalQuarterEnding", "Fiscal Quarter Ending"},
          {"epsForecast", "Consensus EPS* Forecast"},
          {"noOfEsts", "# of Ests"}};
}

json calendar_row(const SyntheticMarket& market, const EarningsReport& report, bool reported_page,
                  Timestamp now, const std::optional<date::year_month_day>& cap_day) {
  const auto& params = market.universe().at(report.symbol_index);
  json row = {
      {"symbol", params.symbol},
      {"name", params.name},
      {"marketCap", market_cap_text(market, report.symbol_index, cap_day)},
      {"fiscalQuarterEnding", month_slash_year(report.fiscal_quarter_end)},
      {"epsForecast", optional_dollars(report.eps_forecast, "")},
      {"noOfEsts", report.estimates > 0 ? std::to_string(report.estimates) : "N/A"},
  };
  if (reported_page) {
    // Once a date has passed Nasdaq no longer supplies the session (screeners.md 1.3).
    const bool published = report.published_at <= now;
    row["time"] = time_text(ReportTime::kNotSupplied);
    row["eps"] = published ? calendar_dollars(report.eps) : "N/A";
    row["surprise"] =
        published && report.surprise_bps ? surprise_percent(*report.surprise_bps) : "N/A";
  } else {
    row["time"] = time_text(report.time);
    row["lastYearRptDt"] =
        report.last_year_report_date ? month_day_year(*report.last_year_report_date) : "N/A";
    row["lastYearEPS"] = optional_dollars(report.last_year_eps, "N/A");
  }
  return row;
}

json forecast_row(date::year_month fiscal_end, Money consensus, Money high, Money low,
                  int estimates, int up, int down) {
  return {{"fiscalEnd", month_space_year(fiscal_end)},
          {"consensusEPSForecast", consensus.rounded(2).to_double()},
          {"highEPSForecast", high.rounded(2).to_double()},
          {"lowEPSForecast", low.rounded(2).to_double()},
          {"noOfEstimates", estimates},
          {"up", up},
          {"down", down}};
}

json forecast_table(json rows) {
  return {{"asOf", nullptr}, {"headers", json::object()}, {"rows", std::move(rows)}};
}

std::int64_t epoch_seconds(date::year_month_day day) {
  return std::chrono::duration_cast<std::chrono::seconds>(date::sys_days{day}.time_since_epoch())
      .count();
}

}  // namespace

json calendar_page(const SyntheticMarket& market, date::year_month_day day, Timestamp now,
                   const NasdaqOptions& options) {
  const TradingCalendar& calendar = market.calendar();
  const date::year_month_day today = calendar.market_date(now);
  const bool weekend = date::weekday{date::sys_days{day}}.c_encoding() % 6 == 0;
  const bool beyond_horizon =
      date::sys_days{day} > date::sys_days{today} + date::days{options.calendar_horizon_days};
  if (!day.ok() || !calendar.covers(day) || beyond_horizon ||
      (!weekend && !calendar.is_trading_day(day))) {
    return envelope(nullptr);
  }

  const bool reported_page = date::sys_days{day} < date::sys_days{today};
  json data = {{"asOf", weekday_month_day_year(day)},
               {"headers", reported_page ? reported_headers() : upcoming_headers()},
               {"rows", nullptr}};
  const auto reports = market.earnings().reports_on(day);
  if (!reports.empty()) {
    const auto cap_day = last_close_day(calendar, now);
    json rows = json::array();
    for (const auto& report : reports) {
      rows.push_back(calendar_row(market, report, reported_page, now, cap_day));
    }
    data["rows"] = std::move(rows);
  }
  return envelope(std::move(data));
}

json earnings_surprise(const SyntheticMarket& market, std::string_view symbol, Timestamp now,
                       const NasdaqOptions& options) {
  const auto index = market.universe().find(upper(symbol));
  if (!index) return unknown_symbol();
  const auto history = market.earnings().history(*index, now, options.surprise_rows);
  const bool covered = std::any_of(history.begin(), history.end(),
                                   [](const EarningsReport& r) { return r.estimates > 0; });
  json table = nullptr;
  json chart = json::array();
  if (covered) {
    json rows = json::array();
    for (const auto& report : history) {
      rows.push_back(
          {{"fiscalQtrEnd", month_space_year(report.fiscal_quarter_end)},
           {"dateReported", month_day_year(report.report_date)},
           {"eps", report.eps.rounded(2).to_double()},
           {"consensusForecast", report.eps_forecast ? plain_cents(*report.eps_forecast) : "N/A"},
           {"percentageSurprise",
            report.surprise_bps ? surprise_percent(*report.surprise_bps, true) : "N/A"}});
      chart.push_back({{"x", std::to_string(epoch_seconds(report.report_date))},
                       {"y", plain_cents(report.eps)}});
    }
    table = {{"headers",
              {{"fiscalQtrEnd", "Fiscal Quarter End"},
               {"dateReported", "Date Reported"},
               {"eps", "Earnings Per Share*"},
               {"consensusForecast", "Consensus EPS* Forecast"},
               {"percentageSurprise", "% Surprise"}}},
             {"rows", std::move(rows)}};
  }
  return envelope(
      {{"symbol", lower(symbol)}, {"earningsSurpriseTable", std::move(table)}, {"chart", chart}});
}

json earnings_forecast(const SyntheticMarket& market, std::string_view symbol, Timestamp now,
                       const NasdaqOptions& options) {
  const auto index = market.universe().find(upper(symbol));
  if (!index) return unknown_symbol();
  const auto& earnings = market.earnings();

  json quarterly = json::array();
  for (const auto& report : earnings.upcoming(*index, now, options.forecast_quarters)) {
    if (!report.eps_forecast) break;  // no coverage from here on
    quarterly.push_back(forecast_row(report.fiscal_quarter_end, *report.eps_forecast,
                                     *report.high_forecast, *report.low_forecast, report.estimates,
                                     report.revisions_up, report.revisions_down));
  }
  json yearly = json::array();
  if (const auto year = earnings.fiscal_year_forecast(*index, now); year && year->estimates > 0) {
    yearly.push_back(forecast_row(year->fiscal_year_end, year->consensus, year->high, year->low,
                                  year->estimates, year->revisions_up, year->revisions_down));
  }

  json message = nullptr;
  json data = {{"symbol", lower(symbol)}};
  if (quarterly.empty()) {
    data["quarterlyForecast"] = nullptr;
    message["QuarterlyForecast"] = "Quarterly Earnings Forecast is not available";
  } else {
    data["quarterlyForecast"] = forecast_table(std::move(quarterly));
  }
  if (yearly.empty()) {
    data["yearlyForecast"] = nullptr;
    message["YearlyForecast"] = "Yearly Earnings Forecast is not available";
  } else {
    data["yearlyForecast"] = forecast_table(std::move(yearly));
  }
  return envelope(std::move(data), std::move(message));
}

json earnings_date(const SyntheticMarket& market, std::string_view symbol, Timestamp now) {
  const auto index = market.universe().find(upper(symbol));
  if (!index) return unknown_symbol();
  const std::string ticker = upper(symbol);
  const auto next = market.earnings().upcoming(*index, now, 1);
  json data = {{"heading", ticker + " Earnings Date"}};
  if (next.empty()) {
    data["reportText"] =
        "Our vendor, Zacks Investment Research, hasn't provided us with the upcoming earnings "
        "report date.";
    data["announcement"] = "Earnings announcement* for " + ticker + ": ";
    data["eQRResposeModel"] = nullptr;  // sic: Nasdaq's spelling
    return envelope(std::move(data));
  }
  const EarningsReport& report = next.front();
  std::string text = market.universe().at(*index).name + " Common Stock is expected* to report " +
                     "earnings on  " + month_day_year(report.report_date);
  if (report.time == ReportTime::kPreMarket) text += " before market open";
  if (report.time == ReportTime::kAfterHours) text += " after market close";
  text += ". The report will be for the fiscal Quarter ending " +
          month_space_year(report.fiscal_quarter_end) + ".";
  if (report.eps_forecast) {
    text += " According to Zacks Investment Research, based on " +
            std::to_string(report.estimates) + " analysts' forecasts, the consensus EPS forecast " +
            "for the quarter is " + calendar_dollars(*report.eps_forecast) + ".";
  }
  if (report.last_year_eps) {
    text += " The reported EPS for the same quarter last year was " +
            calendar_dollars(*report.last_year_eps) + ".";
  }
  data["reportText"] = std::move(text);
  data["announcement"] =
      "Earnings announcement* for " + ticker + ": " + month_day_comma_year(report.report_date);
  data["eQRResposeModel"] = nullptr;  // no Earnings Quality Ranking in the model
  return envelope(std::move(data));
}

json request_error(std::string_view message) {
  return error_envelope(400, message);
}

}  // namespace ibtrade::services::sim_nasdaq
