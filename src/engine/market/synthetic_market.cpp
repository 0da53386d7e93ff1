#include "engine/market/synthetic_market.hpp"

#include <algorithm>
#include <stdexcept>

namespace ibtrade::engine::market {
namespace {

date::year_month_day first_trading_day(const TradingCalendar& calendar,
                                       date::year_month_day epoch) {
  if (calendar.is_trading_day(epoch)) return epoch;
  const auto next = calendar.next_trading_day(epoch);
  if (!next) {
    throw std::invalid_argument("synthetic market epoch " + to_iso_date(epoch) +
                                " has no trading day in the calendar's covered years");
  }
  return *next;
}

}  // namespace

Bar aggregate_bars(std::span<const Bar> bars) {
  if (bars.empty()) throw std::invalid_argument("aggregate_bars needs at least one bar");
  Bar out = bars.front();
  for (const Bar& bar : bars.subspan(1)) {
    out.high = std::max(out.high, bar.high);
    out.low = std::min(out.low, bar.low);
    out.volume += bar.volume;
  }
  out.close = bars.back().close;
  return out;
}

SyntheticMarket::SyntheticMarket(std::uint64_t seed, std::size_t symbols,
                                 const TradingCalendar& calendar, MarketConfig config)
    : seed_(seed),
      config_(config),
      calendar_(&calendar),
      universe_(seed, symbols, config_.universe, config_.earnings),
      earnings_(seed, universe_, calendar, config_.earnings, config_.epoch),
      profiles_(config_.price) {
  context_.seed = seed;
  context_.epoch_day = first_trading_day(calendar, config_.epoch);
  context_.config = &config_.price;
  context_.calendar = calendar_;
  context_.earnings = &earnings_;
  context_.profiles = &profiles_;
}

SymbolPath SyntheticMarket::path(std::size_t symbol, date::year_month_day from) const {
  return SymbolPath(context_, universe_.at(symbol), from);
}

std::vector<Bar> SyntheticMarket::minute_bars(std::size_t symbol, date::year_month_day day) const {
  std::vector<Bar> bars;
  if (day < first_day() || !calendar_->is_trading_day(day)) return bars;
  SymbolPath p = path(symbol, day);
  if (!p.valid() || p.day().day != day) return bars;
  bars.reserve(static_cast<std::size_t>(p.day().minutes));
  while (auto bar = p.next_minute())
    bars.push_back(*bar);
  return bars;
}

std::optional<Bar> SyntheticMarket::daily_bar(std::size_t symbol, date::year_month_day day) const {
  const auto bars = minute_bars(symbol, day);
  if (bars.empty()) return std::nullopt;
  return aggregate_bars(bars);
}

std::vector<Bar> SyntheticMarket::daily_bars(std::size_t symbol, date::year_month_day from,
                                             date::year_month_day to) const {
  std::vector<Bar> daily;
  std::vector<Bar> minutes;
  for (SymbolPath p = path(symbol, from); p.valid() && p.day().day <= to; p.next_day()) {
    minutes.clear();
    while (auto bar = p.next_minute())
      minutes.push_back(*bar);
    daily.push_back(aggregate_bars(minutes));
  }
  return daily;
}

std::optional<date::year_month_day> SyntheticMarket::last_session_on_or_before(
    date::year_month_day day) const {
  std::optional<date::year_month_day> session = day;
  if (!calendar_->is_trading_day(day)) session = calendar_->previous_trading_day(day);
  if (!session || *session < first_day()) return std::nullopt;
  return session;
}

std::optional<Price> SyntheticMarket::close_price(std::size_t symbol,
                                                  date::year_month_day day) const {
  const auto session = last_session_on_or_before(day);
  if (!session) return std::nullopt;
  const SymbolPath p = path(symbol, *session);
  if (!p.valid()) return std::nullopt;
  return p.close_price();
}

std::optional<Fundamentals> SyntheticMarket::fundamentals(std::size_t symbol,
                                                          date::year_month_day day) const {
  const auto session = last_session_on_or_before(day);
  if (!session) return std::nullopt;
  const SymbolPath p = path(symbol, *session);
  const auto hours = calendar_->hours(*session);
  if (!p.valid() || !hours) return std::nullopt;
  const auto reported = earnings_.history(symbol, hours->close, 4);
  return make_fundamentals(universe_.at(symbol), *session, p.close_price(), reported);
}

}  // namespace ibtrade::engine::market
