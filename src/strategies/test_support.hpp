// Test helpers for the strategies: bar builders, a wrapper that records what a strategy sees,
// and one strategy run through the real Simulation. Tests only; single-threaded.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "core/fixed_point.hpp"
#include "engine/fees/no_commission.hpp"
#include "engine/kernel/bar_feed.hpp"
#include "engine/kernel/simulation.hpp"
#include "engine/strategy/strategy.hpp"

namespace ibtrade::strategies::support {

inline Price px(std::string_view text) {
  return Price::parse(text).value();
}
inline Money money(std::string_view text) {
  return Money::parse(text).value();
}
inline Quantity shares(std::int64_t n) {
  return Quantity::from_units(n);
}
inline Timestamp utc(date::year_month_day day, std::chrono::minutes time_of_day) {
  return Timestamp{date::sys_days{day}} + time_of_day;
}

// A bar of `duration` starting at `start`; prices as text so that they are exact.
inline engine::MarketBar make_bar(const engine::Symbol& symbol, Timestamp start,
                                  Nanoseconds duration, std::string_view open,
                                  std::string_view high, std::string_view low,
                                  std::string_view close, std::int64_t volume = 10'000) {
  return engine::MarketBar{
      symbol, Bar{start, px(open), px(high), px(low), px(close), shares(volume)}, duration};
}
// O = H = L = C.
inline engine::MarketBar flat_bar(const engine::Symbol& symbol, Timestamp start,
                                  Nanoseconds duration, Price price, std::int64_t volume = 10'000) {
  return engine::MarketBar{symbol, Bar{start, price, price, price, price, shares(volume)},
                           duration};
}

// Forwards every handler to the strategy under test and keeps what it was told.
class Recorder final : public engine::Strategy {
 public:
  explicit Recorder(engine::Strategy& inner) : inner_(inner) {}

  void on_start(engine::StrategyContext& ctx) override { inner_.on_start(ctx); }
  void on_stop(engine::StrategyContext& ctx) override { inner_.on_stop(ctx); }
  void on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, const Bar& bar) override {
    inner_.on_bar(ctx, symbol, bar);
  }
  void on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) override {
    updates.push_back(update);
    bool known = false;
    for (const ClientOrderId& id : order_ids)
      known = known || id == update.client_order_id;
    if (!known) order_ids.push_back(update.client_order_id);
    inner_.on_order_update(ctx, update);
  }
  void on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) override {
    fills.push_back(fill);
    inner_.on_fill(ctx, fill);
    positions_after_fill.push_back(ctx.position(fill.symbol));
  }
  void on_timer(engine::StrategyContext& ctx, const TimerEvent& timer) override {
    inner_.on_timer(ctx, timer);
  }
  void on_session_open(engine::StrategyContext& ctx, date::year_month_day day) override {
    inner_.on_session_open(ctx, day);
  }
  void on_session_close(engine::StrategyContext& ctx, date::year_month_day day) override {
    inner_.on_session_close(ctx, day);
  }

  std::vector<engine::Fill> fills;
  std::vector<Quantity> positions_after_fill;
  std::vector<engine::OrderUpdate> updates;
  std::vector<ClientOrderId> order_ids;  // in order of first appearance

 private:
  engine::Strategy& inner_;
};

// One strategy (wrapped in a Recorder) over in-memory bars, without commissions.
struct StrategyRun {
  StrategyRun(engine::Strategy& strategy, std::vector<engine::MarketBar> bars,
              engine::SimulationConfig config = {}, const TradingCalendar* calendar = nullptr,
              std::unique_ptr<engine::LatencyModel> latency = nullptr)
      : recorder(strategy),
        feed(std::move(bars)),
        sim(std::move(config), commission, calendar, nullptr, std::move(latency)) {
    sim.add_strategy(StrategyId{"t"}, recorder);
    sim.add_feed(feed);
  }

  // The orders of the run of one type, in order of submission.
  std::vector<const engine::ManagedOrder*> orders_of_type(OrderType type) const {
    std::vector<const engine::ManagedOrder*> out;
    for (const ClientOrderId& id : recorder.order_ids) {
      const engine::ManagedOrder* order = sim.engine().orders().find(id);
      if (order != nullptr && order->order.type == type) out.push_back(order);
    }
    return out;
  }

  engine::NoCommission commission;
  Recorder recorder;
  engine::VectorBarFeed feed;
  engine::Simulation sim;
};

}  // namespace ibtrade::strategies::support
