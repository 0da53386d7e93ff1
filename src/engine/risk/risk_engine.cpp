#include "engine/risk/risk_engine.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace ibtrade::engine {
namespace {

constexpr Nanoseconds kRateWindow = std::chrono::seconds(1);

Quantity toward(Side side, Quantity quantity) {
  return side == Side::kBuy ? quantity : -quantity;
}

std::string side_name(Side side) {
  return side == Side::kBuy ? "buy" : "sell";
}

// A computed amount shown with no fewer decimals than its inputs, and no more than it needs.
template <class Tag>
std::string shown(Decimal<Tag> value, int min_precision) {
  return Decimal<Tag>::from_raw(value.raw(),
                                std::max(min_precision, fixed::exact_precision(value.raw())))
      .to_string();
}

RiskDecision deny(DenialReason reason, std::string text) {
  return RiskDecision::deny(reason, std::move(text));
}

}  // namespace

RiskEngine::RiskEngine(const RiskView& view, RiskLimits limits, RiskHooks hooks)
    : view_(view),
      limits_(std::move(limits)),
      limits_orders_(limits_.limits_orders()),
      hooks_(std::move(hooks)),
      orders_(kRateWindow),
      cancels_(kRateWindow) {}

RiskDecision RiskEngine::check(const Order& order, RiskAction action, Validation validation) {
  const Timestamp now = view_.now();
  if (action == RiskAction::kCancel) return check_cancel(now);
  if (daily_loss_breached()) return enforce_daily_loss();
  if (state_ == TradingState::kHalted) {
    return deny(DenialReason::kHalted, "trading is halted: " + halt_reason_);
  }
  // With no order limit on (and not reducing-only), a validated order has nothing to pass.
  if (validation == Validation::kAlreadyValid && !limits_orders_ &&
      state_ != TradingState::kReducing) {
    orders_.record(now);
    return RiskDecision::allow();
  }
  RiskDecision decision = check_order_limits(order, action, now, validation);
  if (decision.allowed()) orders_.record(now);
  return decision;
}

RiskDecision RiskEngine::check_cancel(Timestamp now) {
  // The kill switch must always be able to pull orders; pacing towards the broker is the
  // gateway's job, so a halted engine lets every cancel through.
  if (state_ != TradingState::kHalted && limits_.max_cancels_per_second) {
    const std::size_t recent = cancels_.count(now);
    if (recent >= *limits_.max_cancels_per_second) {
      return deny(DenialReason::kCancelRate,
                  std::to_string(recent) +
                      " cancels in the last second reach max_cancels_per_second " +
                      std::to_string(*limits_.max_cancels_per_second));
    }
  }
  cancels_.record(now);
  return RiskDecision::allow();
}

RiskDecision RiskEngine::check_order_limits(const Order& order, RiskAction action, Timestamp now,
                                            Validation validation) {
  if (validation == Validation::kValidate) {
    if (std::string problem = check_order(order); !problem.empty()) {
      return deny(DenialReason::kInvalidOrder, "invalid order: " + problem);
    }
  }
  // Each limit that is off, or cannot apply to this order, costs one test here rather than a
  // call that builds an "allowed" decision.
  if (limits_.enforce_trading_hours) {
    if (RiskDecision hours = check_trading_hours(order, now); !hours.allowed()) return hours;
  }
  if (limits_.max_orders_per_second) {
    const std::size_t recent = orders_.count(now);
    if (recent >= *limits_.max_orders_per_second) {
      return deny(DenialReason::kOrderRate,
                  std::to_string(recent) +
                      " orders in the last second reach max_orders_per_second " +
                      std::to_string(*limits_.max_orders_per_second));
    }
  }
  if (action == RiskAction::kSubmit && limits_.max_open_orders) {
    const std::size_t open = view_.open_order_count();
    if (open >= *limits_.max_open_orders) {
      return deny(DenialReason::kMaxOpenOrders, std::to_string(open) +
                                                    " open orders reach max_open_orders " +
                                                    std::to_string(*limits_.max_open_orders));
    }
  }

  const Symbol& symbol = order.contract.symbol;
  // The price that values the order; only the value limits need it.
  const bool values_order = limits_.max_order_value || limits_.max_gross_exposure;
  std::optional<Price> reference;
  if (values_order) reference = order.limit_price ? order.limit_price : view_.last_price(symbol);
  if (values_order && !reference) {
    return deny(DenialReason::kNoPrice,
                "no limit price and no last price for " + symbol + " to value the order");
  }
  if (limits_.max_order_value) {
    const Money value = notional(*reference, order.quantity);
    if (value > *limits_.max_order_value) {
      return deny(DenialReason::kMaxOrderValue, "order value " + value.to_string() +
                                                    " exceeds max_order_value " +
                                                    limits_.max_order_value->to_string());
    }
  }
  if (limits_.price_collar && (order.limit_price || order.stop_price)) {
    if (RiskDecision collar = check_price_collar(order, symbol); !collar.allowed()) return collar;
  }

  // Most configurations set no position limit: the projection reads the position and every
  // working order on the side, so it is worked out only when a limit will look at it.
  if (!limits_position()) return RiskDecision::allow();
  const Projection projection = project(order, action);
  if (state_ == TradingState::kReducing) {
    if (RiskDecision reducing = check_reducing(order, projection); !reducing.allowed()) {
      return reducing;
    }
  }
  if (RiskDecision position = check_position(order, projection); !position.allowed()) {
    return position;
  }
  if (limits_.max_gross_exposure) {
    const Quantity added = projection.with_order.abs() - projection.without_order.abs();
    if (added.is_positive()) {
      const Money now_gross = view_.gross_exposure();
      const Money increase = notional(*reference, added);
      const Money after = now_gross + increase;
      if (after > *limits_.max_gross_exposure) {
        return deny(DenialReason::kMaxGrossExposure,
                    "gross exposure after the order " + after.to_string() + " (now " +
                        now_gross.to_string() + " + " + increase.to_string() +
                        ") exceeds max_gross_exposure " + limits_.max_gross_exposure->to_string());
      }
    }
  }
  return RiskDecision::allow();
}

RiskDecision RiskEngine::check_trading_hours(const Order& order, Timestamp now) const {
  if (!limits_.enforce_trading_hours) return RiskDecision::allow();
  const Session session = view_.session(now);
  switch (session) {
    case Session::kRegular:
      return RiskDecision::allow();
    case Session::kPreMarket:
    case Session::kPostMarket:
      if (!order.outside_rth) {
        return deny(DenialReason::kOutsideTradingHours,
                    std::string(to_string(session)) + " session and the order is not outside_rth");
      }
      if (!limits_.allow_extended_hours) {
        return deny(DenialReason::kOutsideTradingHours,
                    std::string(to_string(session)) +
                        " session and extended hours are not allowed (allow_extended_hours)");
      }
      return RiskDecision::allow();
    case Session::kClosed:
      break;
  }
  return deny(DenialReason::kOutsideTradingHours, "the market is closed");
}

RiskDecision RiskEngine::check_price_collar(const Order& order, const Symbol& symbol) const {
  if (!limits_.price_collar || (!order.limit_price && !order.stop_price)) {
    return RiskDecision::allow();
  }
  const std::optional<Price> last = view_.last_price(symbol);
  if (!last) {
    return deny(DenialReason::kNoPrice,
                "no last price for " + symbol + " to check the price collar against");
  }
  const Percent collar = *limits_.price_collar;
  const Price band =
      price_of(scale(money_of(*last), collar.raw(), 100 * kFixedScale, kFixedPrecision));
  const std::pair<const char*, const std::optional<Price>*> prices[] = {
      {"limit", &order.limit_price}, {"stop", &order.stop_price}};
  for (const auto& [name, price] : prices) {
    if (!*price) continue;
    const Price distance = (**price - *last).abs();
    if (distance > band) {
      return deny(DenialReason::kPriceCollar,
                  std::string(name) + " price " + (*price)->to_string() + " is " +
                      shown(distance, last->precision()) + " from last " + last->to_string() +
                      ", beyond price_collar " + collar.to_string() + "% (" +
                      shown(band, last->precision()) + ")");
    }
  }
  return RiskDecision::allow();
}

RiskEngine::Projection RiskEngine::project(const Order& order, RiskAction action) const {
  Projection p;
  p.symbol = &order.contract.symbol;
  p.position = view_.position(*p.symbol);
  Quantity open = view_.open_order_quantity(*p.symbol, order.side);
  Quantity filled;
  if (action == RiskAction::kModify) {
    // The modified order replaces its own old remaining quantity among the working orders.
    if (const std::optional<OrderProgress> working = view_.working_order(order.client_order_id)) {
      open -= working->remaining;
      filled = working->filled;
    }
  }
  p.same_side_open = std::max(open, Quantity{});
  p.leaves = std::max(order.quantity - filled, Quantity{});
  p.without_order = p.position + toward(order.side, p.same_side_open);
  p.with_order = p.without_order + toward(order.side, p.leaves);
  return p;
}

RiskDecision RiskEngine::check_reducing(const Order& order, const Projection& p) const {
  if (state_ != TradingState::kReducing || p.leaves.is_zero()) return RiskDecision::allow();
  const bool reduces = order.side == Side::kSell
                           ? p.position.is_positive() && !p.with_order.is_negative()
                           : p.position.is_negative() && !p.with_order.is_positive();
  if (reduces) return RiskDecision::allow();
  return deny(DenialReason::kReducingOnly,
              "trading is reducing only: " + side_name(order.side) + " " + p.leaves.to_string() +
                  " with " + p.same_side_open.to_string() + " other working " +
                  side_name(order.side) + "s against position " + p.position.to_string() + " in " +
                  *p.symbol + " could take it to " + p.with_order.to_string());
}

RiskDecision RiskEngine::check_position(const Order& order, const Projection& p) const {
  if (!limits_.allow_short_selling && order.side == Side::kSell && p.leaves.is_positive() &&
      p.with_order.is_negative()) {
    return deny(DenialReason::kShortSellingNotAllowed,
                "sell " + p.leaves.to_string() + " with " + p.same_side_open.to_string() +
                    " other working sells against position " + p.position.to_string() + " in " +
                    *p.symbol + " could take it to " + p.with_order.to_string() +
                    "; short selling is not allowed");
  }
  std::optional<Quantity> limit = limits_.max_position;
  if (!limits_.max_position_by_symbol.empty()) {
    if (const auto it = limits_.max_position_by_symbol.find(*p.symbol);
        it != limits_.max_position_by_symbol.end()) {
      limit = it->second;
    }
  }
  // An order that brings the worst-case position toward zero passes even above the limit.
  if (limit && p.with_order.abs() > *limit && p.with_order.abs() > p.without_order.abs()) {
    return deny(DenialReason::kMaxPosition,
                "position in " + *p.symbol + " could reach " + p.with_order.to_string() +
                    " (position " + p.position.to_string() + ", other working " +
                    side_name(order.side) + "s " + p.same_side_open.to_string() + ", this order " +
                    p.leaves.to_string() + "), exceeds max_position " + limit->to_string());
  }
  return RiskDecision::allow();
}

void RiskEngine::refresh_daily_loss_limit() {
  std::optional<Money> limit = limits_.max_daily_loss;
  if (limits_.max_daily_loss_percent) {
    if (!day_start_equity_) day_start_equity_ = view_.equity();
    const Money of_equity = std::max(
        scale(*day_start_equity_, limits_.max_daily_loss_percent->raw(), 100 * kFixedScale, 2),
        Money{});
    if (!limit || of_equity < *limit) limit = of_equity;
  }
  loss_floor_ = limit ? -*limit : Money{};
  loss_limit_ = limit;
  loss_limit_stale_ = false;
  rewatch_daily_loss();
}

RiskDecision RiskEngine::enforce_daily_loss() {
  // Only ACTIVE halts: REDUCING already lets nothing but reductions through, and an operator who
  // reset a halted engine to REDUCING did so to flatten while the loss stands.
  if (state_ != TradingState::kActive) return RiskDecision::allow();
  const std::optional<Money>& limit = daily_loss_limit();
  if (!limit) return RiskDecision::allow();
  const Money pnl = view_.daily_pnl();
  if (pnl >= loss_floor_) return RiskDecision::allow();
  const std::string text =
      "daily loss " + (-pnl).to_string() + " exceeds max_daily_loss " + limit->to_string();
  halt(text);
  return deny(DenialReason::kDailyLossLimit, text);
}

void RiskEngine::start_trading_day() {
  day_start_equity_ = view_.equity();
  loss_limit_stale_ = true;
  rewatch_daily_loss();
}

bool RiskEngine::halt(const std::string& reason) {
  if (state_ == TradingState::kHalted) return false;
  halt_reason_ = reason;
  transition(TradingState::kHalted, reason);
  if (hooks_.on_halt) hooks_.on_halt(reason);
  return true;
}

bool RiskEngine::reduce_only(const std::string& reason) {
  if (state_ != TradingState::kActive) return false;
  transition(TradingState::kReducing, reason);
  return true;
}

bool RiskEngine::reset(const std::string& reason, TradingState to) {
  if (to == TradingState::kHalted || state_ == TradingState::kActive || state_ == to) return false;
  halt_reason_.clear();
  transition(to, reason);
  return true;
}

void RiskEngine::transition(TradingState to, const std::string& reason) {
  transitions_.push_back({view_.now(), state_, to, reason});
  state_ = to;
  rewatch_daily_loss();
  if (hooks_.on_transition) {
    const RiskTransition record = transitions_.back();  // a hook may append more
    hooks_.on_transition(record);
  }
}

}  // namespace ibtrade::engine
