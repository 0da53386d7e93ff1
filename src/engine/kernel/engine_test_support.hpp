// An engine for tests of what strategies see: on a fake venue, any hour allowed.
#pragma once

#include <chrono>

#include "core/clock.hpp"
#include "engine/kernel/engine.hpp"
#include "engine/orders/order_test_fakes.hpp"

namespace ibtrade::engine::engine_fakes {

// An engine on a fake venue, any hour allowed, with a print of ACME at 10 so that market orders
// can be valued.
struct EngineOnFakeVenue {
  EngineOnFakeVenue() : engine(clock, venue, config()) {}
  static EngineConfig config() {
    EngineConfig config;
    config.risk.enforce_trading_hours = false;
    return config;
  }
  // Starts the engine with the strategies added so far and prints the first trade.
  void start() {
    engine.start();
    engine.on_trade("ACME",
                    Trade{ConId{}, clock.now(), Price::from_units(10), Quantity::from_units(1)});
  }
  void quote() {
    Quote quote;
    quote.bid = Price::from_units(10);
    quote.ask = Price::from_units(10);
    engine.on_quote("ACME", quote);
  }

  TestClock clock{
      Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + std::chrono::hours{15}}};
  order_fakes::FakeVenue venue;
  Engine engine;
};

}  // namespace ibtrade::engine::engine_fakes
