#include "engine/kernel/engine.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "engine/kernel/engine_test_support.hpp"
#include "engine/orders/order_test_fakes.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

// On its first quote: an order under the id the strategy's next market order will get, then two
// market orders. The first collides with the manual one.
class Colliding final : public Strategy {
 public:
  void on_quote(StrategyContext& ctx, const Symbol& symbol, const Quote& /*quote*/) override {
    if (!results.empty()) return;
    Order manual = ctx.new_order(symbol, Side::kBuy, OrderType::kLimit, Quantity::from_units(5));
    manual.client_order_id = ClientOrderId{"s-2"};
    manual.order_ref = "s-2";
    manual.limit_price = Price::from_units(10);
    results.push_back(ctx.submit(std::move(manual)));
    results.push_back(ctx.market(symbol, Side::kBuy, Quantity::from_units(7)));   // s-2 again
    results.push_back(ctx.market(symbol, Side::kSell, Quantity::from_units(3)));  // s-3
  }
  std::vector<SubmitResult> results;
};

using engine_fakes::EngineOnFakeVenue;

TEST(EngineConveniences, AnIdTakenByHandIsADuplicateAndTheNextOrderIsUnaffected) {
  EngineOnFakeVenue run;
  Colliding strategy;
  run.engine.add_strategy(StrategyId{"s"}, strategy);
  run.start();
  run.quote();
  const Engine& engine = run.engine;
  const order_fakes::FakeVenue& venue = run.venue;

  ASSERT_EQ(strategy.results.size(), 3u);
  EXPECT_TRUE(strategy.results[0].accepted());
  EXPECT_EQ(strategy.results[1].client_order_id, ClientOrderId{"s-2"});
  EXPECT_EQ(strategy.results[1].decision.reason, DenialReason::kDuplicateOrderId);
  EXPECT_EQ(strategy.results[1].status, OrderStatus::kPendingSubmit);  // the existing order's
  EXPECT_TRUE(strategy.results[2].accepted());
  EXPECT_EQ(strategy.results[2].client_order_id, ClientOrderId{"s-3"});

  // The manual order stands; the market order was made from a fresh, blank record.
  const ManagedOrder* manual = engine.orders().find(ClientOrderId{"s-2"});
  ASSERT_NE(manual, nullptr);
  EXPECT_EQ(manual->order.quantity, Quantity::from_units(5));
  const ManagedOrder* sell = engine.orders().find(ClientOrderId{"s-3"});
  ASSERT_NE(sell, nullptr);
  EXPECT_EQ(sell->order.type, OrderType::kMarket);
  EXPECT_EQ(sell->order.side, Side::kSell);
  EXPECT_EQ(sell->order.quantity, Quantity::from_units(3));
  EXPECT_EQ(sell->order.order_ref, "s-3");
  EXPECT_FALSE(sell->order.limit_price);
  EXPECT_EQ(sell->order.contract.exchange, "SMART");
  EXPECT_EQ(venue.count(order_fakes::FakeVenue::Kind::kSubmit), 2u);
}

class MarketOnQuote final : public Strategy {
 public:
  void on_quote(StrategyContext& ctx, const Symbol& symbol, const Quote& /*quote*/) override {
    results.push_back(ctx.market(symbol, Side::kBuy, Quantity::from_units(1)));
  }
  std::vector<SubmitResult> results;
};

TEST(EngineOrderIds, AreTheStrategyIdADashAndASequenceForShortAndLongNames) {
  EngineOnFakeVenue run;
  // The short name's ids are assembled in a buffer kept for them; the long one's the slow way.
  const std::string long_name(60, 'x');
  MarketOnQuote short_named;
  MarketOnQuote long_named;
  run.engine.add_strategy(StrategyId{"s"}, short_named);
  run.engine.add_strategy(StrategyId{long_name}, long_named);
  run.start();
  for (int i = 0; i < 12; ++i)
    run.quote();
  const Engine& engine = run.engine;

  ASSERT_EQ(short_named.results.size(), 12u);
  ASSERT_EQ(long_named.results.size(), 12u);
  EXPECT_EQ(short_named.results[0].client_order_id, ClientOrderId{"s-1"});
  EXPECT_EQ(short_named.results[11].client_order_id, ClientOrderId{"s-12"});
  EXPECT_EQ(long_named.results[0].client_order_id, ClientOrderId{long_name + "-1"});
  EXPECT_EQ(long_named.results[11].client_order_id, ClientOrderId{long_name + "-12"});
  const ManagedOrder* order = engine.orders().find(ClientOrderId{long_name + "-12"});
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->order.order_ref, long_name + "-12");
  EXPECT_EQ(order->order.strategy_id, StrategyId{long_name});
}

// The order manager keeps the ledger's entry of each booked fill and hands it back with the
// fill's late commission; a fill the ledger refused has no entry, and its commission gets the
// ledger's answer by id.
TEST(EngineExecutions, LateCommissionsReachTheirFillsAndRefusedFillsAreReported) {
  EngineOnFakeVenue run;
  MarketOnQuote strategy;
  run.engine.add_strategy(StrategyId{"s"}, strategy);
  run.start();
  run.quote();
  run.quote();
  const auto acme_fill = [](const std::string& order, const std::string& execution,
                            std::string_view price) {
    VenueMessage message = order_fakes::execution(order, execution, Side::kBuy, 1, price);
    std::get<ExecutionReport>(message).fill.symbol = "ACME";
    return message;
  };
  const auto commission = [](const std::string& execution, std::string_view amount) {
    return CommissionUpdate{ExecutionId{execution}, *Money::parse(amount), {}};
  };
  Engine& engine = run.engine;
  const Money cash = engine.ledger().cash();
  engine.on_venue_message(acme_fill("s-1", "e1", "10"));
  engine.on_venue_message(acme_fill("s-1", "e1", "10"));  // re-sent: booked once
  engine.on_venue_message(commission("e1", "1.00"));
  EXPECT_EQ(engine.ledger().execution_count(), 1u);
  EXPECT_EQ(engine.ledger().commissions(), *Money::parse("1.00"));
  EXPECT_EQ(engine.ledger().cash(), cash - *Money::parse("11.00"));
  EXPECT_TRUE(engine.errors().empty());

  engine.on_venue_message(acme_fill("s-2", "e2", "0"));
  engine.on_venue_message(commission("e2", "1.00"));
  ASSERT_EQ(engine.errors().size(), 2u);
  EXPECT_EQ(engine.errors()[0].what,
            "fill e2 not booked: fill \"e2\" for \"ACME\": price 0 is not positive");
  EXPECT_EQ(engine.errors()[1].what,
            "commission not booked: commission for execution \"e2\": no fill with this "
            "execution id has been booked");
  EXPECT_EQ(engine.ledger().execution_count(), 1u);
  EXPECT_EQ(engine.ledger().commissions(), *Money::parse("1.00"));
}

}  // namespace
}  // namespace ibtrade::engine
