// One symbol's trade for a strategy: a bracket entry with a take-profit and a stop, then either
// an exit fills or the strategy closes the trade (cancel every working order of the symbol, and
// once they have all finished, close what is left at market). Single-threaded: the strategy calls
// it from its engine handlers.
#pragma once

#include <cstdint>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "engine/strategy/strategy_context.hpp"
#include "engine/types.hpp"

namespace ibtrade::strategies {

struct ExitPrices {
  Price stop;
  Price take_profit;
};

// Where the exits sit around an anchor price: first the reference close the entry was decided
// on, then (re-anchored) the entry's first fill, so a gap at the open does not shift the risk.
struct ExitRule {
  enum class Kind : std::uint8_t { kDistance, kPercent };
  Kind kind = Kind::kDistance;
  Price stop_distance;  // kDistance
  Price target_distance;
  Percent stop_percent;  // kPercent: of the anchor
  Percent target_percent;
  Price tick;  // > 0

  // On the tick grid; the stop rounded away from the market (long: down), the take-profit away
  // from the entry (long: up). The stop may come out at or below zero for an absurd rule; the
  // caller checks.
  ExitPrices prices(Price anchor, Side entry_side) const;
};

class SymbolTrade {
 public:
  enum class Phase : std::uint8_t {
    kFlat,        // no trade of ours (the position is normally zero)
    kOpen,        // a bracket: entry working or filled, exits held or working
    kCancelling,  // closing: waiting for the symbol's working orders to finish
    kClosing,     // closing: the market order for what is left is working
  };

  // `close_tif` for the closing market order: DAY intraday; OPG for daily strategies whose
  // decision falls after the close (a DAY order would expire before the next open).
  SymbolTrade(engine::Symbol symbol, TimeInForce close_tif);

  // Submits `entry` as a bracket with exits from `rule` around `reference`. Denied: stays flat
  // and the result says why. Only when flat.
  engine::SubmitResult open(engine::StrategyContext& ctx, Order entry, Price reference,
                            const ExitRule& rule);
  // Starts closing: cancels what works (held exits go with their entry), then sends a market
  // order for the position once nothing of the symbol is open. Closing already: nothing. Also
  // adopts a position left without a trade (flat phase, non-zero position).
  void close(engine::StrategyContext& ctx);

  // Every order update and fill of this symbol's orders.
  void on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update);
  void on_fill(engine::StrategyContext& ctx, const engine::Fill& fill);
  // Once per bar while closing: retries a cancel that risk refused (cancel-rate limits).
  void poll(engine::StrategyContext& ctx);

  Phase phase() const { return phase_; }
  bool flat() const { return phase_ == Phase::kFlat; }
  bool closing() const { return phase_ == Phase::kCancelling || phase_ == Phase::kClosing; }
  Side side() const { return side_; }  // the latest entry's
  const engine::BracketIds& bracket() const { return bracket_; }
  std::uint64_t closes_sent() const { return closes_sent_; }
  // Closing market orders that risk denied; the position stays and the owner may close again.
  std::uint64_t close_failures() const { return close_failures_; }

 private:
  // Runs step() until nothing changes. Handlers re-enter (a cancel of a held exit reports at
  // once): a nested call only asks the outer loop for another round.
  void settle(engine::StrategyContext& ctx);
  void step(engine::StrategyContext& ctx);
  void send_close(engine::StrategyContext& ctx, Quantity position);
  std::vector<engine::OrderUpdate> open_orders(engine::StrategyContext& ctx) const;

  engine::Symbol symbol_;
  TimeInForce close_tif_;
  Phase phase_ = Phase::kFlat;
  Side side_ = Side::kBuy;
  engine::BracketIds bracket_;
  ExitRule rule_;
  bool anchored_ = false;
  ClientOrderId close_id_;
  bool settling_ = false;
  bool resettle_ = false;
  std::uint64_t closes_sent_ = 0;
  std::uint64_t close_failures_ = 0;
};

}  // namespace ibtrade::strategies
