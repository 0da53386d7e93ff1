// The risk engine's limits: one struct, every limit off unless set. Units are in the field
// comments; docs/risk.md says exactly what each one counts. Plain value; no threading rule.
#pragma once

#include <cstddef>
#include <map>
#include <optional>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

struct RiskLimits {
  // Account currency: order quantity x limit price (x last price when the order has none).
  std::optional<Money> max_order_value;
  // Shares, absolute, per symbol: the position if this order and every other working order on
  // its side filled. `max_position_by_symbol` overrides it for the symbols it names.
  std::optional<Quantity> max_position;
  std::map<Symbol, Quantity> max_position_by_symbol;
  // Account currency: gross exposure of positions now plus what this order would add.
  std::optional<Money> max_gross_exposure;
  // Working orders, this one included (submits only).
  std::optional<std::size_t> max_open_orders;
  // Allowed submits + modifies, and allowed cancels, in any sliding one-second window.
  std::optional<std::size_t> max_orders_per_second;
  std::optional<std::size_t> max_cancels_per_second;
  // Percent of the last price: a limit or stop price further than this from last is denied.
  std::optional<Percent> price_collar;
  // A sell that could take the position (with the other working sells) below zero.
  bool allow_short_selling = true;
  // Regular session only, unless the order is outside_rth and extended hours are allowed; never
  // while the market is closed. Off: no time check at all.
  bool enforce_trading_hours = true;
  bool allow_extended_hours = false;
  // Positive amounts of loss on the day (realized + unrealized, net of commissions); the tighter
  // of the two applies. The percent is of equity when the trading day started.
  std::optional<Money> max_daily_loss;
  std::optional<Percent> max_daily_loss_percent;

  // Whether any limit applies to a single submit or modify (the daily loss is watched apart).
  // Without one, an order already validated passes with no look at the book. A limit added
  // above that checks orders belongs here too.
  bool limits_orders() const {
    return enforce_trading_hours || max_orders_per_second || max_open_orders || max_order_value ||
           max_gross_exposure || price_collar || !allow_short_selling || max_position ||
           !max_position_by_symbol.empty();
  }
};

}  // namespace ibtrade::engine
