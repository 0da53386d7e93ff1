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

// Shows the updates it is given, under the interest it declares; a market order on each quote.
class UpdateWatcher final : public Strategy {
 public:
  explicit UpdateWatcher(OrderUpdateInterest interest) : interest_(interest) {}
  OrderUpdateInterest order_update_interest() const override { return interest_; }
  void on_quote(StrategyContext& ctx, const Symbol& symbol, const Quote& /*quote*/) override {
    (void)ctx.market(symbol, Side::kBuy, Quantity::from_units(1));
  }
  void on_order_update(StrategyContext& /*ctx*/, const OrderUpdate& update) override {
    seen.push_back(Seen{update.client_order_id.value(), update.status, update.previous});
  }

  struct Seen {
    std::string id;
    OrderStatus status;
    OrderStatus previous;
    friend bool operator==(const Seen&, const Seen&) = default;
  };
  std::vector<Seen> seen;

 private:
  OrderUpdateInterest interest_;
};

// A strategy is shown the changes it declares an interest in, and only those: every change, the
// changes that finish an order (not the commission that follows a fill, not a stale report), or
// none.
TEST(EngineOrderUpdates, AStrategyIsShownOnlyTheChangesItDeclares) {
  EngineOnFakeVenue run;
  UpdateWatcher every(OrderUpdateInterest::kEveryChange);
  UpdateWatcher finishing(OrderUpdateInterest::kFinishing);
  UpdateWatcher none(OrderUpdateInterest::kNone);
  run.engine.add_strategy(StrategyId{"e"}, every);
  run.engine.add_strategy(StrategyId{"f"}, finishing);
  run.engine.add_strategy(StrategyId{"n"}, none);
  run.start();
  run.quote();  // e-1, f-1, n-1: to be filled
  run.quote();  // e-2, f-2, n-2: to be cancelled
  Engine& engine = run.engine;
  for (const std::string name : {"e", "f", "n"}) {
    const std::string filled = name + "-1";
    const std::string cancelled = name + "-2";
    engine.on_venue_message(order_fakes::status_report(filled, VenueOrderState::kSubmitted));
    VenueMessage fill = order_fakes::execution(filled, "x" + name, Side::kBuy, 1, "10");
    std::get<ExecutionReport>(fill).fill.symbol = "ACME";
    engine.on_venue_message(fill);
    engine.on_venue_message(CommissionUpdate{ExecutionId{"x" + name}, *Money::parse("1.00"), {}});
    engine.on_venue_message(order_fakes::status_report(filled, VenueOrderState::kFilled, 1));
    engine.on_venue_message(order_fakes::status_report(cancelled, VenueOrderState::kCancelled));
  }
  EXPECT_TRUE(engine.errors().empty());

  using S = OrderStatus;
  using Seen = UpdateWatcher::Seen;
  const std::vector<Seen> all{{"e-1", S::kPendingSubmit, S::kInitialized},
                              {"e-2", S::kPendingSubmit, S::kInitialized},
                              {"e-1", S::kSubmitted, S::kPendingSubmit},
                              {"e-1", S::kFilled, S::kSubmitted},
                              {"e-1", S::kFilled, S::kFilled},  // the commission
                              {"e-2", S::kCancelled, S::kPendingSubmit}};
  EXPECT_EQ(every.seen, all);
  const std::vector<Seen> finished{{"f-1", S::kFilled, S::kSubmitted},
                                   {"f-2", S::kCancelled, S::kPendingSubmit}};
  EXPECT_EQ(finishing.seen, finished);
  EXPECT_TRUE(none.seen.empty());
}

// Reads no order updates, and times its one market order out after a minute.
class TimedOrder final : public Strategy {
 public:
  OrderUpdateInterest order_update_interest() const override { return OrderUpdateInterest::kNone; }
  void on_quote(StrategyContext& ctx, const Symbol& symbol, const Quote& /*quote*/) override {
    const SubmitResult result = ctx.market(symbol, Side::kBuy, Quantity::from_units(1));
    timed = ctx.set_order_timeout(result.client_order_id, 60s).ok();
  }
  bool timed = false;
};

// The order manager tells the engine only of the changes its strategies read, but every change
// once price management is asked for: the timeout of an order that filled is dropped, though
// its strategy reads no updates.
TEST(EngineOrderUpdates, PriceManagementFollowsEveryChangeWhateverTheStrategiesRead) {
  EngineOnFakeVenue run;
  TimedOrder strategy;
  run.engine.add_strategy(StrategyId{"t"}, strategy);
  run.start();
  run.quote();
  ASSERT_TRUE(strategy.timed);
  Engine& engine = run.engine;
  EXPECT_NE(engine.next_wakeup(), Timestamp::max());
  VenueMessage fill = order_fakes::execution("t-1", "x1", Side::kBuy, 1, "10");
  std::get<ExecutionReport>(fill).fill.symbol = "ACME";
  engine.on_venue_message(fill);
  EXPECT_EQ(engine.next_wakeup(), Timestamp::max());
  EXPECT_TRUE(engine.errors().empty());
}

}  // namespace
}  // namespace ibtrade::engine
