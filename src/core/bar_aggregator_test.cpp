#include "core/bar_aggregator.hpp"

#include <chrono>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

using namespace std::chrono_literals;

// Instants are written in UTC; 14:30 UTC is 09:30 EST.
Timestamp utc(unsigned day, std::chrono::minutes time_of_day) {
  return Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 1 / std::chrono::day{day}}} +
         time_of_day;
}
Price px(std::string_view text) {
  return Price::parse(text).value();
}
Quantity qty(std::string_view text) {
  return Quantity::parse(text).value();
}
Bar bar(Timestamp t, const char* o, const char* h, const char* l, const char* c, const char* v) {
  return Bar{t, px(o), px(h), px(l), px(c), qty(v)};
}

// Feeds every bar, then flushes; returns the completed bars in order.
std::vector<Bar> aggregate(BarAggregator& aggregator, const std::vector<Bar>& input) {
  std::vector<Bar> out;
  for (const Bar& b : input) {
    if (auto done = aggregator.update(b)) out.push_back(*done);
  }
  if (auto last = aggregator.flush()) out.push_back(*last);
  return out;
}

TEST(BarAggregator, FiveMinuteBarsWithAGapAndANewDay) {
  BarAggregator five(5min);
  const std::vector<Bar> input = {
      // 14:30-14:34: one full bucket.
      bar(utc(5, 14h + 30min), "10.00", "10.20", "9.90", "10.10", "100"),
      bar(utc(5, 14h + 31min), "10.10", "10.50", "10.00", "10.40", "250.5"),
      bar(utc(5, 14h + 32min), "10.40", "10.45", "9.80", "9.85", "0"),
      bar(utc(5, 14h + 33min), "9.85", "10.00", "9.85", "9.95", "75"),
      bar(utc(5, 14h + 34min), "9.95", "10.05", "9.90", "10.00", "30"),
      // 14:35 and 14:36, then nothing until 14:43: a gap that skips the 14:40 bucket's start.
      bar(utc(5, 14h + 35min), "10.00", "10.10", "10.00", "10.05", "10"),
      bar(utc(5, 14h + 36min), "10.05", "10.06", "10.01", "10.02", "20"),
      bar(utc(5, 14h + 43min), "10.30", "10.35", "10.25", "10.30", "5"),
      bar(utc(5, 14h + 44min), "10.30", "10.31", "10.20", "10.21", "6"),
      // The next day's open.
      bar(utc(6, 14h + 30min), "11.00", "11.00", "11.00", "11.00", "1"),
  };
  const std::vector<Bar> out = aggregate(five, input);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], bar(utc(5, 14h + 30min), "10.00", "10.50", "9.80", "10.00", "455.5"));
  EXPECT_EQ(out[1], bar(utc(5, 14h + 35min), "10.00", "10.10", "10.00", "10.02", "30"));
  EXPECT_EQ(out[2], bar(utc(5, 14h + 40min), "10.30", "10.35", "10.20", "10.21", "11"));
  EXPECT_EQ(out[3], bar(utc(6, 14h + 30min), "11.00", "11.00", "11.00", "11.00", "1"));
  EXPECT_EQ(out[0].volume.to_string(), "455.5");
}

TEST(BarAggregator, EmitsACompletedBarOnlyWhenTheNextBucketStarts) {
  BarAggregator five(5min);
  EXPECT_FALSE(five.flush().has_value());
  EXPECT_FALSE(five.update(bar(utc(5, 14h + 31min), "1", "2", "1", "2", "1")).has_value());
  EXPECT_FALSE(five.update(bar(utc(5, 14h + 34min), "2", "3", "2", "3", "1")).has_value());
  auto done = five.update(bar(utc(5, 14h + 35min), "3", "3", "3", "3", "1"));
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->time, utc(5, 14h + 30min));  // the bucket start, not its first bar's time
  EXPECT_EQ(done->close, px("3"));
  auto rest = five.flush();
  ASSERT_TRUE(rest.has_value());
  EXPECT_EQ(rest->time, utc(5, 14h + 35min));
  EXPECT_FALSE(five.flush().has_value());
}

TEST(BarAggregator, BucketsAlignToUtcAndRestartEachDay) {
  BarAggregator thirty(30min);
  EXPECT_EQ(thirty.bucket_start(utc(5, 14h + 30min)), utc(5, 14h + 30min));  // 09:30 EST
  EXPECT_EQ(thirty.bucket_start(utc(5, 13h + 59min)), utc(5, 13h + 30min));
  EXPECT_EQ(thirty.bucket_start(utc(5, 14h + 29min) + 59s), utc(5, 14h));
  // 7 does not divide a day: the day's last bucket (23:55) is short and 00:00 starts anew.
  BarAggregator seven(7min);
  EXPECT_EQ(seven.bucket_start(utc(5, 23h + 59min)), utc(5, 23h + 55min));
  EXPECT_EQ(seven.bucket_start(utc(6, 0min)), utc(6, 0min));
  EXPECT_EQ(seven.bucket_start(utc(6, 8min)), utc(6, 7min));
  const auto out = aggregate(seven, {bar(utc(5, 23h + 58min), "1", "1", "1", "1", "1"),
                                     bar(utc(5, 23h + 59min), "2", "2", "2", "2", "1"),
                                     bar(utc(6, 0min), "3", "3", "3", "3", "1")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].time, utc(5, 23h + 55min));
  EXPECT_EQ(out[0].close, px("2"));
  EXPECT_EQ(out[1].time, utc(6, 0min));
  // Before 1970 the bucket still rounds down.
  const Timestamp old{std::chrono::sys_days{std::chrono::year{1969} / 12 / 31} + 23h + 58min};
  EXPECT_EQ(BarAggregator(5min).bucket_start(old),
            Timestamp{std::chrono::sys_days{std::chrono::year{1969} / 12 / 31} + 23h + 55min});
}

TEST(BarAggregator, OneMinuteBucketsPassBarsThrough) {
  BarAggregator one(1min);
  const std::vector<Bar> input = {bar(utc(5, 14h + 30min), "1", "2", "1", "2", "1"),
                                  bar(utc(5, 14h + 31min), "2", "3", "2", "3", "2")};
  EXPECT_EQ(aggregate(one, input), input);
}

TEST(BarAggregator, MisuseThrows) {
  EXPECT_THROW(BarAggregator(0min), std::invalid_argument);
  EXPECT_THROW(BarAggregator(24h + 1min), std::invalid_argument);
  BarAggregator five(5min);
  (void)five.update(bar(utc(5, 14h + 31min), "1", "2", "1", "2", "1"));
  EXPECT_THROW((void)five.update(bar(utc(5, 14h + 31min), "1", "2", "1", "2", "1")),
               std::invalid_argument);
  EXPECT_THROW((void)five.update(bar(utc(5, 14h + 20min), "1", "2", "1", "2", "1")),
               std::invalid_argument);
}

}  // namespace
}  // namespace ibtrade
