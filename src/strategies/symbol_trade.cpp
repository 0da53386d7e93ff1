#include "strategies/symbol_trade.hpp"

#include <algorithm>
#include <utility>

#include "engine/orders/price_policies.hpp"

namespace ibtrade::strategies {
namespace {

using engine::OrderStatus;
using engine::OrderUpdate;

bool contains(const std::vector<OrderUpdate>& orders, const ClientOrderId& id) {
  return std::any_of(orders.begin(), orders.end(),
                     [&](const OrderUpdate& o) { return o.client_order_id == id; });
}

}  // namespace

ExitPrices ExitRule::prices(Price anchor, Side entry_side) const {
  Price stop_by = stop_distance;
  Price target_by = target_distance;
  if (kind == Kind::kPercent) {
    stop_by = engine::percent_of(anchor, stop_percent);
    target_by = engine::percent_of(anchor, target_percent);
  }
  if (entry_side == Side::kBuy) {
    return {engine::floor_to_tick(anchor - stop_by, tick),
            engine::ceil_to_tick(anchor + target_by, tick)};
  }
  return {engine::ceil_to_tick(anchor + stop_by, tick),
          engine::floor_to_tick(anchor - target_by, tick)};
}

SymbolTrade::SymbolTrade(engine::Symbol symbol, TimeInForce close_tif)
    : symbol_(std::move(symbol)), close_tif_(close_tif) {}

engine::SubmitResult SymbolTrade::open(engine::StrategyContext& ctx, Order entry, Price reference,
                                       const ExitRule& rule) {
  const ExitPrices exits = rule.prices(reference, entry.side);
  side_ = entry.side;
  rule_ = rule;
  anchored_ = false;
  // Still flat while submitting: a denial reports synchronously and must find nothing to do.
  bracket_ = ctx.submit_bracket(std::move(entry), exits.take_profit, exits.stop);
  if (bracket_.entry.accepted()) phase_ = Phase::kOpen;
  return bracket_.entry;
}

void SymbolTrade::close(engine::StrategyContext& ctx) {
  if (closing()) return;
  phase_ = Phase::kCancelling;
  settle(ctx);
}

void SymbolTrade::on_order_update(engine::StrategyContext& ctx,
                                  const engine::OrderUpdate& /*update*/) {
  if (phase_ != Phase::kFlat) settle(ctx);
}

void SymbolTrade::on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) {
  if (phase_ == Phase::kOpen && !anchored_ &&
      fill.client_order_id == bracket_.entry.client_order_id) {
    // The exits are still held here (the order manager activates them after this call), so
    // the new prices change them locally and they go out already re-anchored.
    anchored_ = true;
    const ExitPrices exits = rule_.prices(fill.price, side_);
    if (exits.stop.is_positive()) {
      engine::OrderChanges stop;
      stop.stop_price = exits.stop;
      (void)ctx.modify(bracket_.stop_loss, stop);
    }
    engine::OrderChanges target;
    target.limit_price = exits.take_profit;
    (void)ctx.modify(bracket_.take_profit, target);
  }
  if (phase_ != Phase::kFlat) settle(ctx);
}

void SymbolTrade::poll(engine::StrategyContext& ctx) {
  if (closing()) settle(ctx);
}

std::vector<engine::OrderUpdate> SymbolTrade::open_orders(engine::StrategyContext& ctx) const {
  std::vector<OrderUpdate> orders = ctx.open_orders();
  std::erase_if(orders, [&](const OrderUpdate& o) { return o.symbol != symbol_; });
  return orders;
}

void SymbolTrade::settle(engine::StrategyContext& ctx) {
  if (settling_) {
    resettle_ = true;
    return;
  }
  settling_ = true;
  do {
    resettle_ = false;
    step(ctx);
  } while (resettle_);
  settling_ = false;
}

void SymbolTrade::step(engine::StrategyContext& ctx) {
  if (phase_ == Phase::kFlat) return;
  const std::vector<OrderUpdate> open = open_orders(ctx);
  const Quantity position = ctx.position(symbol_);
  switch (phase_) {
    case Phase::kFlat:
      return;
    case Phase::kOpen:
      if (!open.empty()) return;
      if (position.is_zero()) {
        phase_ = Phase::kFlat;  // an exit filled, or the entry ended unfilled
        return;
      }
      // A position without exits (one was denied at activation): close it.
      phase_ = Phase::kCancelling;
      resettle_ = true;
      return;
    case Phase::kCancelling: {
      if (open.empty()) {
        send_close(ctx, position);
        return;
      }
      const bool entry_open = contains(open, bracket_.entry.client_order_id);
      for (const OrderUpdate& order : open) {
        if (order.status == OrderStatus::kPendingCancel) continue;
        // A held exit is dropped by the order manager when its entry ends unfilled, and goes
        // live at the filled quantity otherwise; either way it is dealt with after the entry.
        if (order.status == OrderStatus::kInitialized && entry_open) continue;
        (void)ctx.cancel(order.client_order_id);
      }
      return;
    }
    case Phase::kClosing:
      if (contains(open, close_id_)) return;
      if (position.is_zero() && open.empty()) {
        phase_ = Phase::kFlat;
        return;
      }
      // The close ended short of the position (expired, rejected): cancel and close again.
      phase_ = Phase::kCancelling;
      resettle_ = true;
      return;
  }
}

void SymbolTrade::send_close(engine::StrategyContext& ctx, Quantity position) {
  if (position.is_zero()) {
    phase_ = Phase::kFlat;
    return;
  }
  Order order = ctx.new_order(symbol_, position.is_positive() ? Side::kSell : Side::kBuy,
                              OrderType::kMarket, position.abs());
  order.tif = close_tif_;
  close_id_ = order.client_order_id;
  phase_ = Phase::kClosing;
  ++closes_sent_;
  if (!ctx.submit(std::move(order)).accepted()) {
    // Left to the owner: trying again at once would deny again (and re-enter through the
    // denial's own update).
    ++close_failures_;
    phase_ = Phase::kFlat;
  }
}

}  // namespace ibtrade::strategies
