#include "engine/market/synthetic_feed.hpp"

#include <chrono>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "engine/market/market_test_support.hpp"

namespace ibtrade::engine::market {
namespace {

using namespace date::literals;
using namespace std::chrono_literals;
using test::render;
using test::us_calendar;

std::string drain(BarFeed& feed) {
  std::string out;
  while (auto bar = feed.next())
    out += render(*bar);
  return out;
}

TEST(MarketSyntheticFeed, SameSeedGivesByteIdenticalStreamsDifferentSeedDoesNot) {
  const SyntheticMarket a(2024, 4, us_calendar());
  const SyntheticMarket b(2024, 4, us_calendar());
  const SyntheticMarket c(2025, 4, us_calendar());
  SyntheticBarFeed fa(a, 2026_y / 4 / 6, 2026_y / 4 / 8);
  SyntheticBarFeed fb(b, 2026_y / 4 / 6, 2026_y / 4 / 8);
  SyntheticBarFeed fc(c, 2026_y / 4 / 6, 2026_y / 4 / 8);
  const std::string text = drain(fa);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4 * 3 * 390);
  EXPECT_EQ(text, drain(fb));
  EXPECT_NE(text, drain(fc));
}

TEST(MarketSyntheticFeed, MergesInTimeOrderWithTiesInSymbolOrder) {
  const SyntheticMarket market(8, 6, us_calendar());
  SyntheticBarFeed feed(market, 2026_y / 3 / 2, 2026_y / 3 / 3);
  std::optional<MarketBar> previous;
  std::size_t count = 0;
  while (auto bar = feed.next()) {
    ++count;
    EXPECT_EQ(bar->duration, 1min);
    if (previous) {
      ASSERT_LE(previous->bar.time, bar->bar.time);
      if (previous->bar.time == bar->bar.time) {
        EXPECT_LT(*market.universe().find(previous->symbol), *market.universe().find(bar->symbol));
      } else {
        EXPECT_EQ(*market.universe().find(bar->symbol), 0U);  // each minute starts at symbol 0
      }
    }
    previous = bar;
  }
  EXPECT_EQ(count, 6U * 2U * 390U);
}

TEST(MarketSyntheticFeed, ASymbolsBarsAreTheSameInAnyUniverseAndFromAnyStart) {
  const SyntheticMarket five(31, 5, us_calendar());
  const SyntheticMarket fifty(31, 50, us_calendar());
  const auto day = 2026_y / 7 / 14;
  // Symbol 3 alone from a feed over 50 symbols started a month earlier...
  SyntheticBarFeed wide(fifty, 2026_y / 6 / 15, day);
  std::string from_wide;
  while (auto bar = wide.next()) {
    if (bar->symbol == fifty.universe().at(3).symbol &&
        us_calendar().market_date(bar->bar.time) == day) {
      from_wide += render(*bar);
    }
  }
  // ...equals symbol 3 of a 5-symbol feed over that one day.
  SyntheticBarFeed narrow(five, std::vector<std::size_t>{3}, day, day);
  EXPECT_EQ(from_wide, drain(narrow));
  EXPECT_FALSE(from_wide.empty());
}

TEST(MarketSyntheticFeed, HoldsOnePendingBarPerSymbolWhateverTheRange) {
  const SyntheticMarket market(4, 7, us_calendar());
  SyntheticBarFeed feed(market, 2026_y / 1 / 5, 2026_y / 2 / 27);
  EXPECT_EQ(feed.symbol_count(), 7U);
  EXPECT_EQ(feed.pending_bars(), 7U);
  std::size_t count = 0;
  while (feed.next()) {
    ++count;
    ASSERT_LE(feed.pending_bars(), feed.symbol_count());
  }
  EXPECT_EQ(feed.pending_bars(), 0U);
  EXPECT_EQ(count, 7U * 38U * 390U);  // 38 sessions: Martin Luther King Day excluded
  EXPECT_FALSE(feed.next().has_value());
}

TEST(MarketSyntheticFeed, OnlyTradingDaysAndSessionHoursAroundThanksgiving) {
  const SyntheticMarket market(6, 3, us_calendar());
  SyntheticBarFeed feed(market, 2026_y / 11 / 23, 2026_y / 11 / 30);
  std::map<std::string, int> bars_per_day;
  while (auto bar = feed.next()) {
    const auto day = us_calendar().market_date(bar->bar.time);
    ASSERT_TRUE(us_calendar().is_trading_day(day)) << to_iso_date(day);
    const auto hours = us_calendar().hours(day);
    EXPECT_GE(bar->bar.time, hours->open);
    EXPECT_LT(bar->bar.time + bar->duration, hours->close + 1ns);
    EXPECT_EQ(check_bar(bar->bar), "");
    ++bars_per_day[to_iso_date(day)];
  }
  const std::map<std::string, int> expected{{"2026-11-23", 3 * 390},
                                            {"2026-11-24", 3 * 390},
                                            {"2026-11-25", 3 * 390},
                                            {"2026-11-27", 3 * 210},
                                            {"2026-11-30", 3 * 390}};
  EXPECT_EQ(bars_per_day, expected);
}

TEST(MarketSyntheticFeed, TenSymbolsForTwentySessionsRuns) {
  const SyntheticMarket market(10, 10, us_calendar());
  SyntheticBarFeed feed(market, 2026_y / 5 / 1, 2026_y / 5 / 29);
  std::size_t count = 0;
  while (feed.next())
    ++count;
  EXPECT_EQ(count, 10U * 20U * 390U);  // May 2026: 20 sessions, Memorial Day excluded
}

}  // namespace
}  // namespace ibtrade::engine::market
