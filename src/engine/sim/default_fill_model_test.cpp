#include "engine/sim/default_fill_model.hpp"

#include <gtest/gtest.h>

#include "engine/sim/sim_test_support.hpp"

namespace ibtrade::engine {
namespace {

using namespace sim_test;

MatchContext context(int slippage = 0, bool touch = false, const Quote* book = nullptr) {
  return MatchContext{px("0.01"), slippage, touch, book};
}

// One row: an order meets one bar; what it fills at (none for no fill) and whether it was
// elected on the way.
struct BarCase {
  const char* name;
  Order order;
  Bar input;
  std::optional<std::string_view> fill_price;
  bool elected = false;
  bool touch = false;
  int slippage = 0;
};

void run(const BarCase& c) {
  DefaultFillModel model;
  Rng rng(1);
  MatchState state;
  const auto decision = model.match_bar(c.order, state, c.input, context(c.slippage, c.touch), rng);
  ASSERT_EQ(decision.has_value(), c.fill_price.has_value()) << c.name;
  if (decision) {
    EXPECT_EQ(decision->price, px(*c.fill_price)) << c.name << ": " << decision->price.to_string();
    EXPECT_EQ(decision->liquidity, Liquidity::kBar) << c.name;
  }
  EXPECT_EQ(state.triggered, c.elected) << c.name;
}

TEST(SimFillModelBar, MarketAndLimitOrders) {
  const BarCase cases[] = {
      {"market buy at the open", market("m", Side::kBuy, 1), bar(0, "10", "10.5", "9.5", "10.2"),
       "10"},
      {"market sell at the open", market("m", Side::kSell, 1), bar(0, "10", "10.5", "9.5", "10.2"),
       "10"},
      {"market buy slips up", market("m", Side::kBuy, 1), bar(0, "10", "10.5", "9.5", "10.2"),
       "10.02", false, false, 2},
      {"market sell slips down", market("m", Side::kSell, 1), bar(0, "10", "10.5", "9.5", "10.2"),
       "9.98", false, false, 2},
      {"market sell slippage floors at one tick", market("m", Side::kSell, 1),
       bar(0, "0.02", "0.02", "0.01", "0.01"), "0.01", false, false, 5},
      {"buy limit, bar opens below it: the open", limit("l", Side::kBuy, 1, "10.10"),
       bar(0, "10", "10.5", "9.5", "10.2"), "10"},
      {"sell limit, bar opens above it: the open", limit("l", Side::kSell, 1, "9.90"),
       bar(0, "10", "10.5", "9.5", "10.2"), "10"},
      {"buy limit traded through: the limit", limit("l", Side::kBuy, 1, "9.80"),
       bar(0, "10", "10.5", "9.5", "10.2"), "9.80"},
      {"sell limit traded through: the limit", limit("l", Side::kSell, 1, "10.30"),
       bar(0, "10", "10.5", "9.5", "10.2"), "10.30"},
      {"buy limit exactly at the low: no fill", limit("l", Side::kBuy, 1, "9.50"),
       bar(0, "10", "10.5", "9.5", "10.2"), std::nullopt},
      {"sell limit exactly at the high: no fill", limit("l", Side::kSell, 1, "10.50"),
       bar(0, "10", "10.5", "9.5", "10.2"), std::nullopt},
      {"buy limit at the low, fill on touch", limit("l", Side::kBuy, 1, "9.50"),
       bar(0, "10", "10.5", "9.5", "10.2"), "9.50", false, true},
      {"sell limit at the high, fill on touch", limit("l", Side::kSell, 1, "10.50"),
       bar(0, "10", "10.5", "9.5", "10.2"), "10.50", false, true},
      {"buy limit at the open that is also the low: a touch", limit("l", Side::kBuy, 1, "10"),
       bar(0, "10", "10.5", "10", "10.2"), std::nullopt},
      {"buy limit at the open, then traded through: the limit", limit("l", Side::kBuy, 1, "10"),
       bar(0, "10", "10.5", "9.9", "10.2"), "10"},
      {"buy limit below the bar", limit("l", Side::kBuy, 1, "9"),
       bar(0, "10", "10.5", "9.5", "10.2"), std::nullopt},
      {"limits never slip", limit("l", Side::kBuy, 1, "9.80"), bar(0, "10", "10.5", "9.5", "10.2"),
       "9.80", false, false, 3},
  };
  for (const auto& c : cases)
    run(c);
}

TEST(SimFillModelBar, StopOrders) {
  const BarCase cases[] = {
      {"sell stop inside the range: the stop", stop("s", Side::kSell, 1, "9.70"),
       bar(0, "10", "10.5", "9.5", "10.2"), "9.70", true},
      {"buy stop inside the range: the stop", stop("s", Side::kBuy, 1, "10.30"),
       bar(0, "10", "10.5", "9.5", "10.2"), "10.30", true},
      {"sell stop gapped through: the open", stop("s", Side::kSell, 1, "9.70"),
       bar(0, "9.40", "9.60", "9.20", "9.50"), "9.40", true},
      {"buy stop gapped through: the open", stop("s", Side::kBuy, 1, "10.30"),
       bar(0, "10.60", "10.90", "10.50", "10.70"), "10.60", true},
      {"stop at the low triggers (touch)", stop("s", Side::kSell, 1, "9.50"),
       bar(0, "10", "10.5", "9.5", "10.2"), "9.50", true},
      {"stop not reached", stop("s", Side::kSell, 1, "9.40"), bar(0, "10", "10.5", "9.5", "10.2"),
       std::nullopt, false},
      {"sell stop slips down", stop("s", Side::kSell, 1, "9.70"),
       bar(0, "10", "10.5", "9.5", "10.2"), "9.68", true, false, 2},
      {"buy stop slips up", stop("s", Side::kBuy, 1, "10.30"), bar(0, "10", "10.5", "9.5", "10.2"),
       "10.32", true, false, 2},
  };
  for (const auto& c : cases)
    run(c);
}

TEST(SimFillModelBar, StopLimitOrders) {
  const BarCase cases[] = {
      // Gaps above the limit and never comes back: elected, not filled.
      {"elected above the limit, no fill", stop_limit("sl", Side::kBuy, 1, "10", "10.05"),
       bar(0, "10.20", "10.30", "10.10", "10.25"), std::nullopt, true},
      // Path O->L->H->C: elected at 10 on the way up, 10 is below the 10.10 limit: fills there.
      {"elected below the limit: at the stop", stop_limit("sl", Side::kBuy, 1, "10", "10.10"),
       bar(0, "9.90", "10.20", "9.85", "10.15"), "10", true},
      {"elected below the limit, slippage capped", stop_limit("sl", Side::kBuy, 1, "10", "10.02"),
       bar(0, "9.90", "10.20", "9.85", "10.15"), "10.02", true, false, 5},
      // Limit under the stop: elected at 10 on O->L->H, then the close 9.90 is through 9.95.
      {"limit under the stop, later traded through", stop_limit("sl", Side::kBuy, 1, "10", "9.95"),
       bar(0, "9.90", "10.20", "9.80", "9.90"), "9.95", true},
      // Stop equal to the limit: elected at 10 and the rest of the path stays above.
      {"stop equal to limit, runs away", stop_limit("sl", Side::kBuy, 1, "10", "10"),
       bar(0, "9.90", "10.20", "9.80", "10.10"), std::nullopt, true},
      {"sell stop-limit gaps through but open within limit",
       stop_limit("sl", Side::kSell, 1, "9.70", "9.50"), bar(0, "9.60", "9.65", "9.40", "9.45"),
       "9.60", true},
      {"not elected", stop_limit("sl", Side::kSell, 1, "9.00", "8.90"),
       bar(0, "10", "10.5", "9.5", "10.2"), std::nullopt, false},
  };
  for (const auto& c : cases)
    run(c);
}

TEST(SimFillModelBar, ElectedStopLimitRestsAsALimit) {
  DefaultFillModel model;
  Rng rng(1);
  MatchState state;
  const Order order = stop_limit("sl", Side::kBuy, 1, "10", "10.05");
  EXPECT_FALSE(
      model.match_bar(order, state, bar(0, "10.20", "10.30", "10.10", "10.25"), context(), rng));
  ASSERT_TRUE(state.triggered);
  // Later bars treat it as a buy limit at 10.05: opening below it fills at the open.
  const auto next =
      model.match_bar(order, state, bar(1, "10.02", "10.10", "10.00", "10.05"), context(), rng);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->price, px("10.02"));
}

TEST(SimFillModelBar, TrailingStopFollowsARisingMarketThenTriggers) {
  DefaultFillModel model;
  Rng rng(1);
  MatchState state;
  const Order order = trail_amount("t", Side::kSell, 1, "1");
  // O->L->H->C: the low 99.50 stays above the first stop 99, the high lifts it to 102.
  EXPECT_FALSE(
      model.match_bar(order, state, bar(0, "100", "103", "99.50", "102.50"), context(), rng));
  EXPECT_EQ(state.trail_stop, px("102"));
  EXPECT_EQ(state.trail_extreme, px("103"));
  EXPECT_FALSE(
      model.match_bar(order, state, bar(1, "102.80", "105", "102.60", "104.50"), context(), rng));
  EXPECT_EQ(state.trail_stop, px("104"));
  // O->H->L->C: the high 104.40 is no new best; the fall to 101 reaches the stop at 104.
  const auto fill =
      model.match_bar(order, state, bar(2, "104.20", "104.40", "101", "101.50"), context(), rng);
  ASSERT_TRUE(fill);
  EXPECT_EQ(fill->price, px("104"));
  EXPECT_TRUE(state.triggered);
}

TEST(SimFillModelBar, TrailingStopMovesWithinTheBarBeforeTriggering) {
  DefaultFillModel model;
  Rng rng(1);
  MatchState state;
  // High first (O->H->L->C): the stop rises to 104.40 - 1 = 103.40 before the fall reaches it.
  const auto fill = model.match_bar(trail_amount("t", Side::kSell, 1, "1"), state,
                                    bar(0, "104.20", "104.40", "101", "101.50"), context(), rng);
  ASSERT_TRUE(fill);
  EXPECT_EQ(fill->price, px("103.40"));
}

TEST(SimFillModelBar, TrailingStopPercentAndInitialStop) {
  DefaultFillModel model;
  Rng rng(1);
  {
    MatchState state;
    const Order order = trail_percent("t", Side::kSell, 1, "2");
    EXPECT_FALSE(model.match_bar(order, state, bar(0, "100", "110", "99", "109"), context(), rng));
    EXPECT_EQ(state.trail_stop, px("107.80"));  // 110 - 2 %
    const auto fill =
        model.match_bar(order, state, bar(1, "108", "108.5", "107", "107.5"), context(), rng);
    ASSERT_TRUE(fill);
    EXPECT_EQ(fill->price, px("107.80"));
  }
  {
    // An initial stop above the market is gapped through at the first open.
    MatchState state;
    Order order = trail_amount("t", Side::kSell, 1, "1");
    order.stop_price = px("101");
    const auto fill =
        model.match_bar(order, state, bar(0, "100", "100.5", "99", "99.5"), context(), rng);
    ASSERT_TRUE(fill);
    EXPECT_EQ(fill->price, px("100"));
  }
  {
    // Buying back a short: the stop trails the lows from above.
    MatchState state;
    const Order order = trail_amount("t", Side::kBuy, 1, "0.50");
    EXPECT_FALSE(
        model.match_bar(order, state, bar(0, "20", "20.10", "19", "19.20"), context(), rng));
    EXPECT_EQ(state.trail_stop, px("19.50"));
    const auto fill =
        model.match_bar(order, state, bar(1, "19.30", "19.80", "19.25", "19.70"), context(), rng);
    ASSERT_TRUE(fill);
    EXPECT_EQ(fill->price, px("19.50"));
  }
}

TEST(SimFillModelBar, OnCloseOrdersIgnoreBars) {
  DefaultFillModel model;
  Rng rng(1);
  MatchState state;
  EXPECT_FALSE(model.match_bar(on_close("c", Side::kBuy, 1), state, bar(0, "10", "11", "9", "10"),
                               context(), rng));
}

TEST(SimFillModelAuction, MarketTakesThePriceLimitsOnlyAtOrBetter) {
  DefaultFillModel model;
  Rng rng(1);
  EXPECT_EQ(model.match_auction(on_close("c", Side::kBuy, 1), px("10"), context(3), rng)->price,
            px("10"));
  EXPECT_TRUE(model.match_auction(on_close("c", Side::kBuy, 1, "10"), px("10"), context(), rng));
  EXPECT_FALSE(model.match_auction(on_close("c", Side::kBuy, 1, "9.99"), px("10"), context(), rng));
  EXPECT_TRUE(model.match_auction(on_close("c", Side::kSell, 1, "9.99"), px("10"), context(), rng));
  EXPECT_FALSE(
      model.match_auction(on_close("c", Side::kSell, 1, "10.01"), px("10"), context(), rng));
}

Quote quote(std::optional<std::string_view> bid, std::optional<std::string_view> ask) {
  Quote q;
  if (bid) q.bid = px(*bid);
  if (ask) q.ask = px(*ask);
  q.bid_size = qty(100);
  q.ask_size = qty(100);
  return q;
}

TEST(SimFillModelTick, BookAndPrints) {
  DefaultFillModel model;
  Rng rng(1);
  const Quote book = quote("9.99", "10.01");
  MatchState state;
  EXPECT_EQ(
      model.match_book(market("m", Side::kBuy, 1), state, context(0, false, &book), rng)->price,
      px("10.01"));
  EXPECT_EQ(
      model.match_book(market("m", Side::kSell, 1), state, context(1, false, &book), rng)->price,
      px("9.98"));
  EXPECT_EQ(
      model.match_book(limit("l", Side::kBuy, 1, "10.05"), state, context(0, false, &book), rng)
          ->price,
      px("10.01"));
  EXPECT_TRUE(
      model.match_book(limit("l", Side::kBuy, 1, "10.01"), state, context(0, false, &book), rng));
  EXPECT_FALSE(
      model.match_book(limit("l", Side::kBuy, 1, "10"), state, context(0, false, &book), rng));
  // Stops do not trigger on quotes.
  EXPECT_FALSE(
      model.match_book(stop("s", Side::kBuy, 1, "10"), state, context(0, false, &book), rng));
  EXPECT_FALSE(state.triggered);
  const Quote no_ask = quote("9.99", std::nullopt);
  EXPECT_FALSE(
      model.match_book(market("m", Side::kBuy, 1), state, context(0, false, &no_ask), rng));

  const Trade print{ConId{}, Timestamp{}, px("9.95"), qty(50)};
  const auto through = model.match_trade(limit("l", Side::kBuy, 1, "9.97"), state, print,
                                         context(0, false, &book), rng);
  ASSERT_TRUE(through);
  EXPECT_EQ(through->price, px("9.97"));
  EXPECT_EQ(through->liquidity, Liquidity::kTrade);
  EXPECT_FALSE(model.match_trade(limit("l", Side::kBuy, 1, "9.95"), state, print,
                                 context(0, false, &book), rng));
  EXPECT_TRUE(model.match_trade(limit("l", Side::kBuy, 1, "9.95"), state, print,
                                context(0, true, &book), rng));

  // A print at the stop elects it; it then takes the offer.
  MatchState stop_state;
  const Trade up{ConId{}, Timestamp{}, px("10.00"), qty(50)};
  const auto elected = model.match_trade(stop("s", Side::kBuy, 1, "10"), stop_state, up,
                                         context(0, false, &book), rng);
  EXPECT_TRUE(stop_state.triggered);
  ASSERT_TRUE(elected);
  EXPECT_EQ(elected->price, px("10.01"));
  EXPECT_EQ(elected->liquidity, Liquidity::kAsk);
  // Without quotes the print is the price.
  MatchState bare;
  const auto at_print = model.match_trade(stop("s", Side::kBuy, 1, "10"), bare, up, context(), rng);
  ASSERT_TRUE(at_print);
  EXPECT_EQ(at_print->price, px("10"));
  EXPECT_EQ(at_print->liquidity, Liquidity::kTrade);
}

TEST(SimFillModel, TrailingStopFromPercentRoundsToTheTick) {
  const Order order = trail_percent("t", Side::kSell, 1, "1.5");
  EXPECT_EQ(trailing_stop_from(order, px("33.33"), px("0.01")), px("32.83"));  // 32.83005
  const Order buy = trail_percent("t", Side::kBuy, 1, "1.5");
  EXPECT_EQ(trailing_stop_from(buy, px("33.33"), px("0.01")), px("33.83"));  // 33.82995
}

}  // namespace
}  // namespace ibtrade::engine
