#include "engine/sim/default_fill_model.hpp"

#include <algorithm>
#include <cstddef>

#include "engine/sim/bar_path.hpp"

namespace ibtrade::engine {
namespace {

bool is_buy(Side side) {
  return side == Side::kBuy;
}

// Cheaper to buy, dearer to sell.
bool better(Side side, Price price, Price limit) {
  return is_buy(side) ? price < limit : price > limit;
}
bool at_or_better(Side side, Price price, Price limit) {
  return is_buy(side) ? price <= limit : price >= limit;
}
// A buy stop is reached at or above its price, a sell stop at or below.
bool reaches(Side side, Price price, Price stop) {
  return is_buy(side) ? price >= stop : price <= stop;
}
bool fills_limit(Side side, Price price, Price limit, bool touch) {
  return touch ? at_or_better(side, price, limit) : better(side, price, limit);
}

// Out of line (the rare case), so that slipped() stays small enough to inline.
[[gnu::noinline]] Price slipped_by_ticks(Side side, Price price, const MatchContext& context) {
  const Price slip = context.tick * static_cast<std::int64_t>(context.slippage_ticks);
  if (is_buy(side)) return price + slip;
  // A sell can't be pushed to nothing: the floor is one tick.
  return std::max(price - slip, context.tick);
}

// Inline: every fill as a market order asks, and most runs have no slippage.
inline Price slipped(Side side, Price price, const MatchContext& context) {
  if (context.slippage_ticks == 0) [[likely]]
    return price;
  return slipped_by_ticks(side, price, context);
}

// Slippage for an order that carries a limit: it never fills past the limit.
Price slipped_within(Side side, Price price, Price limit, const MatchContext& context) {
  const Price p = slipped(side, price, context);
  return is_buy(side) ? std::min(p, limit) : std::max(p, limit);
}

bool market_like(const OrderTerms& order, const MatchState& state) {
  return order.type == OrderType::kMarket ||
         ((order.type == OrderType::kStop || order.type == OrderType::kTrailingStop) &&
          state.triggered);
}
bool limit_like(const OrderTerms& order, const MatchState& state) {
  return order.type == OrderType::kLimit ||
         (order.type == OrderType::kStopLimit && state.triggered);
}

struct Trigger {
  Price price;           // where the stop was elected
  std::size_t next = 0;  // the path continues from here after the election
};

std::optional<Trigger> find_trigger(Side side, Price stop, const BarPath& path) {
  // Opening through the stop elects it at the open: the gap is the taker's loss.
  if (reaches(side, path[0], stop)) return Trigger{path[0], 1};
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (reaches(side, path[i], stop)) return Trigger{stop, i};
  }
  return std::nullopt;
}

void start_trail(const OrderTerms& order, MatchState& state, Price first, Price tick) {
  if (state.trail_stop) return;
  state.trail_extreme = first;
  state.trail_stop = order.stop_price ? *order.stop_price : trailing_stop_from(order, first, tick);
}

// A new best price drags the stop along; the stop never moves back.
void follow(const OrderTerms& order, MatchState& state, Price price, Price tick) {
  if (!better(order.side, price, *state.trail_extreme)) return;
  state.trail_extreme = price;
  const Price candidate = trailing_stop_from(order, price, tick);
  state.trail_stop = is_buy(order.side) ? std::min(*state.trail_stop, candidate)
                                        : std::max(*state.trail_stop, candidate);
}

std::optional<FillDecision> bar_decision(Price price) {
  return FillDecision{price, Liquidity::kBar, std::nullopt};
}

std::optional<FillDecision> bar_stop_limit(const OrderTerms& order, MatchState& state,
                                           const Bar& bar, const MatchContext& context) {
  const BarPath path = bar_path(bar);
  const auto trigger = find_trigger(order.side, *order.stop_price, path);
  if (!trigger) return std::nullopt;
  state.triggered = true;
  const Price limit = *order.limit_price;
  if (fills_limit(order.side, trigger->price, limit, context.fill_on_touch)) {
    return bar_decision(slipped_within(order.side, trigger->price, limit, context));
  }
  // Elected but not marketable: a resting limit for the rest of the bar.
  for (std::size_t i = trigger->next; i < path.size(); ++i) {
    if (fills_limit(order.side, path[i], limit, context.fill_on_touch)) return bar_decision(limit);
  }
  return std::nullopt;
}

std::optional<FillDecision> bar_trailing(const OrderTerms& order, MatchState& state, const Bar& bar,
                                         const MatchContext& context) {
  const BarPath path = bar_path(bar);
  start_trail(order, state, bar.open, context.tick);
  if (reaches(order.side, path[0], *state.trail_stop)) {
    state.triggered = true;
    return bar_decision(slipped(order.side, path[0], context));
  }
  for (std::size_t i = 1; i < path.size(); ++i) {
    // Legs towards a new best move the stop; legs away from it may reach it.
    follow(order, state, path[i], context.tick);
    if (reaches(order.side, path[i], *state.trail_stop)) {
      state.triggered = true;
      return bar_decision(slipped(order.side, *state.trail_stop, context));
    }
  }
  return std::nullopt;
}

}  // namespace

Price trailing_stop_from(const OrderTerms& order, Price extreme, Price tick) {
  if (order.trail_amount) {
    return is_buy(order.side) ? extreme + *order.trail_amount : extreme - *order.trail_amount;
  }
  const Percent percent = order.trail_percent.value_or(Percent{});
  const Price distance = Price::from_raw(
      fixed::mul_div(extreme.raw(), percent.raw(), 100 * kFixedScale), kFixedPrecision);
  const Price stop = is_buy(order.side) ? extreme + distance : extreme - distance;
  return stop.rounded_to(tick);
}

std::optional<FillDecision> DefaultFillModel::match_bar(const OrderTerms& order, MatchState& state,
                                                        const Bar& bar, const MatchContext& context,
                                                        Rng& /*rng*/) {
  if (market_like(order, state)) return bar_decision(slipped(order.side, bar.open, context));
  if (limit_like(order, state)) {
    const Price limit = *order.limit_price;
    // Opening through the limit fills at the open, the better price.
    if (fills_limit(order.side, bar.open, limit, context.fill_on_touch)) {
      return bar_decision(bar.open);
    }
    const Price extreme = is_buy(order.side) ? bar.low : bar.high;
    if (fills_limit(order.side, extreme, limit, context.fill_on_touch)) return bar_decision(limit);
    return std::nullopt;
  }
  switch (order.type) {
    case OrderType::kStop: {
      const Price stop = *order.stop_price;
      const Price extreme = is_buy(order.side) ? bar.high : bar.low;
      if (!reaches(order.side, extreme, stop)) return std::nullopt;
      state.triggered = true;
      const Price at = reaches(order.side, bar.open, stop) ? bar.open : stop;
      return bar_decision(slipped(order.side, at, context));
    }
    case OrderType::kStopLimit:
      return bar_stop_limit(order, state, bar, context);
    case OrderType::kTrailingStop:
      return bar_trailing(order, state, bar, context);
    default:
      return std::nullopt;  // MOC and LOC fill in the closing auction only
  }
}

std::optional<FillDecision> DefaultFillModel::match_book(const OrderTerms& order, MatchState& state,
                                                         const MatchContext& context,
                                                         Rng& /*rng*/) {
  if (context.book == nullptr) return std::nullopt;
  const bool buy = is_buy(order.side);
  const std::optional<Price>& touch = buy ? context.book->ask : context.book->bid;
  if (!touch) return std::nullopt;
  const Liquidity side_liquidity = buy ? Liquidity::kAsk : Liquidity::kBid;
  if (market_like(order, state)) {
    return FillDecision{slipped(order.side, *touch, context), side_liquidity, std::nullopt};
  }
  if (limit_like(order, state) && at_or_better(order.side, *touch, *order.limit_price)) {
    return FillDecision{*touch, side_liquidity, std::nullopt};
  }
  return std::nullopt;
}

std::optional<FillDecision> DefaultFillModel::match_trade(const OrderTerms& order,
                                                          MatchState& state, const Trade& trade,
                                                          const MatchContext& context,
                                                          Rng& /*rng*/) {
  const Price print = trade.price;
  bool elected_now = false;
  if (!state.triggered) {
    if (order.type == OrderType::kTrailingStop) {
      start_trail(order, state, print, context.tick);
      elected_now = reaches(order.side, print, *state.trail_stop);
      if (!elected_now) follow(order, state, print, context.tick);
    } else if (order.type == OrderType::kStop || order.type == OrderType::kStopLimit) {
      elected_now = reaches(order.side, print, *order.stop_price);
    }
    state.triggered = elected_now;
  }
  const bool buy = is_buy(order.side);
  const Quote* book = context.book;
  const std::optional<Price> touch = book == nullptr ? std::nullopt : (buy ? book->ask : book->bid);
  const Liquidity side_liquidity = buy ? Liquidity::kAsk : Liquidity::kBid;

  if (market_like(order, state)) {
    // Market orders take the quote; only a feed without quotes makes the print the price.
    if (book != nullptr) {
      if (!touch) return std::nullopt;
      return FillDecision{slipped(order.side, *touch, context), side_liquidity, std::nullopt};
    }
    return FillDecision{slipped(order.side, print, context), Liquidity::kTrade, std::nullopt};
  }
  if (!limit_like(order, state)) return std::nullopt;
  const Price limit = *order.limit_price;
  if (elected_now) {
    // Marketable at the moment it is elected: fills like a marketable order, capped at its limit.
    if (touch && at_or_better(order.side, *touch, limit)) {
      return FillDecision{slipped_within(order.side, *touch, limit, context), side_liquidity,
                          std::nullopt};
    }
    if (fills_limit(order.side, print, limit, context.fill_on_touch)) {
      return FillDecision{slipped_within(order.side, print, limit, context), Liquidity::kTrade,
                          std::nullopt};
    }
    return std::nullopt;
  }
  if (fills_limit(order.side, print, limit, context.fill_on_touch)) {
    return FillDecision{limit, Liquidity::kTrade, std::nullopt};
  }
  return std::nullopt;
}

std::optional<FillDecision> DefaultFillModel::match_auction(const OrderTerms& order, Price price,
                                                            const MatchContext& /*context*/,
                                                            Rng& /*rng*/) {
  // An auction clears at one price; a limit takes part when that price is at or better than it.
  const bool market = order.type == OrderType::kMarket || order.type == OrderType::kMarketOnClose;
  const bool limit = order.type == OrderType::kLimit || order.type == OrderType::kLimitOnClose;
  if (market || (limit && at_or_better(order.side, price, *order.limit_price))) {
    return FillDecision{price, Liquidity::kAuction, std::nullopt};
  }
  return std::nullopt;
}

}  // namespace ibtrade::engine
