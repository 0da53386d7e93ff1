// A stream of completed bars for a simulated run, in non-decreasing start time. Pull-based so
// that a run over years of history holds one bar per feed in memory. Single-threaded.
#pragma once

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/hash.hpp"
#include "core/market_data.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

struct MarketBar {
  Symbol symbol;
  Bar bar;
  Nanoseconds duration{};  // the bar is complete at bar.time + duration
};

class BarFeed {
 public:
  virtual ~BarFeed() = default;
  // The next bar, or nullopt at the end. Bars come in non-decreasing start time.
  virtual std::optional<MarketBar> next() = 0;
  // The same stream as next(), read into `bar`; false at the end (`bar` then unspecified).
  // Feeds that can override it to reuse `bar`'s storage: the simulation's loop reads every bar
  // through it, and most runs have long stretches of one symbol's bars.
  virtual bool next_into(MarketBar& bar) {
    std::optional<MarketBar> next_bar = next();
    if (!next_bar) return false;
    bar = std::move(*next_bar);
    return true;
  }
  // The same stream again, as a pointer to the next bar, nullptr at the end. A feed that keeps
  // its bars in memory for the whole run returns them where they are, with no copy at all, and
  // they stay valid as long as the feed; the others read into `scratch` and return it. The bar
  // must not be changed.
  virtual const MarketBar* next_ref(MarketBar& scratch) {
    return next_into(scratch) ? &scratch : nullptr;
  }
  // The same stream again, as runs of bars read in place: the next bars in order, valid as long
  // as the feed, after which the stream goes on (an empty run: the end). For a feed that keeps
  // its bars in memory for the whole run, so that a reader steps through them with a pointer
  // rather than a call per bar. nullopt: the feed has no such runs (the default); read it with
  // next_ref and friends. Do not mix with them on one feed.
  virtual std::optional<std::span<const MarketBar>> next_run() { return std::nullopt; }
  // The one symbol every bar of this feed carries, when the feed is made for one symbol (a file
  // of one symbol's bars): a reader may take each bar's symbol from here rather than compare
  // the bar's own. nullptr (the default): the bars may carry any symbols. Valid as long as the
  // feed.
  virtual const Symbol* sole_symbol() const { return nullptr; }
};

// Copies `from` into `into`, assigning the symbol string only when it changes.
inline void copy_bar_into(const MarketBar& from, MarketBar& into) {
  if (!same_bytes(into.symbol, from.symbol)) into.symbol = from.symbol;
  into.bar = from.bar;
  into.duration = from.duration;
}

// Bars in memory owned elsewhere, read in place: a benchmark replays one data set run after
// run without copying it for each. The bars must outlive the feed.
class SpanBarFeed final : public BarFeed {
 public:
  explicit SpanBarFeed(std::span<const MarketBar> bars) : bars_(bars) {}
  // Bars of one symbol: every bar must carry `symbol` (sole_symbol).
  SpanBarFeed(std::span<const MarketBar> bars, Symbol symbol)
      : bars_(bars), sole_symbol_(std::move(symbol)) {}
  std::optional<MarketBar> next() override {
    if (index_ == bars_.size()) return std::nullopt;
    return bars_[index_++];
  }
  bool next_into(MarketBar& bar) override {
    if (index_ == bars_.size()) return false;
    copy_bar_into(bars_[index_++], bar);
    return true;
  }
  // In place: the bars outlive the feed.
  const MarketBar* next_ref(MarketBar& /*scratch*/) override {
    return index_ == bars_.size() ? nullptr : &bars_[index_++];
  }
  // Every bar not read yet, as one run.
  std::optional<std::span<const MarketBar>> next_run() override {
    const std::span<const MarketBar> run = bars_.subspan(index_);
    index_ = bars_.size();
    return run;
  }
  const Symbol* sole_symbol() const override { return sole_symbol_ ? &*sole_symbol_ : nullptr; }

 private:
  std::span<const MarketBar> bars_;
  std::size_t index_ = 0;
  std::optional<Symbol> sole_symbol_;
};

// Bars already in memory (tests, benchmarks, small runs), owned by the feed and read through a
// SpanBarFeed over them. Not copyable or movable: the reader points into the vector.
class VectorBarFeed final : public BarFeed {
 public:
  explicit VectorBarFeed(std::vector<MarketBar> bars) : bars_(std::move(bars)), reader_(bars_) {}
  VectorBarFeed(const VectorBarFeed&) = delete;
  VectorBarFeed& operator=(const VectorBarFeed&) = delete;
  std::optional<MarketBar> next() override { return reader_.next(); }
  bool next_into(MarketBar& bar) override { return reader_.next_into(bar); }
  const MarketBar* next_ref(MarketBar& scratch) override { return reader_.next_ref(scratch); }
  std::optional<std::span<const MarketBar>> next_run() override { return reader_.next_run(); }

 private:
  std::vector<MarketBar> bars_;
  SpanBarFeed reader_;  // after bars_: it is built over them
};

}  // namespace ibtrade::engine
