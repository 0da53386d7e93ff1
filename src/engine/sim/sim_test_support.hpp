// Test helpers for the simulated venue: a recording sink, a flat commission fake, and builders
// for orders, bars and times. Test code only; single-threaded.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/market_data.hpp"
#include "core/order.hpp"
#include "engine/commission.hpp"
#include "engine/sim/simulated_venue.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine::sim_test {

inline Price px(std::string_view text) {
  return Price::parse(text).value();
}
inline Quantity qty(std::int64_t units) {
  return Quantity::from_units(units);
}
inline Money usd(std::string_view text) {
  return Money::parse(text).value();
}
inline Timestamp at_s(std::int64_t seconds) {
  return Timestamp{std::chrono::seconds(seconds)};
}
// Minute `m` of the test day.
inline Timestamp minute(std::int64_t m) {
  return at_s(m * 60);
}

inline Bar bar(std::int64_t at_minute, std::string_view open, std::string_view high,
               std::string_view low, std::string_view close, std::int64_t volume = 1000) {
  return Bar{minute(at_minute), px(open), px(high), px(low), px(close), qty(volume)};
}

// A fee of one dollar per fill, counting its calls: enough to see where commissions go.
class FlatCommission final : public CommissionModel {
 public:
  explicit FlatCommission(Money per_fill = Money::from_units(1)) : per_fill_(per_fill) {}
  Money commission(const CommissionInput& fill) override {
    inputs.push_back(fill);
    return per_fill_;
  }
  std::vector<CommissionInput> inputs;

 private:
  Money per_fill_;
};

inline Order make_order(std::string id, Side side, OrderType type, std::int64_t quantity,
                        TimeInForce tif = TimeInForce::kDay, std::string symbol = "AAPL") {
  Order order;
  order.client_order_id = ClientOrderId{std::move(id)};
  order.strategy_id = StrategyId{"test"};
  order.account_id = AccountId{"DU123"};
  order.contract = us_stock(std::move(symbol));
  order.side = side;
  order.type = type;
  order.tif = tif;
  order.quantity = qty(quantity);
  return order;
}
inline Order market(std::string id, Side side, std::int64_t quantity,
                    TimeInForce tif = TimeInForce::kDay) {
  return make_order(std::move(id), side, OrderType::kMarket, quantity, tif);
}
inline Order limit(std::string id, Side side, std::int64_t quantity, std::string_view price,
                   TimeInForce tif = TimeInForce::kDay) {
  Order order = make_order(std::move(id), side, OrderType::kLimit, quantity, tif);
  order.limit_price = px(price);
  return order;
}
inline Order stop(std::string id, Side side, std::int64_t quantity, std::string_view price,
                  TimeInForce tif = TimeInForce::kDay) {
  Order order = make_order(std::move(id), side, OrderType::kStop, quantity, tif);
  order.stop_price = px(price);
  return order;
}
inline Order stop_limit(std::string id, Side side, std::int64_t quantity,
                        std::string_view stop_price, std::string_view limit_price) {
  Order order = make_order(std::move(id), side, OrderType::kStopLimit, quantity);
  order.stop_price = px(stop_price);
  order.limit_price = px(limit_price);
  return order;
}
inline Order trail_amount(std::string id, Side side, std::int64_t quantity,
                          std::string_view amount) {
  Order order =
      make_order(std::move(id), side, OrderType::kTrailingStop, quantity, TimeInForce::kGtc);
  order.trail_amount = px(amount);
  return order;
}
inline Order trail_percent(std::string id, Side side, std::int64_t quantity,
                           std::string_view percent) {
  Order order =
      make_order(std::move(id), side, OrderType::kTrailingStop, quantity, TimeInForce::kGtc);
  order.trail_percent = Percent::parse(percent).value();
  return order;
}
inline Order on_close(std::string id, Side side, std::int64_t quantity,
                      std::optional<std::string_view> limit_price = std::nullopt) {
  Order order =
      make_order(std::move(id), side,
                 limit_price ? OrderType::kLimitOnClose : OrderType::kMarketOnClose, quantity);
  if (limit_price) order.limit_price = px(*limit_price);
  return order;
}

// Everything the venue said, in the order it said it.
struct Recorder {
  std::vector<VenueMessage> messages;

  VenueSink sink() {
    return [this](VenueMessage message) { messages.push_back(std::move(message)); };
  }
  template <class T>
  std::vector<T> all() const {
    std::vector<T> out;
    for (const auto& m : messages) {
      if (const auto* t = std::get_if<T>(&m)) out.push_back(*t);
    }
    return out;
  }
  std::vector<OrderStatusReport> statuses(std::string_view id) const {
    std::vector<OrderStatusReport> out;
    for (const auto& s : all<OrderStatusReport>()) {
      if (s.client_order_id.value() == id) out.push_back(s);
    }
    return out;
  }
  std::vector<VenueOrderState> states(std::string_view id) const {
    std::vector<VenueOrderState> out;
    for (const auto& s : statuses(id))
      out.push_back(s.state);
    return out;
  }
  std::vector<Fill> fills(std::string_view id) const {
    std::vector<Fill> out;
    for (const auto& e : all<ExecutionReport>()) {
      if (e.fill.client_order_id.value() == id) out.push_back(e.fill);
    }
    return out;
  }
  std::vector<CommandRejected> rejects(std::string_view id) const {
    std::vector<CommandRejected> out;
    for (const auto& r : all<CommandRejected>()) {
      if (r.client_order_id.value() == id) out.push_back(r);
    }
    return out;
  }
  VenueOrderState last_state(std::string_view id) const {
    const auto s = statuses(id);
    EXPECT_FALSE(s.empty()) << "no status for " << id;
    return s.empty() ? VenueOrderState::kPendingSubmit : s.back().state;
  }
};

// A venue wired to a test clock, a recorder and a flat commission.
struct Harness {
  explicit Harness(SimulatedVenueConfig config = {}, std::unique_ptr<FillModel> fill = nullptr,
                   std::unique_ptr<LatencyModel> latency = nullptr, std::uint64_t seed = 7)
      : venue(recorder.sink(), clock, commission, std::move(config), std::move(fill),
              std::move(latency), seed) {}

  // Sends at `when` (the clock moves there first).
  void submit_at(Timestamp when, const Order& order) {
    clock.advance_to(when);
    venue.submit(order);
  }
  void cancel_at(Timestamp when, std::string_view id) {
    clock.advance_to(when);
    venue.cancel(ClientOrderId{std::string(id)});
  }
  void modify_at(Timestamp when, const Order& order) {
    clock.advance_to(when);
    venue.modify(order);
  }
  // Bars are handed over at their start, the instant their fills are stamped with.
  void feed(const Bar& b, const Symbol& symbol = "AAPL") {
    if (clock.now() < b.time) clock.advance_to(b.time);
    venue.on_bar(symbol, b);
  }

  TestClock clock{minute(0)};
  FlatCommission commission;
  Recorder recorder;
  SimulatedVenue venue;
};

inline SimulatedVenueConfig tick_mode() {
  SimulatedVenueConfig config;
  config.fill_mode = FillMode::kTick;
  return config;
}

}  // namespace ibtrade::engine::sim_test
