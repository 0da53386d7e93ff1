#include "app/market_calendar.hpp"

#include <gtest/gtest.h>

namespace ibtrade::app {
namespace {

using namespace std::chrono;

Timestamp utc(date::year_month_day day, hours h, minutes m = minutes{0}) {
  return Timestamp{date::sys_days{day} + h + m};
}

TEST(MarketCalendar, ConfiguredOverridesChangeTheAnswers) {
  CalendarConfig config;
  config.extra_closures = {"2026-12-31"};
  config.extra_early_closes = {"2026-12-30"};
  auto calendar = make_market_calendar(config);
  ASSERT_TRUE(calendar.ok()) << calendar.error().message;
  using date::literals::operator""_y;
  EXPECT_FALSE(calendar->is_trading_day(2026_y / 12 / 31));
  const auto hours30 = calendar->hours(2026_y / 12 / 30);
  ASSERT_TRUE(hours30);
  EXPECT_TRUE(hours30->early_close);
  EXPECT_EQ(hours30->close, utc(2026_y / 12 / 30, hours{18}));  // 13:00 EST
}

TEST(MarketCalendar, DescribesTheMarketForPeople) {
  auto calendar = make_market_calendar(CalendarConfig{});
  ASSERT_TRUE(calendar.ok());
  using date::literals::operator""_y;
  // Friday 2026-11-20, 15:00 EST = 20:00 UTC: open until 16:00 ET.
  EXPECT_EQ(describe_market(*calendar, utc(2026_y / 11 / 20, hours{20})),
            "open (regular session) until 2026-11-20 16:00 ET (21:00 UTC)");
  // Saturday: closed, next open Monday 09:30 EST.
  EXPECT_EQ(describe_market(*calendar, utc(2026_y / 11 / 21, hours{15})),
            "closed (not a trading day); next open 2026-11-23 09:30 ET (14:30 UTC)");
  EXPECT_EQ(describe_market(*calendar, utc(2026_y / 11 / 20, hours{22})),
            "post-market; next open 2026-11-23 09:30 ET (14:30 UTC)");
  EXPECT_NE(describe_market(*calendar, utc(2035_y / 1 / 2, hours{15})).find("unknown"),
            std::string::npos);
}

}  // namespace
}  // namespace ibtrade::app
