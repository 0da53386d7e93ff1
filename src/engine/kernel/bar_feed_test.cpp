#include "engine/kernel/bar_feed.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/kernel/bar_feed_test_support.hpp"

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

using feed_fakes::NextOnlyFeed;

void expect_all(const std::vector<MarketBar>& got, const std::vector<MarketBar>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i)
    expect_same(got[i], want[i]);
}

// Each kind of feed (owning, span, next()-only) over `bars`, read by `drain`, gives `bars`.
template <class Drain>
void expect_every_feed_gives(const std::vector<MarketBar>& bars, Drain drain) {
  VectorBarFeed vector_feed(bars);
  expect_all(drain(vector_feed), bars);
  SpanBarFeed span_feed(bars);
  expect_all(drain(span_feed), bars);
  NextOnlyFeed default_feed(bars);
  expect_all(drain(default_feed), bars);
}

TEST(BarFeed, NextIntoGivesTheSameBarsAsNextAcrossSymbolChanges) {
  expect_every_feed_gives(mixed_bars(), drain_into);
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

// Reads the whole feed through next_ref with two scratch bars used in turn, checking that the
// bar read before stays intact while the next one is read (the simulation keeps each bar read
// into a scratch bar until the bar completes).
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
  expect_every_feed_gives(mixed_bars(), drain_ref);
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

// In-memory feeds hand out the bars not read yet as one run, in place, then an empty run; feeds
// read bar by bar have no runs.
TEST(BarFeed, InMemoryFeedsGiveTheRestAsOneRunInPlace) {
  const std::vector<MarketBar> bars = mixed_bars();
  SpanBarFeed span_feed(bars);
  MarketBar scratch;
  ASSERT_EQ(span_feed.next_ref(scratch), &bars[0]);
  const std::optional<std::span<const MarketBar>> run = span_feed.next_run();
  ASSERT_TRUE(run.has_value());
  ASSERT_EQ(run->size(), bars.size() - 1);
  EXPECT_EQ(run->data(), &bars[1]);
  const std::optional<std::span<const MarketBar>> end = span_feed.next_run();
  ASSERT_TRUE(end.has_value());
  EXPECT_TRUE(end->empty());

  VectorBarFeed vector_feed(bars);
  const std::optional<std::span<const MarketBar>> all = vector_feed.next_run();
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), bars.size());
  for (std::size_t i = 0; i < bars.size(); ++i)
    expect_same((*all)[i], bars[i]);

  NextOnlyFeed default_feed(bars);
  EXPECT_FALSE(default_feed.next_run().has_value());
}

}  // namespace
}  // namespace ibtrade::engine
