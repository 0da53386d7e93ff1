// CsvBarSource over the repository's real data (tests/data): Yahoo daily rows become seeded
// intraday paths that add up to the row exactly, minute rows fill their minutes; sessions come
// from the files even before the calendar's years; bad input is an error naming file and line.
#include "services/sim/csv_bar_source.hpp"

#include <gtest/gtest.h>

#include "engine/market/synthetic_market.hpp"
#include "services/sim/minute_path.hpp"
#include "services/sim/sim_test_support.hpp"

namespace ibtrade::sim {
namespace {

using namespace std::chrono_literals;
using date::day;
using date::month;
using date::year;

const std::string kDaily = std::string(IBTRADE_DATA_DIR) + "/orcl-1995-2014-daily.csv";
const std::string kMinutes = std::string(IBTRADE_DATA_DIR) + "/index-2006-1min.csv";

const date::time_zone& new_york() {
  return *date::locate_zone("America/New_York");
}

CsvLoadOptions load_options() {
  return CsvLoadOptions{&testing::calendar(), &new_york(), nullptr};
}

Result<std::unique_ptr<CsvBarSource>> load(std::vector<CsvInput> inputs, std::uint64_t seed = 7) {
  return CsvBarSource::load(inputs, load_options(), seed);
}

Price price(const char* text) {
  return *Price::parse(text);
}

Timestamp et(date::year_month_day d, std::chrono::minutes time) {
  return Timestamp(new_york().to_sys(date::local_days(d) + time).time_since_epoch());
}

// `continuous`: each minute opens where the one before closed (a generated path; real minute
// rows need not).
void expect_consistent(const std::vector<Bar>& minutes, const Bar& session, Price tick,
                       bool continuous = true) {
  ASSERT_FALSE(minutes.empty());
  EXPECT_EQ(engine::market::aggregate_bars(minutes), session);
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    const Bar& m = minutes[i];
    EXPECT_TRUE(check_bar(m).empty()) << i << ": " << check_bar(m);
    EXPECT_EQ(m.time, session.time + std::chrono::minutes(i));
    if (continuous && i > 0) {
      EXPECT_EQ(m.open, minutes[i - 1].close) << i;
    }
    for (Price p : {m.open, m.high, m.low, m.close})
      EXPECT_EQ(p.rounded_to(tick), p) << i;
  }
}

TEST(SimCsvBarSource, YahooDailyRowsBecomeSeededIntradayPathsThatAddUpExactly) {
  auto source = load({{kDaily, std::nullopt, std::nullopt}});
  ASSERT_TRUE(source) << source.error().message;
  const CsvBarSource& s = **source;
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s.symbols()[0].symbol, "ORCL");  // from the file name, as backtest names it
  EXPECT_TRUE(s.series(0).daily);
  EXPECT_EQ(s.series(0).sessions.size(), 5036u);

  // 1995 predates the calendar's table: the file's days are the sessions, 09:30-16:00 ET.
  const date::year_month_day first{year{1995}, month{1}, day{3}};
  EXPECT_EQ(s.sessions().first_day(), first);
  EXPECT_EQ(s.first_bar_time(), et(first, 9h + 30min));
  EXPECT_EQ(s.sessions().next_trading_day(first),
            (date::year_month_day{year{1995}, month{1}, day{4}}));
  EXPECT_FALSE(s.sessions().is_trading_day({year{1995}, month{1}, day{7}}));  // a Saturday

  // The row 1995-02-01,2.129630,2.141975,2.080247,2.092592,...,24384400 on the cent tick.
  const date::year_month_day feb1{year{1995}, month{2}, day{1}};
  const auto bar = s.session_bar(0, feb1);
  ASSERT_TRUE(bar);
  EXPECT_EQ(*bar, (Bar{et(feb1, 9h + 30min), price("2.13"), price("2.14"), price("2.08"),
                       price("2.09"), Quantity::from_units(24'384'400)}));
  const Price tick = s.tick(0, feb1);
  EXPECT_EQ(tick, price("0.01"));
  const auto minutes = s.minute_bars(0, feb1);
  EXPECT_EQ(minutes.size(), 390u);
  expect_consistent(minutes, *bar, tick);

  // Deterministic for a seed; another seed takes another path to the same day.
  EXPECT_EQ(minutes, s.minute_bars(0, feb1));
  auto reseeded = load({{kDaily, std::nullopt, std::nullopt}}, 8);
  ASSERT_TRUE(reseeded);
  EXPECT_NE(minutes, (*reseeded)->minute_bars(0, feb1));
  EXPECT_EQ((*reseeded)->session_bar(0, feb1), bar);

  // Saturday: Friday's (1995-02-03,...,2.172839,...).
  EXPECT_EQ(s.close_price(0, {year{1995}, month{2}, day{4}}), price("2.17"));
  EXPECT_FALSE(s.close_price(0, {year{1994}, month{12}, day{30}}));
  EXPECT_FALSE(s.avg_volume(0, first));
  EXPECT_EQ(s.avg_volume(0, {year{1995}, month{1}, day{4}}), 36'301'200);
  EXPECT_FALSE(s.fundamentals(0, feb1));
  EXPECT_FALSE(s.shares_outstanding(0));
  EXPECT_TRUE(s.minute_bars(0, {year{1995}, month{2}, day{4}}).empty());
}

TEST(SimCsvBarSource, MinuteRowsFillTheirMinutesAndGapsStayFlat) {
  auto source = load({{kMinutes, "IDX", std::nullopt}});
  ASSERT_TRUE(source) << source.error().message;
  const CsvBarSource& s = **source;
  EXPECT_EQ(s.symbols()[0].symbol, "IDX");
  EXPECT_FALSE(s.series(0).daily);
  EXPECT_EQ(s.series(0).row_span, 1min);
  EXPECT_GT(s.series(0).rows_outside, 0u);  // 09:01-09:29 and 16:00-22:00 are not served

  const date::year_month_day jan3{year{2006}, month{1}, day{3}};
  const auto minutes = s.minute_bars(0, jan3);
  ASSERT_EQ(minutes.size(), 390u);
  // 2006-01-03,09:31:00,3636.00,3639.00,3635.00,3639.00,618
  EXPECT_EQ(minutes[1], (Bar{et(jan3, 9h + 31min), price("3636"), price("3639"), price("3635"),
                             price("3639"), Quantity::from_units(618)}));
  EXPECT_EQ(minutes.back().close, price("3643"));  // the 15:59 row
  expect_consistent(minutes, *s.session_bar(0, jan3), price("0.01"), false);
  // 387 rows for 390 minutes: the missing ones are flat, with no volume.
  std::size_t flat = 0;
  for (std::size_t i = 1; i < minutes.size(); ++i) {
    if (minutes[i].volume.is_zero()) {
      ++flat;
      EXPECT_EQ(minutes[i].open, minutes[i - 1].close);
      EXPECT_EQ(minutes[i].high, minutes[i].low);
    }
  }
  EXPECT_EQ(flat, 3u);
}

TEST(SimCsvBarSource, CoarseRowsAreSpreadAndFineRowsMerged) {
  const std::string five =
      "Date,Time,Open,High,Low,Close,Volume\n"
      "2025-03-03,09:30:00,10.00,10.50,9.90,10.20,5000\n"
      "2025-03-03,09:35:00,10.20,10.30,10.00,10.10,2500\n";
  auto source = load({{"five.csv", std::nullopt, five}});
  ASSERT_TRUE(source) << source.error().message;
  const date::year_month_day mar3{year{2025}, month{3}, day{3}};
  EXPECT_EQ((*source)->series(0).row_span, 5min);
  auto minutes = (*source)->minute_bars(0, mar3);
  ASSERT_EQ(minutes.size(), 390u);
  const Bar first = engine::market::aggregate_bars(std::span<const Bar>(minutes.data(), 5));
  EXPECT_EQ(first, (Bar{et(mar3, 9h + 30min), price("10.00"), price("10.50"), price("9.90"),
                        price("10.20"), Quantity::from_units(5000)}));

  const std::string seconds =
      "Date,Time,Open,High,Low,Close,Volume\n"
      "2025-03-03,09:30:00,10.00,10.10,10.00,10.05,100\n"
      "2025-03-03,09:30:30,10.05,10.20,9.95,10.00,200\n"
      "2025-03-03,09:31:00,10.00,10.00,9.90,9.90,300\n";
  source = load({{"five.csv", std::nullopt, seconds}});
  ASSERT_TRUE(source) << source.error().message;
  minutes = (*source)->minute_bars(0, mar3);
  EXPECT_EQ(minutes[0], (Bar{et(mar3, 9h + 30min), price("10.00"), price("10.20"), price("9.95"),
                             price("10.00"), Quantity::from_units(300)}));
}

TEST(SimCsvBarSource, BadInputIsAnErrorNamingFileAndLine) {
  const std::string bad =
      "Date,Open,High,Low,Close,Adj Close,Volume\n"
      "2020-01-02,1,2,1,2,2,10\n"
      "2020-01-03,1,1,2,1,1,10\n";
  auto source = load({{"bad.csv", std::nullopt, bad}});
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().message.rfind("bad.csv:3:", 0), 0u) << source.error().message;

  source = load({{"/nonexistent/x.csv", std::nullopt, std::nullopt}});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().message.find("/nonexistent/x.csv"), std::string::npos);

  const std::string weekend = "Date,Open,High,Low,Close,Volume\n2020-01-04,1,2,1,2,10\n";
  source = load({{"sat.csv", std::nullopt, weekend}});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().message.find("sat.csv: none of its 1 bars"), std::string::npos);

  const std::string monday = "Date,Open,High,Low,Close,Volume\n2020-01-06,1,2,1,2,10\n";
  source = load({{kDaily, std::nullopt, std::nullopt}, {"orcl.csv", std::nullopt, monday}});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().message.find("symbol ORCL is already read from"), std::string::npos);

  source = load({{".csv", std::nullopt, weekend}});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().message.find("no symbol in the file name"), std::string::npos);
}

TEST(SimMinutePath, KeepsTheBarsRangeTickAndVolumeForEverySeed) {
  const Price tick = price("0.01");
  const Timestamp start = et({year{2025}, month{3}, day{3}}, 9h + 30min);
  const std::vector<Bar> bars{
      {start, price("10.00"), price("10.50"), price("9.80"), price("10.20"),
       *Quantity::parse("123457.5")},
      {start, price("10.00"), price("10.00"), price("9.00"), price("9.00"),
       Quantity::from_units(7)},
      {start, price("5.00"), price("5.00"), price("5.00"), price("5.00"), Quantity{}},
  };
  for (const Bar& bar : bars) {
    for (std::size_t n : {1u, 2u, 3u, 210u, 390u}) {
      for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const auto minutes = minute_path(bar, n, start, tick, seed);
        ASSERT_EQ(minutes.size(), n);
        expect_consistent(minutes, bar, tick);
      }
    }
  }
}

}  // namespace
}  // namespace ibtrade::sim
