#include "engine/kernel/bar_feed.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

Timestamp start() {
  return Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + 14h + 30min};
}

// Symbols change back and forth, with names of different lengths and a common prefix, so that
// the in-place symbol update of next_into must notice every change.
std::vector<MarketBar> mixed_bars() {
  std::vector<MarketBar> out;
  const char* symbols[] = {"AAA", "AAA", "AAB", "AA", "AAA", "A LONGER SYMBOL NAME", "AAA"};
  int minute = 0;
  for (const char* symbol : symbols) {
    const Price p = Price::from_units(10 + minute);
    out.push_back(MarketBar{
        symbol,
        Bar{start() + std::chrono::minutes(minute), p, p, p, p, Quantity::from_units(minute)},
        1min});
    ++minute;
  }
  return out;
}

void expect_same(const MarketBar& a, const MarketBar& b) {
  EXPECT_EQ(a.symbol, b.symbol);
  EXPECT_EQ(a.bar, b.bar);
  EXPECT_EQ(a.duration, b.duration);
}

// Reads the whole feed through next_into, reusing one MarketBar as the simulation does.
std::vector<MarketBar> drain_into(BarFeed& feed) {
  std::vector<MarketBar> out;
  MarketBar bar;
  while (feed.next_into(bar))
    out.push_back(bar);
  return out;
}

// A feed with only next(): next_into comes from BarFeed.
class NextOnlyFeed final : public BarFeed {
 public:
  explicit NextOnlyFeed(std::vector<MarketBar> bars) : bars_(std::move(bars)) {}
  std::optional<MarketBar> next() override {
    if (index_ == bars_.size()) return std::nullopt;
    return bars_[index_++];
  }

 private:
  std::vector<MarketBar> bars_;
  std::size_t index_ = 0;
};

void expect_all(const std::vector<MarketBar>& got, const std::vector<MarketBar>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i)
    expect_same(got[i], want[i]);
}

TEST(BarFeed, NextIntoGivesTheSameBarsAsNextAcrossSymbolChanges) {
  const std::vector<MarketBar> bars = mixed_bars();
  VectorBarFeed vector_feed(bars);
  expect_all(drain_into(vector_feed), bars);
  SpanBarFeed span_feed(bars);
  expect_all(drain_into(span_feed), bars);
  NextOnlyFeed default_feed(bars);
  expect_all(drain_into(default_feed), bars);
}

TEST(BarFeed, SpanFeedReadsInPlaceAndEndsWithNullopt) {
  const std::vector<MarketBar> bars = mixed_bars();
  SpanBarFeed feed(bars);
  for (const MarketBar& want : bars) {
    const std::optional<MarketBar> got = feed.next();
    ASSERT_TRUE(got.has_value());
    expect_same(*got, want);
  }
  EXPECT_FALSE(feed.next().has_value());
  MarketBar bar;
  EXPECT_FALSE(feed.next_into(bar));
}

// Reads the whole feed through next_ref with two scratch bars used in turn, as the simulation
// does, checking that the bar read before stays intact while the next one is read.
std::vector<MarketBar> drain_ref(BarFeed& feed) {
  std::vector<MarketBar> out;
  std::array<MarketBar, 2> scratch;
  std::size_t turn = 0;
  const MarketBar* previous = nullptr;
  MarketBar previous_copy;
  while (const MarketBar* bar = feed.next_ref(scratch[turn])) {
    if (previous != nullptr) expect_same(*previous, previous_copy);
    if (bar == &scratch[turn]) turn ^= 1U;
    out.push_back(*bar);
    previous = bar;
    previous_copy = *bar;
  }
  return out;
}

TEST(BarFeed, NextRefGivesTheSameBarsAsNext) {
  const std::vector<MarketBar> bars = mixed_bars();
  VectorBarFeed vector_feed(bars);
  expect_all(drain_ref(vector_feed), bars);
  SpanBarFeed span_feed(bars);
  expect_all(drain_ref(span_feed), bars);
  NextOnlyFeed default_feed(bars);
  expect_all(drain_ref(default_feed), bars);
}

TEST(BarFeed, SpanFeedGivesItsBarsInPlaceAndOthersUseTheScratchBar) {
  const std::vector<MarketBar> bars = mixed_bars();
  MarketBar scratch;
  SpanBarFeed span_feed(bars);
  EXPECT_EQ(span_feed.next_ref(scratch), &bars[0]);
  NextOnlyFeed default_feed(bars);
  EXPECT_EQ(default_feed.next_ref(scratch), &scratch);
  expect_same(scratch, bars[0]);
}

TEST(BarFeed, SameSymbolComparesWholeNames) {
  EXPECT_TRUE(same_symbol("AAPL", "AAPL"));
  EXPECT_TRUE(same_symbol("", ""));
  EXPECT_FALSE(same_symbol("AAPL", "AAP"));
  EXPECT_FALSE(same_symbol("AAPL", "AAPM"));
  EXPECT_FALSE(same_symbol("", "A"));
}

}  // namespace
}  // namespace ibtrade::engine
