#include "app/commands/indicator_options.hpp"

#include <gtest/gtest.h>

namespace ibtrade::app {
namespace {

TEST(IndicatorOptions, Periods) {
  EXPECT_EQ(*parse_period("14", 1), 14);
  EXPECT_EQ(*parse_period("100000", 1), 100000);
  for (const char* bad : {"", "x", "14x", "1.5", "-3", "0", "100001", " 14"}) {
    SCOPED_TRACE(bad);
    auto parsed = parse_period(bad, 1);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().message, std::string("expected a whole number of bars from 1 to "
                                                  "100000, got \"") +
                                          bad + "\"");
  }
  EXPECT_FALSE(parse_period("1", 2).ok());
}

TEST(IndicatorOptions, Macd) {
  const auto macd = parse_macd("12,26,9");
  ASSERT_TRUE(macd.ok());
  EXPECT_EQ(macd->fast, 12);
  EXPECT_EQ(macd->slow, 26);
  EXPECT_EQ(macd->signal, 9);
  for (const char* bad : {"12,x", "12,26", "12,26,9,1", "26,12,9", "12,12,9", "0,26,9", ""}) {
    SCOPED_TRACE(bad);
    auto parsed = parse_macd(bad);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().message,
              std::string("expected FAST,SLOW,SIGNAL periods with FAST < SLOW, such as 12,26,9, "
                          "got \"") +
                  bad + "\"");
  }
}

TEST(IndicatorOptions, Bollinger) {
  auto both = parse_bbands("20,2.5");
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->period, 20);
  EXPECT_EQ(both->k, 2.5);
  auto period_only = parse_bbands("10");
  ASSERT_TRUE(period_only.ok());
  EXPECT_EQ(period_only->k, 2.0);
  for (const char* bad : {"1", "20,", "20,-1", "20,nan", "20,inf", "20,2,3", "x,2"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(parse_bbands(bad).ok());
  }
}

TEST(IndicatorOptions, BandK) {
  EXPECT_EQ(*parse_band_k("1.5"), 1.5);
  EXPECT_EQ(*parse_band_k("0"), 0.0);
  EXPECT_FALSE(parse_band_k("-1").ok());
  EXPECT_FALSE(parse_band_k("two").ok());
}

}  // namespace
}  // namespace ibtrade::app
