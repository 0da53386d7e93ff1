// A strategy's context as the engine implements it: order ids counted up in place, and the
// conveniences' orders built where the order manager keeps them.
#include "engine/strategy/strategy_context.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/kernel/engine.hpp"
#include "engine/kernel/engine_test_support.hpp"

namespace ibtrade::engine {
namespace {

using namespace std::chrono_literals;

using engine_fakes::EngineOnFakeVenue;

// One order per quote: a market order, or new_order() then submit() when `by_hand`.
class OrderOnQuote final : public Strategy {
 public:
  explicit OrderOnQuote(bool by_hand = false, TimeInForce tif = TimeInForce::kDay)
      : by_hand_(by_hand), tif_(tif) {}
  void on_quote(StrategyContext& ctx, const Symbol& symbol, const Quote& /*quote*/) override {
    if (by_hand_) {
      Order order = ctx.new_order(symbol, Side::kBuy, OrderType::kMarket, Quantity::from_units(1));
      order.tif = tif_;
      results.push_back(ctx.submit(std::move(order)));
    } else {
      results.push_back(ctx.market(symbol, Side::kBuy, Quantity::from_units(1), tif_));
    }
  }
  std::vector<SubmitResult> results;

 private:
  bool by_hand_;
  TimeInForce tif_;
};

TEST(StrategyContextIds, CountUpPastEveryPowerOfTenForShortAndLongNames) {
  EngineOnFakeVenue run;
  // The short name's digits are counted up in place; the long one's ids are made the slow way.
  const std::string long_name(60, 'x');
  OrderOnQuote short_named;
  OrderOnQuote long_named(/*by_hand=*/true);
  run.engine.add_strategy(StrategyId{"s"}, short_named);
  run.engine.add_strategy(StrategyId{long_name}, long_named);
  run.start();
  for (int i = 0; i < 1001; ++i)
    run.quote();

  ASSERT_EQ(short_named.results.size(), 1001u);
  ASSERT_EQ(long_named.results.size(), 1001u);
  for (std::size_t i = 0; i < short_named.results.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    EXPECT_EQ(short_named.results[i].client_order_id, ClientOrderId{"s-" + n});
    EXPECT_EQ(long_named.results[i].client_order_id, ClientOrderId{long_name + "-" + n});
  }
  const ManagedOrder* order = run.engine.orders().find(ClientOrderId{"s-1000"});
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->order.order_ref, "s-1000");
  EXPECT_EQ(order->order.strategy_id, StrategyId{"s"});
}

TEST(StrategyContextConveniences, AMarketOrderCarriesTheTimeInForceAskedFor) {
  EngineOnFakeVenue run;
  OrderOnQuote day;
  OrderOnQuote gtc(/*by_hand=*/false, TimeInForce::kGtc);
  OrderOnQuote gtc_by_hand(/*by_hand=*/true, TimeInForce::kGtc);
  run.engine.add_strategy(StrategyId{"day"}, day);
  run.engine.add_strategy(StrategyId{"gtc"}, gtc);
  run.engine.add_strategy(StrategyId{"hand"}, gtc_by_hand);
  run.start();
  run.quote();

  for (const OrderOnQuote* strategy : {&day, &gtc, &gtc_by_hand}) {
    ASSERT_EQ(strategy->results.size(), 1u);
    EXPECT_TRUE(strategy->results[0].accepted());
  }
  const ManagedOrder* day_order = run.engine.orders().find(day.results[0].client_order_id);
  const ManagedOrder* gtc_order = run.engine.orders().find(gtc.results[0].client_order_id);
  const ManagedOrder* hand_order = run.engine.orders().find(gtc_by_hand.results[0].client_order_id);
  ASSERT_NE(day_order, nullptr);
  ASSERT_NE(gtc_order, nullptr);
  ASSERT_NE(hand_order, nullptr);
  EXPECT_EQ(day_order->order.tif, TimeInForce::kDay);
  EXPECT_EQ(gtc_order->order.tif, TimeInForce::kGtc);
  // The convenience makes the same order as new_order() and submit() by hand.
  Order expected = hand_order->order;
  expected.client_order_id = gtc_order->order.client_order_id;
  expected.strategy_id = gtc_order->order.strategy_id;
  expected.order_ref = gtc_order->order.order_ref;
  EXPECT_EQ(gtc_order->order, expected);
}

}  // namespace
}  // namespace ibtrade::engine
