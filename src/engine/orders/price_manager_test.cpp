#include "engine/orders/price_manager.hpp"

#include <gtest/gtest.h>

#include "engine/orders/order_test_fakes.hpp"

namespace ibtrade::engine {
namespace {

using namespace order_fakes;  // NOLINT(google-build-using-namespace): test builders
using namespace std::chrono_literals;
using Kind = FakeVenue::Kind;
using VS = VenueOrderState;

constexpr std::int64_t kStart = 1000;

class PriceManagerTest : public ::testing::Test {
 protected:
  PriceManagerTest()
      : clock_(at_seconds(kStart)),
        orders_(venue_, risk_, listener_, clock_),
        prices_(orders_, clock_) {
    listener_.forward = [this](const ManagedOrder& order) { prices_.on_order_updated(order); };
  }

  void feed(const VenueMessage& message) { orders_.on_venue_message(message); }
  void working(const Order& order) {
    ASSERT_TRUE(orders_.submit(order).ok());
    feed(status_report(order.client_order_id.value(), VS::kSubmitted, 0, 100));
    venue_.take();
  }
  // Moves the clock to kStart + seconds and lets the price manager act.
  void at(double seconds) {
    clock_.advance_to(at_seconds(kStart) + std::chrono::duration_cast<Nanoseconds>(
                                               std::chrono::duration<double>(seconds)));
    prices_.on_time(clock_.now());
  }
  const ManagedOrder& order(const std::string& id) { return *orders_.find(cid(id)); }
  std::vector<std::string> limits_sent() {
    std::vector<std::string> out;
    for (const auto& c : venue_.commands) {
      if (c.kind == Kind::kModify) out.push_back(c.order.limit_price->to_string());
    }
    return out;
  }
  std::vector<std::string> stops_sent() {
    std::vector<std::string> out;
    for (const auto& c : venue_.commands) {
      if (c.kind == Kind::kModify) out.push_back(c.order.stop_price->to_string());
    }
    return out;
  }
  static ChasePolicy chase_policy(ChaseExhausted on_exhausted = ChaseExhausted::kCancel) {
    return {.ticks = 1,
            .interval = 5s,
            .max_distance = px("0.03"),
            .on_exhausted = on_exhausted,
            .tick_size = px("0.01")};
  }

  TestClock clock_;
  FakeVenue venue_;
  FakeRisk risk_;
  RecordingListener listener_;
  OrderManager orders_;
  PriceManager prices_;
};

// --- chasing ---------------------------------------------------------------------------------

TEST_F(PriceManagerTest, ChaseStepsAtExactTimesThenCancelsAtMaxDistance) {
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  prices_.on_quote("AAPL", px("9.99"), px("10.10"), clock_.now());
  EXPECT_FALSE(prices_.manages_any());
  ASSERT_TRUE(prices_.chase(cid("b"), chase_policy()).ok());
  EXPECT_TRUE(prices_.manages_any());
  EXPECT_EQ(prices_.next_deadline(), at_seconds(kStart + 5));

  at(4.999);
  EXPECT_TRUE(venue_.commands.empty());
  at(5);
  EXPECT_EQ(limits_sent(), (std::vector<std::string>{"10.01"}));
  EXPECT_EQ(prices_.next_deadline(), at_seconds(kStart + 10));
  at(10);
  at(15);
  EXPECT_EQ(limits_sent(), (std::vector<std::string>{"10.01", "10.02", "10.03"}));
  EXPECT_EQ(risk_.checks.back().second, RiskAction::kModify);
  EXPECT_EQ(venue_.count(Kind::kCancel), 0u);
  at(20);
  EXPECT_EQ(venue_.count(Kind::kCancel), 1u);
  EXPECT_EQ(order("b").status, OrderStatus::kPendingCancel);
  EXPECT_FALSE(prices_.is_chasing(cid("b")));
  EXPECT_FALSE(prices_.manages_any());
  EXPECT_EQ(prices_.next_deadline(), Timestamp::max());
}

TEST_F(PriceManagerTest, SellChaseMovesDownAndStopsAtTheTouch) {
  working(limit_order("s", Side::kSell, 100, "10.10"));
  prices_.on_quote("AAPL", px("10.05"), px("10.12"), clock_.now());
  ChasePolicy policy = chase_policy();
  policy.ticks = 3;
  policy.max_distance = px("0.50");
  ASSERT_TRUE(prices_.chase(cid("s"), policy).ok());
  at(5);   // 10.07
  at(10);  // 10.04 would cross the bid 10.05: stops at the touch
  at(15);  // at the touch already: nothing
  EXPECT_EQ(limits_sent(), (std::vector<std::string>{"10.07", "10.05"}));
  prices_.on_quote("AAPL", px("9.98"), px("10.01"), clock_.now());
  at(20);
  EXPECT_EQ(limits_sent(), (std::vector<std::string>{"10.07", "10.05", "10.02"}));
}

TEST_F(PriceManagerTest, MaxDistanceIsClampedToWholeTicks) {
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  ChasePolicy policy = chase_policy();
  policy.ticks = 2;
  policy.max_distance = px("0.035");
  ASSERT_TRUE(prices_.chase(cid("b"), policy).ok());
  at(5);
  at(10);
  at(15);
  EXPECT_EQ(limits_sent(), (std::vector<std::string>{"10.02", "10.03"}));
  EXPECT_EQ(venue_.count(Kind::kCancel), 1u);
}

TEST_F(PriceManagerTest, ExhaustedChaseConvertsWhatIsLeftToMarketAfterTheCancel) {
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  ASSERT_TRUE(prices_.chase(cid("b"), chase_policy(ChaseExhausted::kMarket)).ok());
  for (int t = 5; t <= 15; t += 5)
    at(t);
  feed(execution("b", "e1", Side::kBuy, 30, "10.03"));
  at(20);
  ASSERT_EQ(venue_.count(Kind::kCancel), 1u);
  EXPECT_EQ(venue_.count(Kind::kSubmit), 0u);  // not before the cancel is confirmed
  feed(status_report("b", VS::kCancelled, 30, 70));
  ASSERT_EQ(venue_.commands.back().kind, Kind::kSubmit);
  const Order& market = venue_.commands.back().order;
  EXPECT_EQ(market.client_order_id, cid("b-mkt"));
  EXPECT_EQ(market.type, OrderType::kMarket);
  EXPECT_EQ(market.quantity, qty(70));
  EXPECT_FALSE(market.limit_price);
  EXPECT_EQ(market.side, Side::kBuy);
}

TEST_F(PriceManagerTest, ConversionToMarketIsDroppedWhenTheOrderFillsInstead) {
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  ASSERT_TRUE(prices_.chase(cid("b"), chase_policy(ChaseExhausted::kMarket)).ok());
  for (int t = 5; t <= 20; t += 5)
    at(t);
  feed(execution("b", "e1", Side::kBuy, 100, "10.03"));
  feed(status_report("b", VS::kCancelled, 100, 0));
  EXPECT_EQ(venue_.count(Kind::kSubmit), 0u);
  EXPECT_FALSE(prices_.is_chasing(cid("b")));
}

TEST_F(PriceManagerTest, ChaseEndsWhenTheOrderFills) {
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  ASSERT_TRUE(prices_.chase(cid("b"), chase_policy()).ok());
  at(5);
  feed(execution("b", "e1", Side::kBuy, 40, "10.01"));
  at(10);  // part filled: the rest is still chased
  feed(execution("b", "e2", Side::kBuy, 60, "10.02"));
  at(15);
  EXPECT_EQ(limits_sent(), (std::vector<std::string>{"10.01", "10.02"}));
  EXPECT_FALSE(prices_.is_chasing(cid("b")));
  EXPECT_EQ(prices_.next_deadline(), Timestamp::max());
}

TEST_F(PriceManagerTest, ChaseRefusesWhatItCannotChase) {
  working(stop_order("stp", Side::kSell, 100, "9.00"));
  EXPECT_FALSE(prices_.chase(cid("stp"), chase_policy()).ok());
  EXPECT_FALSE(prices_.chase(cid("nope"), chase_policy()).ok());
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  ChasePolicy zero = chase_policy();
  zero.ticks = 0;
  EXPECT_FALSE(prices_.chase(cid("b"), zero).ok());
  ASSERT_TRUE(orders_
                  .submit_bracket(limit_order("e", Side::kBuy, 100, "10.00"),
                                  limit_order("tp", Side::kSell, 1, "11.00"),
                                  stop_order("sl", Side::kSell, 1, "9.00"))
                  .ok());
  EXPECT_FALSE(prices_.chase(cid("e"), chase_policy(ChaseExhausted::kMarket)).ok());
  EXPECT_TRUE(prices_.chase(cid("e"), chase_policy(ChaseExhausted::kCancel)).ok());
}

// --- timeouts --------------------------------------------------------------------------------

TEST_F(PriceManagerTest, TimeoutCancelsAnOrderStillOpen) {
  working(limit_order("a", Side::kBuy, 100, "10.00"));
  working(limit_order("b", Side::kBuy, 100, "10.00"));
  ASSERT_TRUE(prices_.set_timeout(cid("a"), 30s).ok());
  ASSERT_TRUE(prices_.set_timeout(cid("b"), 20s).ok());
  EXPECT_EQ(prices_.next_deadline(), at_seconds(kStart + 20));
  feed(execution("b", "e1", Side::kBuy, 100, "10.00"));  // filled: its timeout goes
  EXPECT_EQ(prices_.next_deadline(), at_seconds(kStart + 30));
  EXPECT_TRUE(prices_.manages_any());
  at(29);
  EXPECT_TRUE(venue_.commands.empty());
  at(30);
  ASSERT_EQ(venue_.commands.size(), 1u);
  EXPECT_EQ(venue_.commands[0].kind, Kind::kCancel);
  EXPECT_EQ(venue_.commands[0].id, cid("a"));
  EXPECT_EQ(prices_.next_deadline(), Timestamp::max());
  EXPECT_FALSE(prices_.manages_any());  // both timeouts are gone
}

// --- stops -----------------------------------------------------------------------------------

TEST_F(PriceManagerTest, BreakEvenMovesTheStopOnceThePriceIsOneRAway) {
  working(stop_order("sl", Side::kSell, 100, "98.00"));
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = BreakEvenRule{.trigger_r = Ratio::from_units(1), .offset = {}},
                    .trailing = std::nullopt,
                    .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  prices_.on_quote("AAPL", px("101.99"), px("102.01"), clock_.now());
  EXPECT_TRUE(venue_.commands.empty());
  prices_.on_quote("AAPL", px("102.00"), px("102.02"), clock_.now());
  EXPECT_EQ(stops_sent(), (std::vector<std::string>{"100.00"}));
  prices_.on_quote("AAPL", px("101.00"), px("101.02"), clock_.now());
  prices_.on_quote("AAPL", px("104.00"), px("104.02"), clock_.now());
  EXPECT_EQ(stops_sent().size(), 1u);
  EXPECT_EQ(order("sl").order.stop_price, px("100.00"));
  EXPECT_TRUE(prices_.manages_any());
  feed(status_report("sl", VS::kCancelled, 0, 100));  // finished: its stop is let go
  EXPECT_FALSE(prices_.manages_any());
}

TEST_F(PriceManagerTest, BreakEvenForAShortWithOffsetAndAFractionalTrigger) {
  working(stop_order("sl", Side::kBuy, 100, "52.00"));  // short from 50, R = 2
  StopPolicy policy{
      .entry = px("50.00"),
      .break_even = BreakEvenRule{.trigger_r = *Ratio::parse("1.5"), .offset = px("0.05")},
      .trailing = std::nullopt,
      .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  Bar bar{at_seconds(kStart), px("48"), px("48.5"), px("47.01"), px("47.5"), qty(1000)};
  prices_.on_bar("AAPL", bar, std::nullopt);
  EXPECT_TRUE(venue_.commands.empty());  // low 47.01 > 50 - 3
  bar.low = px("47.00");
  prices_.on_bar("AAPL", bar, std::nullopt);
  EXPECT_EQ(stops_sent(), (std::vector<std::string>{"49.95"}));
}

TEST_F(PriceManagerTest, PercentTrailingOnlyEverMovesUpForALong) {
  working(stop_order("sl", Side::kSell, 100, "95.00"));
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = std::nullopt,
                    .trailing = TrailingRule{.by = TrailBy::kPercent,
                                             .atr_multiple = {},
                                             .percent = *Percent::parse("2")},
                    .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  prices_.on_quote("AAPL", px("100.00"), px("100.02"), clock_.now());  // 98.00
  prices_.on_quote("AAPL", px("105.00"), px("105.02"), clock_.now());  // 102.90
  prices_.on_quote("AAPL", px("103.00"), px("103.02"), clock_.now());  // best is still 105
  prices_.on_quote("AAPL", px("99.00"), px("99.02"), clock_.now());    // falling: no move
  prices_.on_quote("AAPL", px("105.55"), px("105.57"), clock_.now());  // 103.439 -> 103.43
  EXPECT_EQ(stops_sent(), (std::vector<std::string>{"98.00", "102.90", "103.43"}));
}

TEST_F(PriceManagerTest, PercentTrailingOnlyEverMovesDownForAShort) {
  working(stop_order("sl", Side::kBuy, 100, "105.00"));
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = std::nullopt,
                    .trailing = TrailingRule{.by = TrailBy::kPercent,
                                             .atr_multiple = {},
                                             .percent = *Percent::parse("1")},
                    .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  prices_.on_quote("AAPL", px("98.98"), px("99.00"), clock_.now());   // 99.99
  prices_.on_quote("AAPL", px("99.98"), px("100.00"), clock_.now());  // up: no move
  prices_.on_quote("AAPL", px("97.48"), px("97.50"), clock_.now());   // 98.475 -> 98.48
  EXPECT_EQ(stops_sent(), (std::vector<std::string>{"99.99", "98.48"}));
}

TEST_F(PriceManagerTest, AtrTrailingUsesTheLatestAtrAndNeverLoosens) {
  working(stop_order("sl", Side::kSell, 100, "95.00"));
  StopPolicy policy{
      .entry = px("100.00"),
      .break_even = std::nullopt,
      .trailing =
          TrailingRule{.by = TrailBy::kAtr, .atr_multiple = Ratio::from_units(2), .percent = {}},
      .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  Bar bar{at_seconds(kStart), px("100"), px("105"), px("99"), px("104"), qty(1000)};
  prices_.on_bar("AAPL", bar, std::nullopt);  // no ATR yet: nothing to trail by
  EXPECT_TRUE(venue_.commands.empty());
  prices_.on_bar("AAPL", bar, 1.5);  // 105 - 3 = 102
  bar.high = px("104");
  prices_.on_bar("AAPL", bar, 2.0);  // 105 - 4 = 101: looser, not sent
  bar.high = px("108");
  bar.close = px("107");
  prices_.on_bar("AAPL", bar, std::nullopt);  // latest ATR 2.0: 108 - 4 = 104
  EXPECT_EQ(stops_sent(), (std::vector<std::string>{"102.00", "104.00"}));
}

TEST_F(PriceManagerTest, StopIsNotMovedThroughTheMarket) {
  working(stop_order("sl", Side::kSell, 100, "95.00"));
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = std::nullopt,
                    .trailing = TrailingRule{.by = TrailBy::kPercent,
                                             .atr_multiple = {},
                                             .percent = *Percent::parse("1")},
                    .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  // The bar ran to 110 and closed at 100: a stop at 108.90 would trigger at once.
  prices_.on_bar("AAPL", Bar{at_seconds(kStart), px("100"), px("110"), px("99"), px("100"), qty(1)},
                 std::nullopt);
  EXPECT_TRUE(venue_.commands.empty());
}

TEST_F(PriceManagerTest, StopLimitKeepsItsLimitOffset) {
  Order stop_limit = stop_order("sl", Side::kSell, 100, "98.00");
  stop_limit.type = OrderType::kStopLimit;
  stop_limit.limit_price = px("97.80");
  working(stop_limit);
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = BreakEvenRule{},
                    .trailing = std::nullopt,
                    .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  prices_.on_quote("AAPL", px("102.50"), px("102.52"), clock_.now());
  ASSERT_EQ(venue_.commands.size(), 1u);
  EXPECT_EQ(venue_.commands[0].order.stop_price, px("100.00"));
  EXPECT_EQ(venue_.commands[0].order.limit_price, px("99.80"));
}

TEST_F(PriceManagerTest, DeniedStopMoveIsTriedAgainOnTheNextPrice) {
  working(stop_order("sl", Side::kSell, 100, "98.00"));
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = BreakEvenRule{},
                    .trailing = std::nullopt,
                    .tick_size = px("0.01")};
  ASSERT_TRUE(prices_.manage_stop(cid("sl"), policy).ok());
  risk_.rule = [](const Order&, RiskAction) {
    return RiskDecision::deny(DenialReason::kOrderRate, "busy");
  };
  prices_.on_quote("AAPL", px("102.50"), px("102.52"), clock_.now());
  EXPECT_TRUE(venue_.commands.empty());
  risk_.rule = nullptr;
  prices_.on_quote("AAPL", px("101.00"), px("101.02"), clock_.now());
  EXPECT_EQ(stops_sent(), (std::vector<std::string>{"100.00"}));
}

TEST_F(PriceManagerTest, ManageStopRefusesWhatItCannotManage) {
  working(limit_order("lmt", Side::kSell, 100, "101.00"));
  StopPolicy policy{.entry = px("100.00"),
                    .break_even = BreakEvenRule{},
                    .trailing = std::nullopt,
                    .tick_size = px("0.01")};
  EXPECT_FALSE(prices_.manage_stop(cid("lmt"), policy).ok());
  working(stop_order("at-entry", Side::kSell, 100, "100.00"));
  EXPECT_FALSE(prices_.manage_stop(cid("at-entry"), policy).ok());  // R = 0
}

}  // namespace
}  // namespace ibtrade::engine
