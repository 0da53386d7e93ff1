#include "adapters/csv/indicator_csv.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace ibtrade::csv {
namespace {

std::string run(std::string_view input, const indicators::IndicatorSetConfig& config) {
  auto bars = parse_bar_csv(input, {}, "test.csv");
  if (!bars.ok()) return "parse error: " + bars.error().message;
  indicators::IndicatorSet set(config);
  std::string out;
  write_indicator_csv(*bars, set, [&](std::string_view chunk) { out += chunk; });
  return out;
}

TEST(IndicatorCsv, OneRowPerBarWithEmptyCellsWhileWarmingUp) {
  indicators::IndicatorSetConfig config;
  config.sma = 2;
  config.vwap_k = 1.0;
  const std::string out =
      run("Date,Time,Open,High,Low,Close,Volume\n"
          "2024-01-02,09:30,10,10,10,10,0\n"        // no volume yet: no VWAP
          "2024-01-02,09:31,10,12,10,11,100\n"      // typical 11
          "2024-01-03,09:30,20,21,20,20.50,300\n",  // new date: new VWAP session
          config);
  EXPECT_EQ(out,
            "date,time,close,sma,vwap,vwap_upper,vwap_lower\n"
            "2024-01-02,09:30,10,,,,\n"
            "2024-01-02,09:31,11,10.5,11,11,11\n"
            "2024-01-03,09:30,20.50,15.75,20.5,20.5,20.5\n");
}

TEST(IndicatorCsv, DailyFilesHaveNoTimeColumn) {
  indicators::IndicatorSetConfig config;
  config.ema = 1;
  EXPECT_EQ(run("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,1,1.5,1.4,10\n", config),
            "date,close,ema\n2024-01-02,1.5,1.5\n");
}

TEST(IndicatorCsv, DoublesRoundTrip) {
  for (double value : {0.1, 1.0 / 3.0, -2.5e-7, 123456789.123456789, 4.9e-324,
                       std::numeric_limits<double>::max()}) {
    std::string text;
    append_double(text, value);
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
  }
  std::string nan_text;
  append_double(nan_text, std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(nan_text, "");
}

}  // namespace
}  // namespace ibtrade::csv
