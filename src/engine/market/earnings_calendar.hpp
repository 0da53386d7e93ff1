// The synthetic earnings calendar: one report per symbol and fiscal quarter, in Nasdaq's shapes.
// Immutable once built: const queries from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <date/date.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/fixed_point.hpp"
#include "core/time.hpp"
#include "engine/market/market_config.hpp"
#include "engine/market/universe.hpp"

namespace ibtrade::engine::market {

// Quarters are numbered year * 4 + (calendar quarter - 1) of the month the fiscal quarter ends
// in: Mar 2026, Feb 2026 and Jan 2026 are all quarter 8104.
using QuarterNumber = std::int64_t;
QuarterNumber quarter_number(date::year_month_day day);

struct EarningsReport {
  std::size_t symbol_index = 0;
  QuarterNumber quarter = 0;
  date::year_month fiscal_quarter_end;         // Nasdaq's "Mar/2024"
  bool fiscal_year_end = false;                // the fourth fiscal quarter
  date::year_month_day report_date;            // a trading day (ET)
  ReportTime time = ReportTime::kNotSupplied;  // as listed before the event
  Timestamp published_at;  // numbers out: 07:30 ET before the open, close + 5 min after it
  std::optional<date::year_month_day> reaction_day;  // first session trading on the numbers
  Money eps;                                         // actual, 2 decimals
  std::optional<Money> eps_forecast;                 // consensus; none without estimates
  std::optional<Money> high_forecast;  // highest / lowest estimate (equal with one analyst)
  std::optional<Money> low_forecast;
  int estimates = 0;     // Nasdaq's noOfEsts; 0 is shown as "N/A"
  int revisions_up = 0;  // estimate revisions over the last weeks before the report
  int revisions_down = 0;
  // (eps - forecast) / |forecast| in hundredths of a percent, half away from zero (698 is
  // 6.98 %). None when in line, without a forecast or with a forecast of $0, as Nasdaq shows N/A.
  std::optional<std::int64_t> surprise_bps;
  // The same fiscal quarter a year before; none when that quarter had no analyst coverage.
  std::optional<date::year_month_day> last_year_report_date;
  std::optional<Money> last_year_eps;
};

// The consensus for a fiscal year: reported quarters count at their actual EPS.
struct FiscalYearForecast {
  date::year_month fiscal_year_end;
  Money consensus;
  Money high;
  Money low;
  int estimates = 0;  // the fewest estimates among the quarters still to report
  int revisions_up = 0;
  int revisions_down = 0;
};

// Every symbol reports once per fiscal quarter on a trading day: actual EPS, the consensus
// before it, analyst counts, surprise and last year's quarter, enough for Nasdaq's calendar,
// earnings-surprise and earnings-forecast endpoints. Each quarter has its own substream, so any
// quarter is computed on demand without the others.
class EarningsCalendar {
 public:
  // `universe` and `calendar` must outlive this. `epoch` anchors the EPS trends (quarter 0 of
  // each symbol's growth), like the price paths.
  EarningsCalendar(std::uint64_t seed, const Universe& universe, const TradingCalendar& calendar,
                   EarningsConfig config, date::year_month_day epoch);

  // Symbol `symbol`'s report for fiscal quarter `quarter`; none when its date would fall outside
  // the calendar's covered years.
  std::optional<EarningsReport> report(std::size_t symbol, QuarterNumber quarter) const;

  // Every report dated `day`, in universe order (one Nasdaq calendar page).
  std::vector<EarningsReport> reports_on(date::year_month_day day) const;

  // Up to `count` reports published at or before `as_of`, newest first (earnings-surprise).
  std::vector<EarningsReport> history(std::size_t symbol, Timestamp as_of, std::size_t count) const;
  // Up to `count` reports published after `as_of`, oldest first (earnings-forecast, calendar).
  std::vector<EarningsReport> upcoming(std::size_t symbol, Timestamp as_of,
                                       std::size_t count) const;
  // The report whose reaction_day is the first on or after `day`.
  std::optional<EarningsReport> next_reaction(std::size_t symbol, date::year_month_day day) const;

  // The fiscal year of the next report after `as_of`; none if a quarter still to report has no
  // forecast.
  std::optional<FiscalYearForecast> fiscal_year_forecast(std::size_t symbol, Timestamp as_of) const;

 private:
  // The report without its last-year fields.
  std::optional<EarningsReport> quarter_report(std::size_t symbol, QuarterNumber quarter) const;

  std::uint64_t seed_;
  const Universe* universe_;
  const TradingCalendar* calendar_;
  EarningsConfig config_;
  QuarterNumber epoch_quarter_;
};

}  // namespace ibtrade::engine::market
