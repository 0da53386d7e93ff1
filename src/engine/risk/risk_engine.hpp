// The risk engine: every submit, modify and cancel passes its check before it reaches a venue.
// It holds the limits, the trading state (ACTIVE / REDUCING / HALTED, the kill switch) and the
// order and cancel rate windows, and reads everything else through a RiskView.
// Single-threaded, owned by the engine's kernel thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/risk/risk_limits.hpp"
#include "engine/risk/risk_view.hpp"
#include "engine/risk/sliding_window.hpp"
#include "engine/risk/trading_state.hpp"
#include "engine/risk_gate.hpp"

namespace ibtrade::engine {

// Where the risk engine tells the kernel about state changes. Called after the state has
// changed, so a hook may call back into the engine (the kernel's cancel-all asks check(kCancel)).
struct RiskHooks {
  std::function<void(const std::string& reason)> on_halt;    // cancel every open order
  std::function<void(const RiskTransition&)> on_transition;  // audit log
};

class RiskEngine final : public RiskGate {
 public:
  // `view` must outlive the engine.
  RiskEngine(const RiskView& view, RiskLimits limits, RiskHooks hooks = {});

  // Submit and modify pass the limits (`order` as it would be after the action); a cancel is
  // always allowed while HALTED, otherwise only its rate is limited. Allowed submits, modifies
  // and cancels count in the rate windows; denied ones do not.
  RiskDecision check(const Order& order, RiskAction action) override {
    return check(order, action, Validation::kValidate);
  }
  // The order manager validates every order before it asks: it is not validated twice.
  // Inline: with no order limit and no loss limit (the usual backtest) an ACTIVE engine has
  // only the rate window to keep for a submit or modify, and check()'s tests in turn would
  // all fail.
  RiskDecision check_validated(const Order& order, RiskAction action) override {
    if (action != RiskAction::kCancel && nothing_to_check()) {
      orders_.record(view_.now());
      return RiskDecision::allow();
    }
    return check(order, action, Validation::kAlreadyValid);
  }

  // Continuous check, called by the kernel whenever PnL may have moved (each price update, fill,
  // timer): halts an ACTIVE engine whose daily loss is beyond the limit. Inline because it runs
  // on every bar: without a breach it is a state test, a compare and at most one view call.
  void update() {
    if (watch_daily_loss_ && daily_loss_breached()) (void)enforce_daily_loss();
  }
  // The kernel calls this when a new trading day starts (and resets its daily PnL to zero): the
  // percent loss limit is taken of the equity at this moment. The state is left as it is.
  void start_trading_day();

  // ACTIVE or REDUCING -> HALTED; notifies on_halt. False (and no notice) when already halted.
  bool halt(const std::string& reason);
  // ACTIVE -> REDUCING. False otherwise (leaving HALTED takes an explicit reset).
  bool reduce_only(const std::string& reason);
  // HALTED or REDUCING -> `to` (ACTIVE or REDUCING). False when nothing changes or `to` is HALTED.
  bool reset(const std::string& reason, TradingState to = TradingState::kActive);

  TradingState state() const { return state_; }
  const std::vector<RiskTransition>& transitions() const { return transitions_; }
  const RiskLimits& limits() const { return limits_; }
  void set_limits(RiskLimits limits) {
    limits_ = std::move(limits);
    limits_orders_ = limits_.limits_orders();
    loss_limit_stale_ = true;
    rewatch_daily_loss();
  }

 private:
  // The position picture of one order: what it is now and where it could go on the order's side.
  struct Projection {
    const Symbol* symbol = nullptr;  // the order's
    Quantity position;               // signed, now
    Quantity without_order;   // signed: position if the other working orders on the side fill
    Quantity with_order;      // signed: and this order's remaining quantity too
    Quantity same_side_open;  // positive: the other working orders' remaining quantity
    Quantity leaves;          // positive: what this order can still fill
  };

  enum class Validation : std::uint8_t { kValidate, kAlreadyValid };
  RiskDecision check(const Order& order, RiskAction action, Validation validation);
  RiskDecision check_cancel(Timestamp now);
  RiskDecision check_order_limits(const Order& order, RiskAction action, Timestamp now,
                                  Validation validation);
  RiskDecision check_trading_hours(const Order& order, Timestamp now) const;
  RiskDecision check_price_collar(const Order& order, const Symbol& symbol) const;
  RiskDecision check_reducing(const Order& order, const Projection& p) const;
  RiskDecision check_position(const Order& order, const Projection& p) const;
  Projection project(const Order& order, RiskAction action) const;
  // Whether any check of the projected position is on: reducing-only, no short selling, a
  // position limit or the gross exposure limit. Without one the projection is not needed.
  bool limits_position() const {
    return state_ == TradingState::kReducing || !limits_.allow_short_selling ||
           limits_.max_position || !limits_.max_position_by_symbol.empty() ||
           limits_.max_gross_exposure;
  }

  // The loss limit in force (the tighter of money and percent), if any. It depends only on the
  // limits and the day's starting equity, so it is worked out once per change of either rather
  // than on every check and bar.
  const std::optional<Money>& daily_loss_limit() {
    if (loss_limit_stale_) refresh_daily_loss_limit();
    return loss_limit_;
  }
  void refresh_daily_loss_limit();
  // ACTIVE and the daily loss beyond the limit: the cheap test in front of enforce_daily_loss.
  bool daily_loss_breached() {
    if (state_ != TradingState::kActive) return false;
    if (loss_limit_stale_) refresh_daily_loss_limit();
    return loss_limit_ && view_.daily_pnl() < loss_floor_;
  }
  // ACTIVE with no order limit, and no loss limit in force or to be worked out
  // (rewatch_daily_loss): a validated submit or modify passes.
  bool nothing_to_check() const {
    return state_ == TradingState::kActive && !limits_orders_ && !watch_daily_loss_;
  }
  // Whether update() has anything to check: ACTIVE, and a loss limit in force or to be worked
  // out. Kept with the state and the limit, so that a bar without a loss limit costs one test.
  void rewatch_daily_loss() {
    watch_daily_loss_ =
        state_ == TradingState::kActive && (loss_limit_stale_ || loss_limit_.has_value());
  }
  // Halts an ACTIVE engine whose daily loss is beyond the limit; the denial when it did.
  RiskDecision enforce_daily_loss();
  void transition(TradingState to, const std::string& reason);

  const RiskView& view_;
  RiskLimits limits_;
  bool limits_orders_ = false;  // limits_.limits_orders(), asked for every submit and modify
  RiskHooks hooks_;
  TradingState state_ = TradingState::kActive;
  std::string halt_reason_;
  std::vector<RiskTransition> transitions_;
  SlidingWindow orders_;
  SlidingWindow cancels_;
  std::optional<Money> day_start_equity_;
  std::optional<Money> loss_limit_;  // daily_loss_limit(), valid unless loss_limit_stale_
  Money loss_floor_;                 // -*loss_limit_: a daily PnL below it is a breach
  bool loss_limit_stale_ = true;
  bool watch_daily_loss_ = true;  // rewatch_daily_loss()
};

}  // namespace ibtrade::engine
