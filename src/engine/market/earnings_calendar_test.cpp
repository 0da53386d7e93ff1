#include "engine/market/earnings_calendar.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "engine/market/market_test_support.hpp"
#include "engine/market/synthetic_market.hpp"

namespace ibtrade::engine::market {
namespace {

using namespace date::literals;
using namespace std::chrono_literals;
using test::us_calendar;

Timestamp et_close(date::year_month_day day) {
  return us_calendar().hours(day)->close;
}

TEST(MarketEarningsCalendar, QuartersAreNumberedByTheMonthTheyEndIn) {
  EXPECT_EQ(quarter_number(2026_y / 3 / 31), 8104);
  EXPECT_EQ(quarter_number(2026_y / 1 / 31), 8104);
  EXPECT_EQ(quarter_number(2026_y / 4 / 1), 8105);
  EXPECT_EQ(quarter_number(2026_y / 12 / 31), 8107);
}

TEST(MarketEarningsCalendar, EachSymbolReportsOncePerQuarterOnATradingDay) {
  const SyntheticMarket market(3, 30, us_calendar());
  const EarningsCalendar& calendar = market.earnings();
  std::set<std::string> timings;
  for (std::size_t s = 0; s < market.size(); ++s) {
    std::optional<EarningsReport> previous;
    for (QuarterNumber q = QuarterNumber{2023} * 4; q < QuarterNumber{2027} * 4; ++q) {
      const auto report = calendar.report(s, q);
      ASSERT_TRUE(report.has_value());
      EXPECT_EQ(report->symbol_index, s);
      EXPECT_TRUE(us_calendar().is_trading_day(report->report_date));
      const date::year_month_day quarter_end{report->fiscal_quarter_end / date::last};
      EXPECT_EQ(quarter_number(quarter_end), q);
      const auto lag = (date::sys_days{report->report_date} - date::sys_days{quarter_end}).count();
      EXPECT_GE(lag, 16);
      EXPECT_LE(lag, 62);
      ASSERT_TRUE(report->reaction_day.has_value());
      EXPECT_TRUE(us_calendar().is_trading_day(*report->reaction_day));
      EXPECT_GE(*report->reaction_day, report->report_date);
      const auto hours = us_calendar().hours(report->report_date);
      EXPECT_TRUE(report->published_at < hours->open || report->published_at > hours->close);
      if (previous) {
        EXPECT_GT(report->report_date, previous->report_date);
      }
      timings.insert(std::string(to_string(report->time)));
      previous = report;
    }
    // Exactly four reports dated in 2025, one for each of four consecutive fiscal quarters.
    std::set<QuarterNumber> quarters;
    for (QuarterNumber q = QuarterNumber{2024} * 4; q < QuarterNumber{2026} * 4 + 2; ++q) {
      const auto report = calendar.report(s, q);
      if (report->report_date.year() == 2025_y) quarters.insert(q);
    }
    EXPECT_EQ(quarters.size(), 4U);
    EXPECT_EQ(*quarters.rbegin() - *quarters.begin(), 3);
  }
  EXPECT_EQ(timings.size(), 3U);  // pre-market, after-hours and not supplied all occur
}

TEST(MarketEarningsCalendar, DayPagesListExactlyTheReportsDatedThatDay) {
  const SyntheticMarket market(3, 30, us_calendar());
  std::map<std::size_t, int> per_symbol;
  int holiday_rows = 0;
  for (auto day = date::sys_days{2025_y / 1 / 1}; day <= date::sys_days{2025_y / 12 / 31};
       day += date::days{1}) {
    const date::year_month_day ymd{day};
    for (const auto& report : market.earnings().reports_on(ymd)) {
      EXPECT_EQ(report.report_date, ymd);
      if (!us_calendar().is_trading_day(ymd)) ++holiday_rows;
      ++per_symbol[report.symbol_index];
    }
  }
  EXPECT_EQ(holiday_rows, 0);
  ASSERT_EQ(per_symbol.size(), market.size());
  for (const auto& [symbol, count] : per_symbol)
    EXPECT_EQ(count, 4) << symbol;
}

TEST(MarketEarningsCalendar, SurpriseAndLastYearFollowNasdaqsDefinitions) {
  const SyntheticMarket market(8, 60, us_calendar());
  int surprises = 0;
  int in_line = 0;
  int no_forecast = 0;
  for (std::size_t s = 0; s < market.size(); ++s) {
    for (QuarterNumber q = QuarterNumber{2025} * 4; q < QuarterNumber{2026} * 4; ++q) {
      const auto r = *market.earnings().report(s, q);
      const auto last_year = *market.earnings().report(s, q - 4);
      if (last_year.estimates > 0) {
        EXPECT_EQ(r.last_year_eps, last_year.eps);
        EXPECT_EQ(r.last_year_report_date, last_year.report_date);
      } else {
        EXPECT_FALSE(r.last_year_eps.has_value());
        EXPECT_FALSE(r.last_year_report_date.has_value());
      }
      EXPECT_EQ(r.eps.precision(), 2);
      if (!r.eps_forecast) {
        EXPECT_EQ(r.estimates, 0);
        EXPECT_FALSE(r.surprise_bps.has_value());
        ++no_forecast;
        continue;
      }
      EXPECT_GT(r.estimates, 0);
      EXPECT_LE(*r.low_forecast, *r.eps_forecast);
      EXPECT_GE(*r.high_forecast, *r.eps_forecast);
      EXPECT_LE(r.revisions_up + r.revisions_down, r.estimates);
      const double eps = r.eps.to_double();
      const double forecast = r.eps_forecast->to_double();
      if (r.eps == *r.eps_forecast || r.eps_forecast->is_zero()) {
        EXPECT_FALSE(r.surprise_bps.has_value());
        ++in_line;
      } else {
        ASSERT_TRUE(r.surprise_bps.has_value());
        EXPECT_NEAR(static_cast<double>(*r.surprise_bps),
                    (eps - forecast) / std::fabs(forecast) * 1e4, 0.5 + 1e-6);
        ++surprises;
      }
    }
  }
  EXPECT_GT(surprises, 100);
  EXPECT_GT(in_line, 0);
  EXPECT_GT(no_forecast, 0);
}

TEST(MarketEarningsCalendar, HistoryAndUpcomingSplitAtThePublicationInstant) {
  const SyntheticMarket market(8, 10, us_calendar());
  const Timestamp as_of = et_close(2026_y / 5 / 6);
  for (std::size_t s = 0; s < market.size(); ++s) {
    const auto past = market.earnings().history(s, as_of, 4);
    const auto next = market.earnings().upcoming(s, as_of, 2);
    ASSERT_EQ(past.size(), 4U);
    ASSERT_EQ(next.size(), 2U);
    for (std::size_t i = 0; i < past.size(); ++i) {
      EXPECT_LE(past[i].published_at, as_of);
      if (i > 0) {
        EXPECT_EQ(past[i].quarter + 1, past[i - 1].quarter);  // newest first
      }
    }
    EXPECT_GT(next[0].published_at, as_of);
    EXPECT_EQ(next[0].quarter, past[0].quarter + 1);
    EXPECT_EQ(next[1].quarter, next[0].quarter + 1);
    const auto year = market.earnings().fiscal_year_forecast(s, as_of);
    if (year && next[0].eps_forecast) {
      EXPECT_LE(year->low, year->consensus);
      EXPECT_GE(year->high, year->consensus);
    }
  }
}

// The screener classification of docs/screeners.md 1.8 ("Recommended classification"), written
// out here from the Nasdaq fields only, so that the test checks the data rather than the profiles.
struct Classification {
  bool missing_forecast = false;
  bool insufficient = false;
  bool profitable = false;
  bool growth = false;
  bool turnaround = false;
  bool likely_beater = false;
  bool likely_misser = false;
};

Classification classify(const EarningsReport& next, const std::vector<EarningsReport>& last_four) {
  Classification c;
  c.missing_forecast = !next.eps_forecast;
  const auto& f = next.eps_forecast;
  const auto& l = next.last_year_eps;
  if (f && l) {
    const double fv = f->to_double();
    const double lv = l->to_double();
    c.turnaround = lv < 0 && fv >= 0;
    if (lv == 0) {
      c.growth = fv > 0;
    } else if (!c.turnaround && !(lv >= 0 && fv < 0)) {
      c.growth = (fv - lv) / std::fabs(lv) >= 0.10;
    }
    c.growth = c.growth || c.turnaround;
  }
  if (last_four.size() == 4) {
    Money ttm;
    for (const auto& r : last_four)
      ttm += r.eps;
    c.profitable = ttm.is_positive();
  } else {
    c.profitable = l && l->is_positive();
  }
  int valid = 0;
  int beats = 0;
  int misses = 0;
  double surprise_sum = 0.0;
  bool latest_miss = false;
  for (std::size_t i = 0; i < last_four.size(); ++i) {
    const auto& r = last_four[i];
    if (!r.eps_forecast) continue;
    ++valid;
    const double a = r.eps.to_double();
    const double cons = r.eps_forecast->to_double();
    const bool in_line = std::fabs(a - cons) <= std::max(0.01, 0.05 * std::fabs(cons)) + 1e-12;
    if (!in_line && a > cons) ++beats;
    if (!in_line && a < cons) {
      ++misses;
      latest_miss = latest_miss || i == 0;
    }
    if (cons != 0) surprise_sum += std::clamp((a - cons) / std::fabs(cons) * 100.0, -200.0, 200.0);
  }
  c.insufficient = valid < 3 || !f || !l;
  if (valid >= 3) {
    c.likely_beater = beats >= 3 && surprise_sum > 0 && !latest_miss;
    c.likely_misser = misses >= 2;
  }
  return c;
}

TEST(MarketEarningsCalendar, EveryScreenerClassOccurs) {
  const SyntheticMarket market(2026, 150, us_calendar());
  for (const auto day : {2025_y / 7 / 1, 2026_y / 3 / 2}) {
    const Timestamp as_of = et_close(day);
    std::map<std::string, int> classes;
    for (std::size_t s = 0; s < market.size(); ++s) {
      const auto next = market.earnings().upcoming(s, as_of, 1);
      ASSERT_EQ(next.size(), 1U);
      const auto c = classify(next.front(), market.earnings().history(s, as_of, 4));
      if (c.profitable && c.likely_beater && c.growth) ++classes["profitable beater with growth"];
      if (c.profitable && c.likely_beater && !c.growth) ++classes["profitable beater"];
      if (c.turnaround) ++classes["turnaround"];
      if (c.likely_misser) ++classes["likely misser"];
      if (c.insufficient) ++classes["insufficient data"];
      if (c.missing_forecast) ++classes["missing forecast"];
    }
    for (const char* name : {"profitable beater with growth", "profitable beater", "turnaround",
                             "likely misser", "insufficient data", "missing forecast"}) {
      EXPECT_GE(classes[name], 2) << name << " on " << to_iso_date(day);
    }
  }
}

}  // namespace
}  // namespace ibtrade::engine::market
