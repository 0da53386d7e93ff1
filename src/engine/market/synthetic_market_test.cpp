#include "engine/market/synthetic_market.hpp"

#include <chrono>
#include <cmath>
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include "engine/market/market_test_support.hpp"

namespace ibtrade::engine::market {
namespace {

using namespace date::literals;
using namespace std::chrono_literals;
using test::render;
using test::us_calendar;

std::string render_all(const std::vector<Bar>& bars) {
  std::string out;
  for (const auto& bar : bars)
    out += render(bar);
  return out;
}

TEST(MarketSyntheticMarket, SameSeedSameBarsDifferentSeedDifferentBars) {
  const SyntheticMarket a(7, 3, us_calendar());
  const SyntheticMarket b(7, 3, us_calendar());
  const SyntheticMarket c(8, 3, us_calendar());
  for (std::size_t s = 0; s < 3; ++s) {
    const auto day = 2026_y / 3 / 10;
    const std::string text = render_all(a.minute_bars(s, day));
    EXPECT_EQ(text.size() > 0, true);
    EXPECT_EQ(text, render_all(b.minute_bars(s, day)));
    EXPECT_NE(text, render_all(c.minute_bars(s, day)));
  }
}

TEST(MarketSyntheticMarket, ASymbolsPathDoesNotDependOnTheOtherSymbolsOrTheRangeStart) {
  const SyntheticMarket five(99, 5, us_calendar());
  const SyntheticMarket fifty(99, 50, us_calendar());
  const auto day = 2026_y / 6 / 15;
  for (std::size_t s = 0; s < 5; ++s) {
    EXPECT_EQ(five.universe().at(s).symbol, fifty.universe().at(s).symbol);
    EXPECT_EQ(render_all(five.minute_bars(s, day)), render_all(fifty.minute_bars(s, day)));
  }
  // A path started a month earlier and walked forward reaches the same session.
  SymbolPath walked = five.path(2, 2026_y / 5 / 11);
  while (walked.day().day < day)
    walked.next_day();
  std::vector<Bar> bars;
  while (auto bar = walked.next_minute())
    bars.push_back(*bar);
  EXPECT_EQ(render_all(bars), render_all(five.minute_bars(2, day)));
}

TEST(MarketSyntheticMarket, BarsAreValidOnTheTickGridAndInsideTheSession) {
  const SyntheticMarket market(3, 8, us_calendar());
  for (std::size_t s = 0; s < market.size(); ++s) {
    for (SymbolPath p = market.path(s, 2026_y / 11 / 20); p.day().day <= 2026_y / 12 / 4;
         p.next_day()) {
      const auto hours = us_calendar().hours(p.day().day);
      ASSERT_TRUE(hours.has_value());
      int count = 0;
      while (auto bar = p.next_minute()) {
        ++count;
        EXPECT_EQ(check_bar(*bar), "") << render(*bar);
        EXPECT_GE(bar->time, hours->open);
        EXPECT_LT(bar->time, hours->close);
        EXPECT_EQ((bar->time - hours->open) % 1min, 0ns);
        for (const Price price : {bar->open, bar->high, bar->low, bar->close}) {
          EXPECT_TRUE(price.is_positive());
          const std::int64_t tick = price >= *Price::parse("1") ? 10'000'000 : 100'000;
          EXPECT_EQ(price.raw() % tick, 0) << price;
        }
      }
      EXPECT_EQ(count, p.day().minutes);
    }
  }
}

TEST(MarketSyntheticMarket, HolidaysHaveNoBarsAndEarlyClosesStopAtOne) {
  const SyntheticMarket market(3, 2, us_calendar());
  EXPECT_TRUE(market.minute_bars(0, 2026_y / 11 / 26).empty());  // Thanksgiving
  EXPECT_TRUE(market.minute_bars(0, 2026_y / 11 / 28).empty());  // Saturday
  EXPECT_FALSE(market.daily_bar(0, 2026_y / 11 / 26).has_value());
  const auto early = market.minute_bars(1, 2026_y / 11 / 27);
  ASSERT_EQ(early.size(), 210U);
  // 09:30 to 13:00 EST is 14:30 to 18:00 UTC: the last bar starts at 12:59 ET.
  const Timestamp open{date::sys_days{2026_y / 11 / 27} + 14h + 30min};
  EXPECT_EQ(early.front().time, open);
  EXPECT_EQ(early.back().time, open + 209min);
  EXPECT_EQ(market.minute_bars(1, 2026_y / 11 / 25).size(), 390U);
  // A path walked over the holiday skips it.
  SymbolPath p = market.path(0, 2026_y / 11 / 25);
  p.next_day();
  EXPECT_EQ(p.day().day, 2026_y / 11 / 27);
}

TEST(MarketSyntheticMarket, MinuteBarsAggregateToTheDailyBars) {
  const SyntheticMarket market(21, 4, us_calendar());
  const auto from = 2026_y / 2 / 2;
  const auto to = 2026_y / 2 / 27;
  for (std::size_t s = 0; s < market.size(); ++s) {
    const auto daily = market.daily_bars(s, from, to);
    ASSERT_EQ(daily.size(), 19U);  // February 2026 less Presidents' Day
    std::size_t i = 0;
    for (auto day = date::sys_days{from}; day <= date::sys_days{to}; day += date::days{1}) {
      const auto minutes = market.minute_bars(s, date::year_month_day{day});
      if (minutes.empty()) continue;
      // Aggregated here by hand rather than through aggregate_bars.
      Price high = minutes.front().high;
      Price low = minutes.front().low;
      std::int64_t volume = 0;
      for (const auto& bar : minutes) {
        high = std::max(high, bar.high);
        low = std::min(low, bar.low);
        volume += bar.volume.raw() / kFixedScale;
      }
      ASSERT_LT(i, daily.size());
      const Bar& d = daily[i++];
      EXPECT_EQ(d.time, minutes.front().time);
      EXPECT_EQ(d.open, minutes.front().open);
      EXPECT_EQ(d.close, minutes.back().close);
      EXPECT_EQ(d.high, high);
      EXPECT_EQ(d.low, low);
      EXPECT_EQ(d.volume, Quantity::from_units(volume));
      EXPECT_EQ(market.close_price(s, date::year_month_day{day}), d.close);
    }
    EXPECT_EQ(i, daily.size());
    // Over a weekend the close is Friday's.
    EXPECT_EQ(market.close_price(s, 2026_y / 2 / 28), daily.back().close);
  }
}

TEST(MarketSyntheticMarket, VolumeIsUShapedThroughTheSession) {
  const SyntheticMarket market(5, 5, us_calendar());
  std::vector<double> by_minute(390, 0.0);
  for (std::size_t s = 0; s < market.size(); ++s) {
    int days = 0;
    for (SymbolPath p = market.path(s, 2026_y / 1 / 5); days < 40; p.next_day()) {
      if (p.day().minutes != 390) continue;
      ++days;
      std::size_t j = 0;
      while (auto bar = p.next_minute())
        by_minute[j++] += bar->volume.to_double();
    }
  }
  double first = 0.0;
  double last = 0.0;
  double midday = 0.0;
  for (std::size_t j = 0; j < 30; ++j) {
    first += by_minute[j] / 30.0;
    last += by_minute[360 + j] / 30.0;
  }
  for (std::size_t j = 150; j < 240; ++j)  // 12:00 to 13:30
    midday += by_minute[j] / 90.0;
  EXPECT_GT(first, 1.5 * midday);
  EXPECT_GT(last, 1.3 * midday);
}

TEST(MarketSyntheticMarket, SomeOvernightGapsAreLargeAndEarningsDaysGapMore) {
  const SyntheticMarket market(12, 40, us_calendar());
  int symbol_days = 0;
  int big_up = 0;
  double earnings_abs = 0.0;
  int earnings_days = 0;
  double other_abs = 0.0;
  int other_days = 0;
  std::map<std::int64_t, double> best_gain_by_day;
  for (std::size_t s = 0; s < market.size(); ++s) {
    SymbolPath p = market.path(s, 2025_y / 1 / 2);
    double previous_close = p.close_price().to_double();
    p.next_day();
    for (int d = 0; d < 250; ++d, p.next_day()) {
      const DayPlan& plan = p.day();
      ++symbol_days;
      // Observed on the tick grid, as a scanner would: the open against the previous close.
      const double gap = p.open_price().to_double() / previous_close - 1.0;
      const double change = p.close_price().to_double() / previous_close - 1.0;
      previous_close = p.close_price().to_double();
      if (gap >= 0.08) ++big_up;
      (plan.earnings ? earnings_abs : other_abs) += std::fabs(plan.gap);
      ++(plan.earnings ? earnings_days : other_days);
      auto& best = best_gain_by_day[plan.trading_day];
      best = std::max(best, change);
    }
  }
  const double big_share = static_cast<double>(big_up) / symbol_days;
  EXPECT_GT(big_share, 0.01);
  EXPECT_LT(big_share, 0.06);
  EXPECT_GT(earnings_days, 40 * 3);  // about four a year each
  EXPECT_GT(earnings_abs / earnings_days, 2.0 * other_abs / other_days);
  int days_with_a_top_gainer = 0;
  for (const auto& [day, best] : best_gain_by_day)
    days_with_a_top_gainer += best >= 0.08 ? 1 : 0;
  EXPECT_GT(days_with_a_top_gainer, 250 / 3);
}

TEST(MarketSyntheticMarket, PricesStayPlausibleForYears) {
  const SyntheticMarket market(77, 60, us_calendar());
  for (std::size_t s = 0; s < market.size(); ++s) {
    const auto price = market.close_price(s, 2030_y / 6 / 28);
    ASSERT_TRUE(price.has_value());
    const double start = market.universe().at(s).start_price;
    const double ratio = price->to_double() / start;
    EXPECT_GT(ratio, 0.02) << market.universe().at(s).symbol;
    EXPECT_LT(ratio, 100.0) << market.universe().at(s).symbol;
  }
}

TEST(MarketSyntheticMarket, NoDataBeforeTheEpoch) {
  const SyntheticMarket market(1, 1, us_calendar());
  EXPECT_EQ(market.first_day(), 2020_y / 1 / 2);
  EXPECT_TRUE(market.minute_bars(0, 2019_y / 12 / 31).empty());
  EXPECT_FALSE(market.close_price(0, 2020_y / 1 / 1).has_value());
  EXPECT_FALSE(market.fundamentals(0, 2020_y / 1 / 1).has_value());
  EXPECT_EQ(market.path(0, 2019_y / 6 / 3).day().day, 2020_y / 1 / 2);
  MarketConfig config;
  config.epoch = 2040_y / 1 / 2;
  EXPECT_THROW(SyntheticMarket(1, 1, us_calendar(), config), std::invalid_argument);
}

TEST(MarketSyntheticMarket, OutputIsPinned) {
  // A change here changes every synthetic backtest and sim session: it must be deliberate.
  const SyntheticMarket market(1, 3, us_calendar());
  EXPECT_EQ(market.universe().at(0).symbol + " " + market.universe().at(0).name,
            "VUOS Verex Holdings Corp.");
  EXPECT_EQ(render(market.minute_bars(0, 2026_y / 3 / 10).front()),
            "1773149400000000000 108.58 108.71 108.48 108.64 71868\n");
  EXPECT_EQ(render(*market.daily_bar(2, 2026_y / 3 / 10)),
            "1773149400000000000 584.60 589.58 557.26 561.29 412682\n");
}

}  // namespace
}  // namespace ibtrade::engine::market
