// A trading strategy: handlers the engine calls on its single thread. A strategy acts only
// through the StrategyContext it is given, so the same object runs unchanged in backtest,
// simulation, paper and live trading.
#pragma once

#include <date/date.h>

#include "core/clock.hpp"
#include "core/market_data.hpp"
#include "engine/orders/order_listener.hpp"
#include "engine/strategy/strategy_context.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

class Strategy {
 public:
  virtual ~Strategy() = default;

  // True for a strategy that will manage stops trailing by ATR (StopPolicy with TrailBy::kAtr):
  // the engine then keeps an ATR of every symbol's bars, from the first bar after the strategy
  // is added. Without such a strategy the engine skips that work on every bar, and a stop
  // trailing by ATR is refused by manage_stop.
  virtual bool uses_atr_stops() const { return false; }
  // The order updates on_order_update is called with (see OrderUpdateInterest). Most strategies
  // wait only for their orders to finish, while each order changes about four times (sent,
  // working, filled, its commission): a strategy that says so spares the engine building an
  // update and calling it for the rest. Asked once, when the strategy is added to an engine; a
  // strategy that wraps another must pass the inner one's answer on, or keep every change.
  virtual OrderUpdateInterest order_update_interest() const {
    return OrderUpdateInterest::kEveryChange;
  }

  virtual void on_start(StrategyContext& /*ctx*/) {}
  virtual void on_stop(StrategyContext& /*ctx*/) {}
  // A completed bar; ctx.now() is the bar's end.
  virtual void on_bar(StrategyContext& /*ctx*/, const Symbol& /*symbol*/, const Bar& /*bar*/) {}
  virtual void on_quote(StrategyContext& /*ctx*/, const Symbol& /*symbol*/,
                        const Quote& /*quote*/) {}
  virtual void on_trade(StrategyContext& /*ctx*/, const Symbol& /*symbol*/,
                        const Trade& /*trade*/) {}
  // A change of one of this strategy's orders: every change, or those order_update_interest()
  // asks for.
  virtual void on_order_update(StrategyContext& /*ctx*/, const OrderUpdate& /*update*/) {}
  virtual void on_fill(StrategyContext& /*ctx*/, const Fill& /*fill*/) {}
  virtual void on_timer(StrategyContext& /*ctx*/, const TimerEvent& /*timer*/) {}
  // The regular session of `day` (an ET date) opened / closed.
  virtual void on_session_open(StrategyContext& /*ctx*/, date::year_month_day /*day*/) {}
  virtual void on_session_close(StrategyContext& /*ctx*/, date::year_month_day /*day*/) {}
};

}  // namespace ibtrade::engine
