// The tick-mode rules of the simulated venue: quotes and prints instead of bars.
#include <gtest/gtest.h>

#include "engine/sim/sim_test_support.hpp"
#include "engine/sim/simulated_venue.hpp"

namespace ibtrade::engine {
namespace {

using namespace sim_test;
using namespace std::chrono_literals;
using State = VenueOrderState;

Quote quote(Timestamp at, std::string_view bid, std::string_view ask, std::int64_t bid_size = 100,
            std::int64_t ask_size = 100) {
  return Quote{ConId{}, at, px(bid), px(ask), qty(bid_size), qty(ask_size)};
}
Trade print(Timestamp at, std::string_view price, std::int64_t size = 100) {
  return Trade{ConId{}, at, px(price), qty(size)};
}

struct TickHarness : Harness {
  TickHarness() : Harness(tick_mode()) {}
  explicit TickHarness(SimulatedVenueConfig config) : Harness(std::move(config)) {}
  void quote_at(const Quote& q) {
    if (clock.now() < q.time) clock.advance_to(q.time);
    venue.on_quote("AAPL", q);
  }
  void trade_at(const Trade& t) {
    if (clock.now() < t.time) clock.advance_to(t.time);
    venue.on_trade("AAPL", t);
  }
};

TEST(SimVenueTick, MarketOrderTakesTheTouchUpToItsSize) {
  TickHarness h;
  h.quote_at(quote(at_s(1), "9.99", "10.01", 100, 60));
  h.submit_at(at_s(2), market("buy", Side::kBuy, 100));
  h.venue.advance_to(at_s(2));  // arrives and meets the book as it stands
  ASSERT_EQ(h.recorder.fills("buy").size(), 1u);
  EXPECT_EQ(h.recorder.fills("buy")[0].price, px("10.01"));
  EXPECT_EQ(h.recorder.fills("buy")[0].quantity, qty(60));
  EXPECT_EQ(h.recorder.fills("buy")[0].time, at_s(2));
  // The rest waits for the next quote.
  h.quote_at(quote(at_s(3), "10", "10.02", 100, 500));
  ASSERT_EQ(h.recorder.fills("buy").size(), 2u);
  EXPECT_EQ(h.recorder.fills("buy")[1].price, px("10.02"));
  EXPECT_EQ(h.recorder.fills("buy")[1].quantity, qty(40));
  EXPECT_EQ(h.recorder.last_state("buy"), State::kFilled);
}

TEST(SimVenueTick, SellsTakeTheBidAndSizeLimitCanBeLifted) {
  SimulatedVenueConfig config = tick_mode();
  config.limit_to_displayed_size = false;
  TickHarness h(config);
  h.quote_at(quote(at_s(1), "9.99", "10.01", 10, 10));
  h.submit_at(at_s(2), market("sell", Side::kSell, 1000));
  h.venue.advance_to(at_s(2));
  ASSERT_EQ(h.recorder.fills("sell").size(), 1u);
  EXPECT_EQ(h.recorder.fills("sell")[0].price, px("9.99"));
  EXPECT_EQ(h.recorder.fills("sell")[0].quantity, qty(1000));
}

TEST(SimVenueTick, OurFillsUseUpTheQuotedSize) {
  TickHarness h;
  h.submit_at(at_s(0), market("first", Side::kBuy, 70));
  h.submit_at(at_s(0), market("second", Side::kBuy, 70));
  h.quote_at(quote(at_s(1), "9.99", "10.01", 100, 100));
  EXPECT_EQ(h.recorder.fills("first").at(0).quantity, qty(70));
  EXPECT_EQ(h.recorder.fills("second").at(0).quantity, qty(30));
}

TEST(SimVenueTick, LimitFillsWhenTheQuoteCrossesOrAPrintGoesThrough) {
  TickHarness h;
  h.quote_at(quote(at_s(1), "9.99", "10.01"));
  h.submit_at(at_s(2), limit("cross", Side::kBuy, 10, "10"));
  h.submit_at(at_s(2), limit("print", Side::kBuy, 10, "9.95"));
  h.submit_at(at_s(2), limit("touch", Side::kBuy, 10, "9.94"));
  h.venue.advance_to(at_s(2));
  EXPECT_TRUE(h.recorder.fills("cross").empty());
  h.quote_at(quote(at_s(3), "9.97", "9.99"));  // the offer comes down through 10
  EXPECT_EQ(h.recorder.fills("cross").at(0).price, px("9.99"));
  h.trade_at(print(at_s(4), "9.94", 30));  // through 9.95, only touching 9.94
  EXPECT_EQ(h.recorder.fills("print").at(0).price, px("9.95"));
  EXPECT_EQ(h.recorder.fills("print").at(0).quantity, qty(10));
  EXPECT_TRUE(h.recorder.fills("touch").empty());
}

TEST(SimVenueTick, StopsTriggerOnPrintsNotQuotes) {
  TickHarness h;
  h.quote_at(quote(at_s(1), "9.99", "10.01"));
  h.submit_at(at_s(2), stop("s", Side::kBuy, 10, "10.05"));
  h.venue.advance_to(at_s(2));
  h.quote_at(quote(at_s(3), "10.06", "10.08"));  // quotes above the stop do not elect it
  EXPECT_EQ(h.recorder.last_state("s"), State::kPreSubmitted);
  h.trade_at(print(at_s(4), "10.07"));
  EXPECT_EQ(h.recorder.states("s"), (std::vector{State::kPendingSubmit, State::kPreSubmitted,
                                                 State::kSubmitted, State::kFilled}));
  EXPECT_EQ(h.recorder.fills("s").at(0).price, px("10.08"));  // the offer when elected
}

TEST(SimVenueTick, TrailingStopTracksPrints) {
  TickHarness h;
  h.submit_at(at_s(0), trail_amount("t", Side::kSell, 10, "0.50"));
  h.venue.advance_to(at_s(0));
  for (const auto& [second, price] : std::vector<std::pair<int, std::string_view>>{
           {1, "10"}, {2, "10.40"}, {3, "10.20"}, {4, "10.80"}, {5, "10.40"}}) {
    h.trade_at(print(at_s(second), price));
  }
  EXPECT_TRUE(h.recorder.fills("t").empty());  // stop at 10.30
  h.trade_at(print(at_s(6), "10.30"));
  ASSERT_EQ(h.recorder.fills("t").size(), 1u);
  EXPECT_EQ(h.recorder.fills("t")[0].price, px("10.30"));  // no quotes: the print is the price
}

TEST(SimVenueTick, IocMeetsTheBookOnArrivalOnly) {
  TickHarness h;
  h.quote_at(quote(at_s(1), "9.99", "10.01", 100, 40));
  h.submit_at(at_s(2), market("ioc", Side::kBuy, 100, TimeInForce::kIoc));
  h.venue.advance_to(at_s(2));
  EXPECT_EQ(h.recorder.fills("ioc").at(0).quantity, qty(40));
  EXPECT_EQ(h.recorder.statuses("ioc").back().state, State::kCancelled);
  EXPECT_EQ(h.recorder.statuses("ioc").back().remaining, qty(60));
}

TEST(SimVenueTick, OpgFillsAtTheOpeningPrint) {
  TickHarness h;
  h.submit_at(at_s(0), market("opg", Side::kBuy, 10000, TimeInForce::kOpg));
  h.venue.on_session_open("AAPL", at_s(1));
  h.quote_at(quote(at_s(2), "9.99", "10.01"));
  EXPECT_TRUE(h.recorder.fills("opg").empty());
  h.trade_at(print(at_s(3), "10", 5));
  EXPECT_EQ(h.recorder.fills("opg").at(0).price, px("10"));
  EXPECT_EQ(h.recorder.fills("opg").at(0).quantity, qty(10000));  // auctions are not capped
}

TEST(SimVenueTick, ModifiedLimitMeetsTheBookAgain) {
  TickHarness h;
  h.quote_at(quote(at_s(1), "9.99", "10.01"));
  h.submit_at(at_s(2), limit("a", Side::kBuy, 10, "9.90"));
  h.modify_at(at_s(3), limit("a", Side::kBuy, 10, "10.05"));
  h.venue.advance_to(at_s(3));
  EXPECT_EQ(h.recorder.fills("a").at(0).price, px("10.01"));
  EXPECT_EQ(h.recorder.fills("a").at(0).time, at_s(3));
}

TEST(SimVenueTick, BarModeIgnoresTicks) {
  Harness h;
  h.submit_at(at_s(0), market("a", Side::kBuy, 10));
  h.venue.on_quote("AAPL", quote(at_s(1), "9.99", "10.01"));
  h.venue.on_trade("AAPL", print(at_s(2), "10"));
  EXPECT_TRUE(h.recorder.fills("a").empty());
  EXPECT_EQ(h.recorder.last_state("a"), State::kSubmitted);
}

}  // namespace
}  // namespace ibtrade::engine
