// MarketView moves prices inside each minute bar, never outside it, on the tick, with a book
// around the last price and volume that only grows; historical bars never leak the future.
#include "services/sim/market_view.hpp"

#include <gtest/gtest.h>

#include "services/sim/historical.hpp"
#include "services/sim/sim_test_support.hpp"
#include "services/sim/synthetic_bar_source.hpp"

namespace ibtrade::sim {
namespace {

using namespace std::chrono_literals;

const date::year_month_day kDay{date::year{2025}, date::month{3}, date::day{3}};

const engine::market::SyntheticMarket& market() {
  static const engine::market::SyntheticMarket m(7, 4, testing::calendar());
  return m;
}

const SyntheticBarSource& source() {
  static const SyntheticBarSource s(market());
  return s;
}

TEST(SimMarketView, PricesStayInsideTheMinuteBarsAndVolumeGrows) {
  MarketView view(source(), 500);
  const auto minutes = market().minute_bars(1, kDay);
  const Timestamp open = testing::calendar().hours(kDay)->open;
  Quantity volume;
  for (int s = 0; s < 600; s += 7) {
    const Timestamp t = open + std::chrono::seconds(s);
    const Bar& bar = minutes[static_cast<std::size_t>(s / 60)];
    auto snap = view.snapshot(1, t);
    ASSERT_TRUE(snap);
    EXPECT_GE(snap->last, bar.low);
    EXPECT_LE(snap->last, bar.high);
    EXPECT_LT(snap->bid, snap->ask);
    EXPECT_GE(snap->volume, volume);
    EXPECT_GE(snap->bid_size, Quantity::from_units(100));
    EXPECT_LE(snap->ask_size, Quantity::from_units(500));
    EXPECT_EQ(snap->last.rounded_to(Price::from_raw(10'000'000, 2)), snap->last);
    volume = snap->volume;
  }
  EXPECT_EQ(view.volume_until(1, open + 1min), minutes[0].volume);
  EXPECT_EQ(*view.price_at(1, open + 1min), minutes[1].open);
  EXPECT_FALSE(view.snapshot(1, open - 1s));
}

TEST(SimMarketView, FiveSecondBarsFitTheirMinute) {
  MarketView view(source(), 500);
  const Timestamp open = testing::calendar().hours(kDay)->open;
  const auto minutes = market().minute_bars(2, kDay);
  Quantity total;
  for (int k = 0; k < 12; ++k) {
    auto bar = view.sub_minute_bar(2, open + std::chrono::seconds(5 * k), 5s);
    ASSERT_TRUE(bar);
    EXPECT_TRUE(check_bar(*bar).empty()) << check_bar(*bar);
    EXPECT_LE(bar->high, minutes[0].high);
    EXPECT_GE(bar->low, minutes[0].low);
    total += bar->volume;
  }
  EXPECT_EQ(total, minutes[0].volume);
}

TEST(SimHistorical, BarsEndAtTheReplaysNow) {
  const Timestamp open = testing::calendar().hours(kDay)->open;
  const Timestamp now = open + 1h + 30s;
  tws::ReqHistoricalData req;
  req.req_id = 1;
  req.bar_size_setting = "1 min";
  req.duration = "1 D";
  req.format_date = 2;
  auto result = historical_bars(source(), 0, req, now, *date::locate_zone("America/New_York"));
  ASSERT_TRUE(result.data);
  ASSERT_EQ(result.data->bars.size(), 60u);  // the completed minutes only
  req.bar_size_setting = "1 day";
  req.duration = "5 D";
  result = historical_bars(source(), 0, req, now, *date::locate_zone("America/New_York"));
  ASSERT_TRUE(result.data);
  EXPECT_EQ(result.data->bars.size(), 5u);  // four full sessions and today's so far
  EXPECT_EQ(result.data->bars.back().date, "20250303");
  req.bar_size_setting = "7 mins";
  result = historical_bars(source(), 0, req, now, *date::locate_zone("America/New_York"));
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->code, 321);
}

}  // namespace
}  // namespace ibtrade::sim
