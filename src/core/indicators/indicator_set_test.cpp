#include "core/indicators/indicator_set.hpp"

#include <cmath>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::indicators {
namespace {

Bar bar(double high, double low, double close, long volume) {
  Bar b;
  b.high = *Price::from_double(high, 4);
  b.low = *Price::from_double(low, 4);
  b.close = *Price::from_double(close, 4);
  b.open = b.close;
  b.volume = Quantity::from_units(volume);
  return b;
}

IndicatorSetConfig everything() {
  IndicatorSetConfig c;
  c.sma = 3;
  c.ema = 3;
  c.macd = MacdParams{2, 3, 2};
  c.vwap_k = 1.5;
  c.rsi = 2;
  c.atr = 2;
  c.bbands = BollingerParams{3, 2.0};
  c.zscore = 3;
  c.sigma_spike = 2;
  return c;
}

TEST(IndicatorSet, ColumnsInDocumentedOrder) {
  const IndicatorSet set(everything());
  const std::vector<std::string_view> want = {
      "sma", "ema", "macd",      "macd_signal", "macd_hist", "vwap",   "vwap_upper", "vwap_lower",
      "rsi", "atr", "bb_middle", "bb_upper",    "bb_lower",  "zscore", "sigma_spike"};
  EXPECT_EQ(set.columns(), want);
  EXPECT_EQ(set.values().size(), want.size());
  IndicatorSetConfig only_rsi;
  only_rsi.rsi = 14;
  EXPECT_EQ(IndicatorSet(only_rsi).columns(), std::vector<std::string_view>{"rsi"});
}

// Each column carries exactly what the indicator alone computes, NaN while it warms up.
TEST(IndicatorSet, ValuesMatchTheIndicatorsFedAlone) {
  IndicatorSet set(everything());
  Sma sma(3);
  Macd macd({2, 3, 2});
  Vwap vwap(1.5);
  Atr atr(2);
  SigmaSpike spike(2);
  const double closes[] = {10, 10.5, 10.25, 11, 10.75, 11.5, 12, 11.25};
  for (int i = 0; i < 8; ++i) {
    const Bar b = bar(closes[i] + 0.5, closes[i] - 0.5, closes[i], 100L * (i + 1));
    const bool new_session = i == 4;
    set.update(b, new_session);
    sma.update(closes[i]);
    macd.update(closes[i]);
    if (new_session) vwap.start_session();
    vwap.update(closes[i] + 0.5, closes[i] - 0.5, closes[i], 100.0 * (i + 1));
    atr.update(closes[i] + 0.5, closes[i] - 0.5, closes[i]);
    spike.update(closes[i]);
    const auto v = set.values();
    const auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    EXPECT_TRUE(same(v[0], sma.value())) << i;
    EXPECT_TRUE(same(v[2], macd.line())) << i;
    EXPECT_TRUE(same(v[4], macd.histogram())) << i;
    EXPECT_TRUE(same(v[5], vwap.value())) << i;
    EXPECT_TRUE(same(v[7], vwap.bands().lower)) << i;
    EXPECT_TRUE(same(v[9], atr.value())) << i;
    EXPECT_TRUE(same(v[14], spike.value())) << i;
  }
}

TEST(IndicatorSet, ResetClearsEverything) {
  IndicatorSet set(everything());
  for (int i = 0; i < 10; ++i)
    set.update(bar(11, 9, 10 + i % 3, 100), false);
  set.reset();
  for (double v : set.values())
    EXPECT_TRUE(std::isnan(v));
  set.update(bar(11, 9, 10, 100), true);
  EXPECT_EQ(set.values()[5], 10.0);          // VWAP of one bar
  EXPECT_TRUE(std::isnan(set.values()[0]));  // SMA(3) needs three
}

}  // namespace
}  // namespace ibtrade::indicators
