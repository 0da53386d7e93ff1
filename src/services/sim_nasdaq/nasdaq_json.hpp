// api.nasdaq.com's earnings responses (calendar, earnings-surprise, earnings-forecast,
// earnings-date) built from the synthetic market, in the shapes docs/screeners.md part 1 records.
// Pure functions of (market, request, now): const queries, safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "core/time.hpp"
#include "engine/market/synthetic_market.hpp"

namespace ibtrade::services::sim_nasdaq {

struct NasdaqOptions {
  // Calendar pages further ahead of the simulated day than this come back with "data": null
  // (Nasdaq's horizon, screeners.md 1.2).
  int calendar_horizon_days = 55;
  std::size_t surprise_rows = 4;      // earnings-surprise: the last N reported quarters
  std::size_t forecast_quarters = 2;  // earnings-forecast: the next N quarters
};

// GET /api/calendar/earnings?date=`day` at simulated time `now`. Days before the simulated
// market date use the reported-page schema (eps, surprise; time no longer supplied), the others
// the upcoming schema (lastYearRptDt, lastYearEPS). Holidays, pages outside the calendar's
// years and pages beyond the horizon are {"data": null}; weekends and trading days without
// reports keep asOf and headers with "rows": null. marketCap is at the last close before `now`.
nlohmann::json calendar_page(const engine::market::SyntheticMarket& market,
                             date::year_month_day day, Timestamp now,
                             const NasdaqOptions& options = {});

// GET /api/company/{symbol}/earnings-surprise: the last reported quarters, newest first;
// "earningsSurpriseTable": null when none of them had analyst coverage. An unknown symbol gives
// Nasdaq's in-band error (rCode 400, code 1001 "Symbol not exists."). Symbols match in any case.
nlohmann::json earnings_surprise(const engine::market::SyntheticMarket& market,
                                 std::string_view symbol, Timestamp now,
                                 const NasdaqOptions& options = {});

// GET /api/analyst/{symbol}/earnings-forecast: the next quarters' and the fiscal year's
// consensus, high, low, estimates and revisions; a table without coverage is null and named in
// "message".
nlohmann::json earnings_forecast(const engine::market::SyntheticMarket& market,
                                 std::string_view symbol, Timestamp now,
                                 const NasdaqOptions& options = {});

// GET /api/analyst/{symbol}/earnings-date: Zacks' free text about the next report.
nlohmann::json earnings_date(const engine::market::SyntheticMarket& market, std::string_view symbol,
                             Timestamp now);

// Nasdaq's envelope around a request error: "data": null, rCode 400 and the message in
// bCodeMessage (what the HTTP layer sends with status 400).
nlohmann::json request_error(std::string_view message);

}  // namespace ibtrade::services::sim_nasdaq
