#include "adapters/csv/csv_bar_feed.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::csv {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

constexpr std::string_view kYahoo = "Date,Open,High,Low,Close,Adj Close,Volume\n";
constexpr std::string_view kIntraday = "Date,Time,Open,High,Low,Close,Volume\n";

Timestamp utc(int y, unsigned m, unsigned d, std::chrono::minutes time_of_day = 0min) {
  return Timestamp{sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}} +
         time_of_day;
}

// Drains a feed.
std::vector<engine::MarketBar> drain(engine::BarFeed& feed) {
  std::vector<engine::MarketBar> out;
  while (auto bar = feed.next())
    out.push_back(*bar);
  return out;
}

TEST(SymbolFromFileName, TakesTheNameUpToTheFirstDashOrDotUpperCased) {
  EXPECT_EQ(symbol_from_file_name("orcl-1995-2014-daily.csv"), "ORCL");
  EXPECT_EQ(symbol_from_file_name("/data/bars/spy.csv"), "SPY");
  EXPECT_EQ(symbol_from_file_name("data/msft.2020.csv"), "MSFT");
  EXPECT_EQ(symbol_from_file_name("es_1min"), "ES_1MIN");
  EXPECT_EQ(symbol_from_file_name("BRK.B.csv"), "BRK");  // the documented limitation
  EXPECT_EQ(symbol_from_file_name("-daily.csv"), "");
  EXPECT_EQ(symbol_from_file_name(".csv"), "");
}

TEST(CsvBarFeed, StreamsTheRealDailyFileAsOrclDayBars) {
  auto feed = CsvBarFeed::open(IBTRADE_DATA_DIR "/orcl-1995-2014-daily.csv", {});
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  EXPECT_EQ(feed->symbol(), "ORCL");
  EXPECT_EQ(feed->duration(), Nanoseconds{24h});
  auto first = feed->next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->symbol, "ORCL");
  EXPECT_EQ(first->duration, Nanoseconds{24h});
  EXPECT_EQ(first->bar.time, utc(1995, 1, 3));
  EXPECT_EQ(first->bar.open.to_string(), "2.179012");
  std::size_t count = 1;
  Timestamp last = first->bar.time;
  while (auto bar = feed->next()) {
    ASSERT_GT(bar->bar.time, last);
    last = bar->bar.time;
    ++count;
  }
  EXPECT_EQ(count, 5036u);
  EXPECT_EQ(last, utc(2014, 12, 31));
  EXPECT_TRUE(feed->status().ok());
  EXPECT_FALSE(feed->next().has_value());  // stays ended
}

TEST(CsvBarFeed, InfersOneMinuteBarsFromTheRealIntradayFile) {
  auto feed = CsvBarFeed::open(IBTRADE_DATA_DIR "/index-2006-1min.csv", {});
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  EXPECT_EQ(feed->symbol(), "INDEX");
  EXPECT_EQ(feed->duration(), Nanoseconds{1min});
  const auto bars = drain(*feed);
  ASSERT_EQ(bars.size(), 30889u);
  EXPECT_TRUE(feed->status().ok());
  // The bars read ahead to infer the duration come out first, in order, then the rest.
  EXPECT_EQ(bars[0].bar.time, utc(2006, 1, 2, 9h + 1min));
  EXPECT_EQ(bars[0].bar.volume, Quantity::from_units(5699));
  for (std::size_t i = 1; i < bars.size(); ++i)
    ASSERT_GT(bars[i].bar.time, bars[i - 1].bar.time) << i;
}

TEST(CsvBarFeed, DurationIsTheSmallestEarlyGapOrOneMinute) {
  const std::string five_minute = std::string(kIntraday) +
                                  "2026-03-02,09:30,10,11,9,10,1\n"
                                  "2026-03-02,09:40,10,11,9,10,1\n"  // a missing bar
                                  "2026-03-02,09:45,10,11,9,10,1\n";
  auto feed = CsvBarFeed::from_text(five_minute, "es.csv", {});
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  EXPECT_EQ(feed->duration(), Nanoseconds{5min});
  EXPECT_EQ(drain(*feed).size(), 3u);

  auto single = CsvBarFeed::from_text(std::string(kIntraday) + "2026-03-02,09:30,10,11,9,10,1\n",
                                      "es.csv", {});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->duration(), Nanoseconds{1min});
  EXPECT_EQ(drain(*single).size(), 1u);

  auto empty = CsvBarFeed::from_text(kIntraday, "es.csv", {});
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->next().has_value());
  EXPECT_TRUE(empty->status().ok());
}

TEST(CsvBarFeed, ExplicitSymbolAndDurationWin) {
  CsvBarFeedOptions options;
  options.symbol = "ES";
  options.duration = 15min;
  auto feed = CsvBarFeed::from_text(std::string(kIntraday) + "2026-03-02,09:30,10,11,9,10,1\n",
                                    "-.csv", options);
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  auto bar = feed->next();
  ASSERT_TRUE(bar.has_value());
  EXPECT_EQ(bar->symbol, "ES");
  EXPECT_EQ(bar->duration, Nanoseconds{15min});

  options.duration = 0min;
  EXPECT_EQ(CsvBarFeed::from_text(kIntraday, "es.csv", options).error().message,
            "es.csv: the bar duration must be positive");
}

TEST(CsvBarFeed, NoSymbolInTheNameIsAnError) {
  auto feed = CsvBarFeed::from_text(kYahoo, "data/-daily.csv", {});
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.error().message,
            "data/-daily.csv: no symbol in the file name (the name up to its first '-' or '.'); "
            "give the symbol explicitly");
  EXPECT_EQ(CsvBarFeed::open("/nonexistent/spy.csv", {}).error().message,
            "cannot open /nonexistent/spy.csv: No such file or directory");
}

TEST(CsvBarFeed, StopsAtABadRowAndKeepsItsError) {
  // Daily (nothing read ahead) and intraday (the bad row is met while inferring the duration):
  // either way the good bars before it come out, then the feed ends with the error.
  struct Case {
    std::string text;
    const char* error;
  };
  const Case cases[] = {
      {std::string(kYahoo) + "2020-01-02,1,2,1,2,2,10\n"
                             "2020-01-03,1,2,1,2,2,10\n"
                             "2020-01-06,1,1,2,1,1,10\n"
                             "2020-01-07,1,2,1,2,2,10\n",
       "spy.csv:4: high 1 is below low 2"},
      {std::string(kIntraday) + "2020-01-02,09:30,1,2,1,2,10\n"
                                "2020-01-02,09:31,1,2,1,2,10\n"
                                "2020-01-02,09:31,1,2,1,2,10\n"
                                "2020-01-02,09:33,1,2,1,2,10\n",
       "spy.csv:4: time 2020-01-02 09:31 is not after the previous row's (line 3)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.error);
    auto feed = CsvBarFeed::from_text(c.text, "spy.csv", {});
    ASSERT_TRUE(feed.ok()) << feed.error().message;
    EXPECT_TRUE(feed->status().ok());
    ASSERT_TRUE(feed->next().has_value());
    EXPECT_TRUE(feed->status().ok());  // not yet: the error is reported when reached
    ASSERT_TRUE(feed->next().has_value());
    EXPECT_FALSE(feed->next().has_value());
    ASSERT_FALSE(feed->status().ok());
    EXPECT_EQ(feed->status().error().message, c.error);
    EXPECT_FALSE(feed->next().has_value());
  }
}

TEST(CsvBarFeed, SkipModeSkipsAndCounts) {
  CsvBarFeedOptions options;
  options.csv.skip_bad_rows = true;
  auto feed = CsvBarFeed::from_text(std::string(kIntraday) +
                                        "2020-01-02,09:30,1,2,1,2,10\n"
                                        "2020-01-02,09:31,null,2,1,2,10\n"
                                        "2020-01-02,09:32,1,2,1,2,10\n"
                                        "2020-01-02,09:33,1,2,1,2\n"
                                        "2020-01-02,09:34,1,2,1,2,10\n",
                                    "spy.csv", options);
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  const auto bars = drain(*feed);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[2].bar.time, utc(2020, 1, 2, 9h + 34min));
  EXPECT_TRUE(feed->status().ok());
  EXPECT_EQ(feed->skipped(), 2u);
  ASSERT_EQ(feed->skip_reasons().size(), 2u);
  EXPECT_EQ(feed->skip_reasons()[0], "spy.csv:3: Open is null (a missing value in the export)");
  EXPECT_EQ(feed->duration(), Nanoseconds{2min});  // the gaps of the bars kept: 2, 2
}

TEST(CsvBarFeed, ZoneAndAdjustedOptionsReachTheReader) {
  CsvBarFeedOptions options;
  options.csv.zone = date::locate_zone("America/New_York");
  options.csv.use_adjusted = true;
  auto feed = CsvBarFeed::from_text(std::string(kYahoo) + "2020-01-02,10,12,9,11,5.5,100\n",
                                    "spy.csv", options);
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  auto bar = feed->next();
  ASSERT_TRUE(bar.has_value());
  EXPECT_EQ(bar->bar.time, utc(2020, 1, 2, 5h));  // 00:00 EST
  EXPECT_EQ(bar->bar.open.to_string(), "5.000000");
}

}  // namespace
}  // namespace ibtrade::csv
