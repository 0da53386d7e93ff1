#include "services/sim/market_view.hpp"

#include <algorithm>
#include <array>

namespace ibtrade::sim {
namespace {

constexpr Nanoseconds kMinute = std::chrono::minutes(1);
constexpr Nanoseconds kLeg = std::chrono::seconds(20);

// The four vertices of a minute's path at 0, 20, 40 and 60 seconds: the open, the extreme nearer
// the open, the other extreme, the close (ties: the low first when the bar closed up).
std::array<Price, 4> path_of(const Bar& bar) {
  const Price up = bar.high - bar.open;
  const Price down = bar.open - bar.low;
  const bool low_first = down < up || (down == up && bar.close >= bar.open);
  return low_first ? std::array<Price, 4>{bar.open, bar.low, bar.high, bar.close}
                   : std::array<Price, 4>{bar.open, bar.high, bar.low, bar.close};
}

Price on_tick(Price p, Price tick) {
  Price r = p.rounded_to(tick);
  return r.is_positive() ? r : tick;
}

// The path's price `into` the minute, interpolated exactly in fixed point.
Price price_in_minute(const Bar& bar, Nanoseconds into, Price tick) {
  const auto path = path_of(bar);
  const std::int64_t leg = std::clamp<std::int64_t>(into / kLeg, 0, 2);
  const Nanoseconds rem = into - kLeg * leg;
  const Price a = path[static_cast<std::size_t>(leg)];
  const Price b = path[static_cast<std::size_t>(leg + 1)];
  const std::int64_t delta = fixed::mul_div(b.raw() - a.raw(), rem.count(), kLeg.count());
  return on_tick(a + Price::from_raw(delta, 9), tick);
}

}  // namespace

MarketView::MarketView(const BarSource& source, std::int64_t max_displayed_size)
    : source_(&source), max_displayed_size_(std::max<std::int64_t>(100, max_displayed_size)) {}

const MarketView::SymbolDay* MarketView::day_of(std::size_t symbol, Timestamp t) {
  if (symbol >= source_->size()) return nullptr;
  const SessionSchedule& calendar = source_->sessions();
  const date::year_month_day day = calendar.market_date(t);
  auto hours = calendar.hours(day);
  if (!hours || t < hours->open) return nullptr;
  auto it = days_.find(symbol);
  if (it == days_.end() || it->second.day != day) {
    SymbolDay d;
    d.day = day;
    d.open = hours->open;
    d.minutes = source_->minute_bars(symbol, day);
    if (d.minutes.empty()) return nullptr;
    Quantity total;
    for (const Bar& bar : d.minutes) {
      d.volume_before.push_back(total);
      total += bar.volume;
    }
    auto before = calendar.previous_trading_day(day);
    if (before) d.previous_close = source_->close_price(symbol, *before);
    d.tick = source_->tick(symbol, day);
    it = days_.insert_or_assign(symbol, std::move(d)).first;
  }
  return &it->second;
}

std::optional<Price> MarketView::price_at(std::size_t symbol, Timestamp t) {
  const SymbolDay* d = day_of(symbol, t);
  if (d == nullptr) return std::nullopt;
  const auto minute = static_cast<std::size_t>((t - d->open) / kMinute);
  if (minute >= d->minutes.size()) return d->minutes.back().close;
  return price_in_minute(d->minutes[minute],
                         (t - d->open) - kMinute * static_cast<std::int64_t>(minute), d->tick);
}

Quantity MarketView::volume_until(std::size_t symbol, Timestamp t) {
  const SymbolDay* d = day_of(symbol, t);
  if (d == nullptr) return Quantity{};
  const auto minute = static_cast<std::size_t>((t - d->open) / kMinute);
  if (minute >= d->minutes.size()) return d->volume_before.back() + d->minutes.back().volume;
  const Nanoseconds into = (t - d->open) - kMinute * static_cast<std::int64_t>(minute);
  const std::int64_t part =
      fixed::mul_div(d->minutes[minute].volume.raw(), into.count(), kMinute.count());
  // Whole shares: truncate, so the volume never runs ahead of the minute bar.
  return d->volume_before[minute] + Quantity::from_raw(part - part % kFixedScale, 0);
}

std::optional<MarketSnapshot> MarketView::snapshot(std::size_t symbol, Timestamp t) {
  const SymbolDay* d = day_of(symbol, t);
  if (d == nullptr) return std::nullopt;
  const auto minute =
      std::min(static_cast<std::size_t>((t - d->open) / kMinute), d->minutes.size() - 1);
  const Nanoseconds into =
      std::min((t - d->open) - kMinute * static_cast<std::int64_t>(minute), kMinute);
  MarketSnapshot s;
  s.time = t;
  s.last = *price_at(symbol, t);
  s.volume = volume_until(symbol, t);
  s.open = d->minutes.front().open;
  s.previous_close = d->previous_close;
  s.high = s.last;
  s.low = s.last;
  for (std::size_t i = 0; i < minute; ++i) {
    s.high = std::max(s.high, d->minutes[i].high);
    s.low = std::min(s.low, d->minutes[i].low);
  }
  const auto path = path_of(d->minutes[minute]);
  for (std::size_t k = 0; k < 4 && kLeg * static_cast<std::int64_t>(k) <= into; ++k) {
    s.high = std::max(s.high, path[k]);
    s.low = std::min(s.low, path[k]);
  }
  // A spread of about 5 basis points, at least one tick, around the last price.
  const std::int64_t ticks =
      std::max<std::int64_t>(1, fixed::mul_div(s.last.raw(), 5, 10'000) / d->tick.raw());
  s.bid = s.last - d->tick * (ticks / 2);
  if (!s.bid.is_positive()) s.bid = d->tick;
  s.ask = s.bid + d->tick * ticks;
  // Displayed sizes: a tenth of the minute's volume in round lots, 100 to the configured cap.
  const std::int64_t shares = d->minutes[minute].volume.raw() / kFixedScale / 10;
  const std::int64_t shown = std::clamp<std::int64_t>(shares / 100 * 100, 100, max_displayed_size_);
  s.bid_size = Quantity::from_units(shown);
  s.ask_size = Quantity::from_units(shown);
  return s;
}

std::optional<Bar> MarketView::sub_minute_bar(std::size_t symbol, Timestamp start,
                                              Nanoseconds span) {
  const SymbolDay* d = day_of(symbol, start);
  if (d == nullptr) return std::nullopt;
  const auto minute = static_cast<std::size_t>((start - d->open) / kMinute);
  if (minute >= d->minutes.size()) return std::nullopt;
  Bar bar;
  bar.time = start;
  bar.open = *price_at(symbol, start);
  bar.close = *price_at(symbol, start + span);
  bar.high = std::max(bar.open, bar.close);
  bar.low = std::min(bar.open, bar.close);
  const auto path = path_of(d->minutes[minute]);
  const Nanoseconds from = start - d->open - kMinute * static_cast<std::int64_t>(minute);
  for (std::size_t k = 1; k < 3; ++k) {
    const Nanoseconds at = kLeg * static_cast<std::int64_t>(k);
    if (at > from && at < from + span) {
      bar.high = std::max(bar.high, on_tick(path[k], d->tick));
      bar.low = std::min(bar.low, on_tick(path[k], d->tick));
    }
  }
  bar.volume = volume_until(symbol, start + span) - volume_until(symbol, start);
  return bar;
}

std::vector<Bar> MarketView::minutes_before(std::size_t symbol, Timestamp t) {
  const SymbolDay* d = day_of(symbol, t);
  if (d == nullptr) return {};
  const auto done = std::min(static_cast<std::size_t>((t - d->open) / kMinute), d->minutes.size());
  return {d->minutes.begin(), d->minutes.begin() + static_cast<std::ptrdiff_t>(done)};
}

std::optional<engine::market::Fundamentals> MarketView::fundamentals(std::size_t symbol,
                                                                     Timestamp t) {
  const SessionSchedule& calendar = source_->sessions();
  auto before = calendar.previous_trading_day(calendar.market_date(t));
  if (!before || symbol >= source_->size()) return std::nullopt;
  return source_->fundamentals(symbol, *before);
}

}  // namespace ibtrade::sim
