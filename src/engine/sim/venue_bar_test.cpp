// The bar-mode rules of the simulated venue, end to end through its messages.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/sim/sim_test_support.hpp"
#include "engine/sim/simulated_venue.hpp"

namespace ibtrade::engine {
namespace {

using namespace sim_test;
using namespace std::chrono_literals;
using State = VenueOrderState;

std::vector<std::int64_t> fill_sizes(const Recorder& r, std::string_view id) {
  std::vector<std::int64_t> out;
  for (const auto& f : r.fills(id))
    out.push_back(f.quantity.raw() / kFixedScale);
  return out;
}

SimulatedVenueConfig volume_share(std::int64_t percent) {
  SimulatedVenueConfig config;
  config.max_volume_share = Percent::from_units(percent);
  return config;
}

TEST(SimVenueBar, MarketOrderFillsAtTheNextBarsOpen) {
  Harness h;
  h.submit_at(minute(0) + 30s, market("a", Side::kBuy, 10));
  h.venue.on_bar("AAPL", bar(0, "49", "52", "48", "51"));  // started before the order arrived
  EXPECT_TRUE(h.recorder.fills("a").empty());
  h.feed(bar(1, "51.20", "52", "50", "51"));
  ASSERT_EQ(h.recorder.fills("a").size(), 1u);
  EXPECT_EQ(h.recorder.fills("a")[0].price, px("51.20"));
  EXPECT_EQ(h.recorder.fills("a")[0].time, minute(1));
}

// Orders that fill in a bar leave their symbol's queue in the same pass, from its middle and its
// end; the ones left keep their time priority for the next bar (which has room for one only),
// and a cancel still finds them there.
TEST(SimVenueBar, OrdersFilledInABarLeaveTheQueueAndTheRestKeepTheirPriority) {
  Harness h(volume_share(10));
  h.submit_at(minute(0), limit("a", Side::kBuy, 10, "48"));
  h.submit_at(minute(0), limit("b", Side::kBuy, 10, "50"));
  h.submit_at(minute(0), limit("c", Side::kBuy, 10, "47"));
  h.submit_at(minute(0), limit("d", Side::kBuy, 10, "50"));
  h.feed(bar(1, "51", "52", "49.50", "50"));  // reaches b and d only
  EXPECT_EQ(fill_sizes(h.recorder, "b"), std::vector<std::int64_t>{10});
  EXPECT_EQ(fill_sizes(h.recorder, "d"), std::vector<std::int64_t>{10});
  EXPECT_TRUE(h.recorder.fills("a").empty());
  EXPECT_TRUE(h.recorder.fills("c").empty());
  EXPECT_EQ(h.venue.open_orders(), 2u);
  h.feed(bar(2, "46", "47", "45", "46", 100));  // room for 10 shares: the older order takes them
  EXPECT_EQ(fill_sizes(h.recorder, "a"), std::vector<std::int64_t>{10});
  EXPECT_TRUE(h.recorder.fills("c").empty());
  EXPECT_EQ(h.venue.open_orders(), 1u);
  h.cancel_at(minute(2) + 30s, "c");
  h.venue.advance_to(minute(3));
  EXPECT_EQ(h.recorder.last_state("c"), State::kCancelled);
  EXPECT_EQ(h.venue.open_orders(), 0u);
  h.feed(bar(3, "40", "41", "39", "40"));  // nothing left to fill
  EXPECT_TRUE(h.recorder.fills("c").empty());
  EXPECT_EQ(h.recorder.rejects("c").size(), 0u);
}

TEST(SimVenueBar, LimitBuyFillsAtTheOpenWhenTheBarOpensBelowIt) {
  Harness h;
  h.submit_at(minute(0), limit("a", Side::kBuy, 10, "50"));
  h.feed(bar(1, "49.50", "50.50", "49", "50"));
  EXPECT_EQ(h.recorder.fills("a").at(0).price, px("49.50"));
}

TEST(SimVenueBar, LimitExactlyAtTheExtremeFillsOnlyOnTouch) {
  for (const bool touch : {false, true}) {
    SimulatedVenueConfig config;
    config.fill_on_touch = touch;
    Harness h(config);
    h.submit_at(minute(0), limit("buy", Side::kBuy, 10, "49"));
    h.submit_at(minute(0), limit("sell", Side::kSell, 10, "51"));
    h.feed(bar(1, "50", "51", "49", "50.50"));
    EXPECT_EQ(h.recorder.fills("buy").size(), touch ? 1u : 0u) << touch;
    EXPECT_EQ(h.recorder.fills("sell").size(), touch ? 1u : 0u) << touch;
    if (touch) {
      EXPECT_EQ(h.recorder.fills("buy")[0].price, px("49"));
      EXPECT_EQ(h.recorder.fills("sell")[0].price, px("51"));
    }
  }
}

TEST(SimVenueBar, GapThroughAStopFillsAtTheOpen) {
  Harness h;
  h.submit_at(minute(0), stop("protect", Side::kSell, 10, "48"));
  h.feed(bar(1, "46", "47", "45", "46.50"));
  const auto f = h.recorder.fills("protect");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].price, px("46"));
  EXPECT_EQ(h.recorder.states("protect"), (std::vector{State::kPendingSubmit, State::kPreSubmitted,
                                                       State::kSubmitted, State::kFilled}));
}

TEST(SimVenueBar, StopLimitThatTriggersButDoesNotFill) {
  Harness h;
  h.submit_at(minute(0), stop_limit("sl", Side::kBuy, 10, "50", "50.10"));
  h.feed(bar(1, "50.50", "51", "50.20", "50.80"));  // elected at the open, never back to 50.10
  EXPECT_EQ(h.recorder.states("sl"),
            (std::vector{State::kPendingSubmit, State::kPreSubmitted, State::kSubmitted}));
  EXPECT_TRUE(h.recorder.fills("sl").empty());
  h.feed(bar(2, "50.60", "50.70", "50", "50.30"));  // a resting buy limit at 50.10 now
  ASSERT_EQ(h.recorder.fills("sl").size(), 1u);
  EXPECT_EQ(h.recorder.fills("sl")[0].price, px("50.10"));
}

TEST(SimVenueBar, TrailingStopFollowsARisingMarketThenTriggers) {
  Harness h;
  h.submit_at(minute(0), trail_amount("t", Side::kSell, 10, "1"));
  h.feed(bar(1, "100", "103", "99.50", "102.50"));      // stop 99 -> 102
  h.feed(bar(2, "102.80", "105", "102.60", "104.50"));  // stop -> 104
  EXPECT_TRUE(h.recorder.fills("t").empty());
  h.feed(bar(3, "104.20", "104.40", "101", "101.50"));
  ASSERT_EQ(h.recorder.fills("t").size(), 1u);
  EXPECT_EQ(h.recorder.fills("t")[0].price, px("104"));
  EXPECT_EQ(h.recorder.fills("t")[0].time, minute(3));
  EXPECT_EQ(h.recorder.states("t").at(2), State::kSubmitted);
}

TEST(SimVenueBar, SlippageGoesAgainstTheTaker) {
  SimulatedVenueConfig config;
  config.slippage_ticks = 3;
  Harness h(config);
  h.submit_at(minute(0), market("buy", Side::kBuy, 1));
  h.submit_at(minute(0), market("sell", Side::kSell, 1));
  h.submit_at(minute(0), stop("stop-sell", Side::kSell, 1, "49.50"));
  h.submit_at(minute(0), stop("stop-buy", Side::kBuy, 1, "50.50"));
  h.submit_at(minute(0), limit("limit", Side::kBuy, 1, "49.80"));
  h.feed(bar(1, "50", "51", "49", "50"));
  EXPECT_EQ(h.recorder.fills("buy").at(0).price, px("50.03"));
  EXPECT_EQ(h.recorder.fills("sell").at(0).price, px("49.97"));
  EXPECT_EQ(h.recorder.fills("stop-sell").at(0).price, px("49.47"));
  EXPECT_EQ(h.recorder.fills("stop-buy").at(0).price, px("50.53"));
  EXPECT_EQ(h.recorder.fills("limit").at(0).price, px("49.80"));
}

TEST(SimVenueBar, PartialFillsTakeAShareOfEachBarsVolume) {
  Harness h(volume_share(10));
  h.submit_at(minute(0), market("a", Side::kBuy, 250));
  h.feed(bar(1, "50", "51", "49", "50", 1000));
  h.feed(bar(2, "51", "52", "50", "51", 1000));
  h.feed(bar(3, "52", "53", "51", "52", 1000));
  EXPECT_EQ(fill_sizes(h.recorder, "a"), (std::vector<std::int64_t>{100, 100, 50}));
  const auto s = h.recorder.statuses("a");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[2].state, State::kSubmitted);
  EXPECT_EQ(s[2].filled, qty(100));
  EXPECT_EQ(s[2].remaining, qty(150));
  EXPECT_EQ(s[3].average_fill_price, px("50.50"));
  EXPECT_EQ(s[4].state, State::kFilled);
  EXPECT_EQ(s[4].average_fill_price, px("50.80"));  // (100*50 + 100*51 + 50*52) / 250
  EXPECT_EQ(h.recorder.all<CommissionUpdate>().size(), 3u);
}

// The average is shown as IB shows it, without trailing zeros: a first fill's own price (at 50.00
// shown as 50, at 50.50 as 50.5), and the exact average of several.
TEST(SimVenueBar, AverageFillPriceIsShownWithoutTrailingZeros) {
  Harness h(volume_share(10));
  h.submit_at(minute(0), market("a", Side::kBuy, 200));
  h.feed(bar(1, "50.00", "51.00", "49.00", "50.00", 1000));
  h.feed(bar(2, "50.50", "51.00", "50.00", "50.50", 1000));
  const auto s = h.recorder.statuses("a");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].average_fill_price.to_string(), "0");
  EXPECT_EQ(s[2].average_fill_price.to_string(), "50");
  EXPECT_EQ(s[3].average_fill_price.to_string(), "50.25");
  Harness g;
  g.submit_at(minute(0), market("b", Side::kBuy, 10));
  g.feed(bar(1, "50.50", "51.00", "49.00", "50.00"));
  EXPECT_EQ(g.recorder.statuses("b").back().average_fill_price.to_string(), "50.5");
}

TEST(SimVenueBar, TheVolumeShareIsSharedInArrivalOrderAndRoundedToLots) {
  SimulatedVenueConfig config = volume_share(10);
  config.lot_size = qty(100);
  Harness h(config);
  h.submit_at(minute(0), market("first", Side::kBuy, 150));
  h.submit_at(minute(0), market("second", Side::kSell, 100));
  h.feed(bar(1, "50", "51", "49", "50", 1999));  // 199.9 -> 100
  EXPECT_EQ(fill_sizes(h.recorder, "first"), (std::vector<std::int64_t>{100}));
  EXPECT_TRUE(fill_sizes(h.recorder, "second").empty());
  h.feed(bar(2, "50", "51", "49", "50", 2500));  // 250 -> 200
  EXPECT_EQ(fill_sizes(h.recorder, "first"), (std::vector<std::int64_t>{100, 50}));
  EXPECT_EQ(fill_sizes(h.recorder, "second"), (std::vector<std::int64_t>{100}));
}

TEST(SimVenueBar, ZeroVolumeBarFillsNothingAndTriggersNothing) {
  Harness h;
  h.submit_at(minute(0), market("m", Side::kBuy, 10));
  h.submit_at(minute(0), stop("s", Side::kSell, 10, "49"));
  h.feed(bar(1, "50", "51", "48", "50", 0));
  EXPECT_TRUE(h.recorder.fills("m").empty());
  EXPECT_EQ(h.recorder.last_state("s"), State::kPreSubmitted);
  h.feed(bar(2, "50.20", "51", "50", "50.50", 10));
  EXPECT_EQ(h.recorder.fills("m").at(0).price, px("50.20"));
  EXPECT_EQ(h.recorder.last_state("s"), State::kPreSubmitted);
}

TEST(SimVenueBar, IocTakesWhatTheNextBarAllowsAndCancelsTheRest) {
  Harness h(volume_share(10));
  h.submit_at(minute(0), limit("ioc", Side::kBuy, 100, "51", TimeInForce::kIoc));
  h.submit_at(minute(0), limit("miss", Side::kBuy, 100, "40", TimeInForce::kIoc));
  h.feed(bar(1, "50", "51", "49", "50", 500));
  EXPECT_EQ(fill_sizes(h.recorder, "ioc"), (std::vector<std::int64_t>{50}));
  const auto ioc = h.recorder.statuses("ioc").back();
  EXPECT_EQ(ioc.state, State::kCancelled);
  EXPECT_EQ(ioc.filled, qty(50));
  EXPECT_EQ(ioc.remaining, qty(50));
  EXPECT_EQ(ioc.reason, "IOC remainder cancelled");
  EXPECT_EQ(h.recorder.last_state("miss"), State::kCancelled);
  EXPECT_TRUE(h.recorder.fills("miss").empty());
  EXPECT_EQ(h.venue.open_orders(), 0u);
}

TEST(SimVenueBar, DayOrdersExpireAtTheCloseGtcStays) {
  Harness h(volume_share(10));
  h.submit_at(minute(0), limit("day", Side::kBuy, 10, "40"));
  h.submit_at(minute(0), limit("gtc", Side::kBuy, 10, "40", TimeInForce::kGtc));
  h.submit_at(minute(0), market("partial", Side::kBuy, 300));
  h.submit_at(minute(0), stop("day-stop", Side::kSell, 10, "30"));
  h.feed(bar(1, "50", "51", "49", "50", 1000));
  h.clock.advance_to(minute(2));
  h.venue.on_session_close("AAPL", px("50.25"), minute(2));
  for (const char* id : {"day", "day-stop"}) {
    EXPECT_EQ(h.recorder.last_state(id), State::kCancelled) << id;
    EXPECT_EQ(h.recorder.statuses(id).back().reason, "DAY order expired at the session close");
    EXPECT_EQ(h.recorder.statuses(id).back().time, minute(2));
  }
  const auto partial = h.recorder.statuses("partial").back();
  EXPECT_EQ(partial.state, State::kCancelled);
  EXPECT_EQ(partial.filled, qty(100));
  EXPECT_EQ(partial.remaining, qty(200));
  EXPECT_EQ(h.recorder.last_state("gtc"), State::kSubmitted);
  EXPECT_EQ(h.venue.open_orders(), 1u);
}

TEST(SimVenueBar, MocAndLocFillAtTheClose) {
  Harness h(volume_share(10));
  h.submit_at(minute(0), on_close("moc", Side::kBuy, 5000));
  h.submit_at(minute(0), on_close("loc-yes", Side::kBuy, 10, "50.30"));
  h.submit_at(minute(0), on_close("loc-no", Side::kSell, 10, "50.30"));
  h.feed(bar(1, "49", "52", "48", "50", 1000));  // bars don't touch them
  EXPECT_TRUE(h.recorder.fills("moc").empty());
  h.clock.advance_to(minute(2));
  h.venue.on_session_close("AAPL", px("50.25"), minute(2));
  // The closing auction is not capped by bar volume.
  EXPECT_EQ(fill_sizes(h.recorder, "moc"), (std::vector<std::int64_t>{5000}));
  EXPECT_EQ(h.recorder.fills("moc")[0].price, px("50.25"));
  EXPECT_EQ(h.recorder.fills("moc")[0].time, minute(2));
  EXPECT_EQ(h.recorder.fills("loc-yes").at(0).price, px("50.25"));
  EXPECT_TRUE(h.recorder.fills("loc-no").empty());
  EXPECT_EQ(h.recorder.last_state("loc-no"), State::kCancelled);
  EXPECT_EQ(h.recorder.statuses("loc-no").back().reason, "LOC limit not reached at the close");
}

TEST(SimVenueBar, OpgOrdersMeetOnlyTheOpeningBar) {
  Harness h;
  h.submit_at(minute(0), market("opg", Side::kBuy, 10, TimeInForce::kOpg));
  h.submit_at(minute(0), limit("opg-miss", Side::kBuy, 10, "49", TimeInForce::kOpg));
  h.feed(bar(1, "50", "51", "48", "50"));  // no session open announced: not the opening bar
  EXPECT_TRUE(h.recorder.fills("opg").empty());
  h.venue.on_session_open("AAPL", minute(2));
  h.feed(bar(2, "50.40", "51", "48", "50"));
  EXPECT_EQ(h.recorder.fills("opg").at(0).price, px("50.40"));
  // The limit is below the opening price: not filled at the open, so cancelled, although the
  // bar later trades through it.
  EXPECT_TRUE(h.recorder.fills("opg-miss").empty());
  EXPECT_EQ(h.recorder.statuses("opg-miss").back().reason, "OPG order not filled at the open");
  // One that arrives after the opening bar waits for the next session's.
  h.submit_at(minute(2) + 30s, market("late", Side::kSell, 10, TimeInForce::kOpg));
  h.feed(bar(3, "50", "51", "48", "50"));
  EXPECT_TRUE(h.recorder.fills("late").empty());
  h.venue.on_session_open("AAPL", minute(4));
  h.feed(bar(4, "49.90", "51", "48", "50"));
  EXPECT_EQ(h.recorder.fills("late").at(0).price, px("49.90"));
}

TEST(SimVenueBar, OrdersOfOtherSymbolsAreUntouched) {
  Harness h;
  h.submit_at(minute(0), market("a", Side::kBuy, 10));
  h.feed(bar(1, "10", "11", "9", "10"), "MSFT");
  EXPECT_TRUE(h.recorder.fills("a").empty());
  EXPECT_EQ(h.recorder.last_state("a"), State::kSubmitted);
  h.feed(bar(2, "50", "51", "49", "50"));
  EXPECT_EQ(h.recorder.fills("a").at(0).price, px("50"));
}

TEST(SimVenueBar, TickModeIgnoresBars) {
  Harness h(tick_mode());
  h.submit_at(minute(0), market("a", Side::kBuy, 10));
  h.feed(bar(1, "50", "51", "49", "50"));
  EXPECT_TRUE(h.recorder.fills("a").empty());
}

// The simulation loop sends bars by handle: the same messages as by name, also when handles
// of several symbols are interleaved and orders arrive between bars.
TEST(SimVenueBar, BarsByHandleSayWhatBarsByNameSay) {
  Harness by_name;
  Harness by_handle;
  const SimulatedVenue::SymbolHandle aapl = by_handle.venue.symbol_handle("AAPL");
  const SimulatedVenue::SymbolHandle msft = by_handle.venue.symbol_handle("MSFT");
  for (Harness* h : {&by_name, &by_handle}) {
    h->submit_at(minute(0), market("a", Side::kBuy, 10));
    h->submit_at(minute(0), limit("b", Side::kSell, 5, "10.50"));
    h->submit_at(minute(0),
                 make_order("c", Side::kBuy, OrderType::kMarket, 10, TimeInForce::kIoc, "MSFT"));
  }
  for (int i = 1; i <= 3; ++i) {
    const Bar aapl_bar = bar(i, "50", "51", "49", "50.50");
    const Bar msft_bar = bar(i, "10", "11", "9", "10.20");
    by_name.clock.advance_to(aapl_bar.time);
    by_handle.clock.advance_to(aapl_bar.time);
    by_name.venue.on_bar("AAPL", aapl_bar);
    by_name.venue.on_bar("MSFT", msft_bar);
    by_handle.venue.on_bar(aapl, aapl_bar);
    by_handle.venue.on_bar(msft, msft_bar);
  }
  EXPECT_EQ(by_handle.recorder.fills("a").size(), 1u);
  EXPECT_EQ(by_handle.recorder.fills("c").size(), 1u);
  EXPECT_EQ(by_handle.recorder.messages, by_name.recorder.messages);
}

TEST(SimVenueBar, BadDataByHandleNamesTheSymbol) {
  Harness h;
  const SimulatedVenue::SymbolHandle aapl = h.venue.symbol_handle("AAPL");
  h.venue.on_bar(aapl, bar(2, "50", "51", "49", "50"));
  try {
    h.venue.on_bar(aapl, bar(1, "50", "51", "49", "50"));
    ADD_FAILURE() << "a bar earlier than the last was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "market data for AAPL went back in time");
  }
  Bar inverted = bar(3, "50", "51", "49", "50");
  inverted.high = px("48");
  try {
    h.venue.on_bar(aapl, inverted);
    ADD_FAILURE() << "a bad bar was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("bad bar for AAPL: ", 0), 0u) << e.what();
  }
}

// Every way a bar can be malformed is refused, each bar on its own: the venue's check of every bar
// must agree with is_valid_bar.
TEST(SimVenueBar, RefusesEveryMalformedBar) {
  const Bar good = bar(1, "50", "51", "49", "50");
  std::vector<Bar> bad(6, good);
  bad[0].high = px("48");   // high below low (and below open and close)
  bad[1].open = px("52");   // open above high
  bad[2].open = px("48");   // open below low
  bad[3].close = px("52");  // close above high
  bad[4].close = px("48");  // close below low
  bad[5].volume = Quantity::from_units(-1);
  for (const Bar& malformed : bad) {
    ASSERT_FALSE(is_valid_bar(malformed));
    Harness h;
    const SimulatedVenue::SymbolHandle aapl = h.venue.symbol_handle("AAPL");
    EXPECT_THROW(h.venue.on_bar(aapl, malformed), std::invalid_argument);
    EXPECT_THROW(h.venue.on_bar("AAPL", malformed), std::invalid_argument);
  }
  Harness h;
  EXPECT_NO_THROW(h.venue.on_bar("AAPL", good));
}

// The venue writes each report into the message it sent the one before: a reason must not
// stay from an earlier report, whether the sink moved the message or copied it.
TEST(SimVenueBar, EachReportCarriesOnlyItsOwnFields) {
  for (const bool copying_sink : {false, true}) {
    std::vector<VenueMessage> messages;
    VenueSink sink = [&messages](VenueMessage&& message) {
      messages.push_back(std::move(message));
    };
    if (copying_sink) {
      sink = [&messages](const VenueMessage& message) { messages.push_back(message); };
    }
    TestClock clock{minute(0)};
    FlatCommission commission;
    SimulatedVenue venue(sink, clock, commission);
    venue.submit(limit("ioc", Side::kBuy, 10, "40", TimeInForce::kIoc));  // cancelled unfilled
    venue.submit(market("day", Side::kBuy, 20));
    venue.on_bar("AAPL", bar(1, "50", "51", "49", "50"));
    std::vector<OrderStatusReport> statuses;
    for (const VenueMessage& message : messages) {
      if (const auto* status = std::get_if<OrderStatusReport>(&message))
        statuses.push_back(*status);
    }
    ASSERT_EQ(statuses.size(), 6u) << copying_sink;
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_TRUE(statuses[i].reason.empty()) << copying_sink << " " << i;
    }
    EXPECT_EQ(statuses[4].client_order_id.value(), "ioc");
    EXPECT_EQ(statuses[4].state, State::kCancelled);
    EXPECT_EQ(statuses[4].reason, "IOC remainder cancelled");
    EXPECT_EQ(statuses[5].client_order_id.value(), "day");
    EXPECT_EQ(statuses[5].state, State::kFilled);
    EXPECT_EQ(statuses[5].filled, qty(20));
    EXPECT_EQ(statuses[5].remaining, qty(0));
    EXPECT_TRUE(statuses[5].reason.empty()) << copying_sink;
    const auto fills = std::count_if(messages.begin(), messages.end(), [](const auto& m) {
      return std::holds_alternative<ExecutionReport>(m);
    });
    EXPECT_EQ(fills, 1);
  }
}

}  // namespace
}  // namespace ibtrade::engine
