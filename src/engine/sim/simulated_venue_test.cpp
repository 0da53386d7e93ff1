#include "engine/sim/simulated_venue.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/fees/ibkr_fixed.hpp"
#include "engine/sim/sim_test_support.hpp"

namespace ibtrade::engine {
namespace {

using namespace sim_test;
using namespace std::chrono_literals;
using State = VenueOrderState;

OrderStatusReport report(std::string id, std::int64_t broker, State state, std::int64_t filled,
                         std::int64_t remaining, std::string_view average, Timestamp at,
                         std::string reason = {}) {
  return OrderStatusReport{ClientOrderId{std::move(id)},
                           BrokerOrderId{broker},
                           state,
                           qty(filled),
                           qty(remaining),
                           px(average),
                           std::move(reason),
                           at};
}

TEST(SimVenueMessages, MarketOrderSequenceLikeIb) {
  Harness h;
  h.submit_at(minute(0) + 10s, market("a", Side::kBuy, 100));
  h.venue.advance_to(minute(0) + 10s);
  h.feed(bar(1, "50", "51", "49", "50.5"));
  const auto& m = h.recorder.messages;
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(std::get<OrderStatusReport>(m[0]),
            report("a", 1, State::kPendingSubmit, 0, 100, "0", minute(0) + 10s));
  EXPECT_EQ(std::get<OrderStatusReport>(m[1]),
            report("a", 1, State::kSubmitted, 0, 100, "0", minute(0) + 10s));
  const auto& exec = std::get<ExecutionReport>(m[2]);
  EXPECT_EQ(exec.broker_order_id, BrokerOrderId{1});
  EXPECT_EQ(exec.fill.client_order_id, ClientOrderId{"a"});
  EXPECT_EQ(exec.fill.symbol, "AAPL");
  EXPECT_EQ(exec.fill.side, Side::kBuy);
  EXPECT_EQ(exec.fill.quantity, qty(100));
  EXPECT_EQ(exec.fill.price, px("50"));
  EXPECT_EQ(exec.fill.commission, Money{});  // IB-style: the commission comes separately
  EXPECT_EQ(exec.fill.time, minute(1));
  EXPECT_EQ(std::get<OrderStatusReport>(m[3]),
            report("a", 1, State::kFilled, 100, 0, "50", minute(1)));
  const auto& fee = std::get<CommissionUpdate>(m[4]);
  EXPECT_EQ(fee.execution_id, exec.fill.execution_id);
  EXPECT_EQ(fee.commission, usd("1"));
  EXPECT_EQ(fee.time, minute(1));
  ASSERT_EQ(h.commission.inputs.size(), 1u);
  EXPECT_EQ(h.commission.inputs[0].time, minute(1));
  EXPECT_EQ(h.commission.inputs[0].quantity, qty(100));
  EXPECT_EQ(h.venue.open_orders(), 0u);
}

TEST(SimVenueMessages, StopWaitsPreSubmittedUntilElected) {
  Harness h;
  h.submit_at(minute(0), stop("s", Side::kSell, 10, "49.50"));
  h.feed(bar(1, "50", "51", "49.80", "50.5"));
  EXPECT_EQ(h.recorder.states("s"), (std::vector{State::kPendingSubmit, State::kPreSubmitted}));
  h.feed(bar(2, "50", "50.2", "49", "49.2"));
  EXPECT_EQ(h.recorder.states("s"), (std::vector{State::kPendingSubmit, State::kPreSubmitted,
                                                 State::kSubmitted, State::kFilled}));
  EXPECT_EQ(h.recorder.fills("s").at(0).price, px("49.50"));
}

TEST(SimVenueMessages, BrokerIdsAreIncrementalAndExecutionIdsUnique) {
  SimulatedVenueConfig config;
  config.first_broker_order_id = 1001;
  Harness h(config);
  h.submit_at(minute(0), market("a", Side::kBuy, 1));
  h.submit_at(minute(0), market("b", Side::kSell, 1));
  h.submit_at(minute(0), limit("c", Side::kBuy, 1, "1"));
  h.feed(bar(1, "50", "51", "49", "50.5"));
  EXPECT_EQ(h.recorder.statuses("a").front().broker_order_id, BrokerOrderId{1001});
  EXPECT_EQ(h.recorder.statuses("b").front().broker_order_id, BrokerOrderId{1002});
  EXPECT_EQ(h.recorder.statuses("c").front().broker_order_id, BrokerOrderId{1003});
  const auto a = h.recorder.fills("a").at(0).execution_id;
  const auto b = h.recorder.fills("b").at(0).execution_id;
  EXPECT_NE(a, b);
  // Run, sequence, correction, like IB's, short enough for the string's inline buffer.
  EXPECT_EQ(a.value().size(), std::string("e0d5.0000001.01").size()) << a.value();
  EXPECT_EQ(a.value().substr(4, 1), ".");
  EXPECT_EQ(a.value().substr(12), ".01");
}

TEST(SimVenueMessages, CommissionReportingModes) {
  struct Case {
    CommissionReporting mode;
    Money in_fill;
    std::size_t updates;
  };
  for (const auto& c : {Case{CommissionReporting::kSeparate, Money{}, 1},
                        Case{CommissionReporting::kInFill, usd("1"), 0},
                        Case{CommissionReporting::kBoth, usd("1"), 1}}) {
    SimulatedVenueConfig config;
    config.commission_reporting = c.mode;
    Harness h(config);
    h.submit_at(minute(0), market("a", Side::kBuy, 1));
    h.feed(bar(1, "50", "51", "49", "50.5"));
    EXPECT_EQ(h.recorder.fills("a").at(0).commission, c.in_fill);
    EXPECT_EQ(h.recorder.all<CommissionUpdate>().size(), c.updates);
  }
}

TEST(SimVenueMessages, LatencyStampsEveryLeg) {
  Harness h({}, nullptr, std::make_unique<FixedLatency>(2s, 300ms));
  h.submit_at(minute(0) + 10s, market("a", Side::kBuy, 1));
  h.feed(bar(1, "50", "51", "49", "50.5"));
  const auto statuses = h.recorder.statuses("a");
  ASSERT_EQ(statuses.size(), 3u);
  EXPECT_EQ(statuses[0].time, minute(0) + 10s);          // PendingSubmit: when sent
  EXPECT_EQ(statuses[1].time, minute(0) + 12s + 300ms);  // Submitted: arrival + response
  EXPECT_EQ(statuses[2].time, minute(1) + 300ms);        // Filled: bar start + response
  EXPECT_EQ(h.recorder.fills("a").at(0).time, minute(1) + 300ms);
}

TEST(SimVenueMessages, OrdersMatchOnlyOnceArrived) {
  Harness h({}, nullptr, std::make_unique<FixedLatency>(2s, 0s));
  h.submit_at(minute(1) - 1s, market("a", Side::kBuy, 1));  // arrives at minute 1 + 1 s
  h.feed(bar(1, "50", "51", "49", "50.5"));
  EXPECT_TRUE(h.recorder.fills("a").empty());
  EXPECT_EQ(h.recorder.last_state("a"), State::kPendingSubmit);
  h.feed(bar(2, "52", "53", "51", "52.5"));
  ASSERT_EQ(h.recorder.fills("a").size(), 1u);
  EXPECT_EQ(h.recorder.fills("a")[0].price, px("52"));
}

TEST(SimVenueMessages, ArrivalAtTheBarStartCounts) {
  Harness h;
  h.submit_at(minute(1), market("a", Side::kBuy, 1));
  h.feed(bar(1, "50", "51", "49", "50.5"));
  ASSERT_EQ(h.recorder.fills("a").size(), 1u);
  EXPECT_EQ(h.recorder.fills("a")[0].price, px("50"));
}

TEST(SimVenueMessages, CommandsWaitForTimeToReachThem) {
  Harness h({}, nullptr, std::make_unique<FixedLatency>(5s, 0s));
  h.submit_at(minute(0), limit("a", Side::kBuy, 1, "10"));
  EXPECT_EQ(h.venue.next_arrival(), minute(0) + 5s);
  EXPECT_EQ(h.venue.next_arrival_time(), minute(0) + 5s);
  h.venue.advance_to(minute(0) + 4s);
  EXPECT_EQ(h.recorder.states("a"), (std::vector{State::kPendingSubmit}));
  h.venue.advance_to(minute(0) + 5s);
  EXPECT_EQ(h.recorder.states("a"), (std::vector{State::kPendingSubmit, State::kSubmitted}));
  EXPECT_FALSE(h.venue.next_arrival());
  EXPECT_EQ(h.venue.next_arrival_time(), Timestamp::max());
}

// Commands queued behind one another come off in order, each when its time comes, also when
// more are sent while some are still in flight (the FIFO never drains in between).
TEST(SimVenueMessages, CommandsInFlightArriveInOrder) {
  Harness h({}, nullptr, std::make_unique<FixedLatency>(10s, 0s));
  for (int i = 0; i < 40; ++i) {
    h.submit_at(minute(0) + std::chrono::seconds(i),
                limit("o" + std::to_string(i), Side::kBuy, 1, "10"));
    if (i >= 10) h.venue.advance_to(minute(0) + std::chrono::seconds(i));
    // Each arrives 10 s after it was sent; those sent by i - 10 s have arrived.
    ASSERT_EQ(h.venue.next_arrival_time(), minute(0) + std::chrono::seconds(i < 10 ? 10 : i + 1))
        << i;
    ASSERT_EQ(h.venue.next_arrival(), h.venue.next_arrival_time());
  }
  h.venue.advance_to(minute(1));
  EXPECT_FALSE(h.venue.next_arrival());
  std::vector<std::string> submitted;
  for (const auto& status : h.recorder.all<OrderStatusReport>()) {
    if (status.state == State::kSubmitted) submitted.push_back(status.client_order_id.value());
  }
  ASSERT_EQ(submitted.size(), 40u);
  for (int i = 0; i < 40; ++i)
    EXPECT_EQ(submitted[static_cast<std::size_t>(i)], "o" + std::to_string(i));
}

TEST(SimVenueCommands, DuplicateAndOffTickSubmitsAreRejected) {
  Harness h;
  h.submit_at(minute(0), limit("a", Side::kBuy, 1, "10"));
  h.submit_at(minute(0), limit("a", Side::kBuy, 1, "10"));
  h.submit_at(minute(0), limit("b", Side::kBuy, 1, "10.005"));
  h.venue.advance_to(minute(0));
  const auto dup = h.recorder.rejects("a");
  ASSERT_EQ(dup.size(), 1u);
  EXPECT_EQ(dup[0].code, 103);
  EXPECT_FALSE(dup[0].order_is_dead);
  EXPECT_EQ(h.recorder.last_state("a"), State::kSubmitted);
  const auto tick = h.recorder.rejects("b");
  ASSERT_EQ(tick.size(), 1u);
  EXPECT_EQ(tick[0].code, 110);
  EXPECT_TRUE(tick[0].order_is_dead);
  EXPECT_EQ(h.recorder.states("b"), (std::vector{State::kPendingSubmit}));
  EXPECT_EQ(h.venue.open_orders(), 1u);
}

TEST(SimVenueCommands, PerSymbolTickSize) {
  SimulatedVenueConfig config;
  config.tick_sizes["AAPL"] = px("0.05");
  Harness h(config);
  h.submit_at(minute(0), limit("a", Side::kBuy, 1, "10.01"));
  h.submit_at(minute(0), limit("b", Side::kBuy, 1, "10.05"));
  h.venue.advance_to(minute(0));
  EXPECT_EQ(h.recorder.rejects("a").at(0).code, 110);
  EXPECT_TRUE(h.recorder.rejects("b").empty());
}

TEST(SimVenueCommands, ModifyChangesPriceAndQuantity) {
  Harness h;
  h.submit_at(minute(0), limit("a", Side::kBuy, 100, "9"));
  Order changed = limit("a", Side::kBuy, 150, "9.60");
  h.modify_at(minute(0) + 30s, changed);
  h.venue.advance_to(minute(0) + 30s);
  const auto after = h.recorder.statuses("a").back();
  EXPECT_EQ(after.state, State::kSubmitted);
  EXPECT_EQ(after.remaining, qty(150));
  EXPECT_EQ(after.time, minute(0) + 30s);
  h.feed(bar(1, "10", "10.2", "9.5", "10"));
  ASSERT_EQ(h.recorder.fills("a").size(), 1u);
  EXPECT_EQ(h.recorder.fills("a")[0].price, px("9.60"));
  EXPECT_EQ(h.recorder.fills("a")[0].quantity, qty(150));
}

TEST(SimVenueCommands, ModifyRejections) {
  Harness h;
  h.submit_at(minute(0), market("filled", Side::kBuy, 1));
  h.submit_at(minute(0), limit("cancelled", Side::kBuy, 1, "1"));
  h.submit_at(minute(0), limit("live", Side::kBuy, 10, "1"));
  h.feed(bar(1, "50", "51", "49", "50.5"));
  h.cancel_at(minute(1) + 1s, "cancelled");
  h.modify_at(minute(1) + 2s, market("filled", Side::kBuy, 2));
  h.modify_at(minute(1) + 2s, limit("cancelled", Side::kBuy, 1, "2"));
  h.modify_at(minute(1) + 2s, limit("nobody", Side::kBuy, 1, "2"));
  h.modify_at(minute(1) + 2s, limit("live", Side::kSell, 10, "1"));     // side changed
  h.modify_at(minute(1) + 2s, limit("live", Side::kBuy, 10, "1.001"));  // off tick
  h.venue.advance_to(minute(1) + 2s);
  const auto code_of = [&](std::string_view id, std::size_t i = 0) {
    const auto r = h.recorder.rejects(id);
    EXPECT_GT(r.size(), i) << id;
    if (r.size() <= i) return -1;
    EXPECT_FALSE(r[i].order_is_dead) << id;
    return r[i].code;
  };
  EXPECT_EQ(code_of("filled"), 104);
  EXPECT_EQ(code_of("cancelled"), 104);
  EXPECT_EQ(code_of("nobody"), 135);
  EXPECT_EQ(code_of("live", 0), 105);
  EXPECT_EQ(code_of("live", 1), 110);
  EXPECT_EQ(h.recorder.last_state("live"), State::kSubmitted);
}

// Orders on one symbol may name different contracts (another route, say): the venue keeps each
// order's own, and a modify must name that one.
TEST(SimVenueCommands, ModifyMustNameTheOrdersOwnContract) {
  Harness h;
  Order direct = limit("direct", Side::kBuy, 10, "1");
  direct.contract.exchange = "ISLAND";
  h.submit_at(minute(0), limit("smart", Side::kBuy, 10, "1"));
  h.submit_at(minute(0), direct);
  h.submit_at(minute(0), limit("smart too", Side::kBuy, 10, "1"));
  h.feed(bar(1, "50", "51", "49", "50.5"));
  Order smart_rerouted = limit("smart", Side::kBuy, 10, "2");
  smart_rerouted.contract.exchange = "ISLAND";
  Order direct_repriced = limit("direct", Side::kBuy, 10, "2");
  direct_repriced.contract.exchange = "ISLAND";
  h.modify_at(minute(1) + 1s, smart_rerouted);
  h.modify_at(minute(1) + 1s, direct_repriced);
  h.modify_at(minute(1) + 1s, limit("smart too", Side::kBuy, 10, "2"));
  h.venue.advance_to(minute(1) + 1s);
  ASSERT_EQ(h.recorder.rejects("smart").size(), 1u);
  EXPECT_EQ(h.recorder.rejects("smart")[0].code, 105);
  EXPECT_TRUE(h.recorder.rejects("direct").empty());
  EXPECT_TRUE(h.recorder.rejects("smart too").empty());
}

TEST(SimVenueCommands, ModifyBelowTheFilledQuantityIsRefused) {
  SimulatedVenueConfig config;
  config.max_volume_share = Percent::from_units(10);
  Harness h(config);
  h.submit_at(minute(0), limit("a", Side::kBuy, 300, "60"));
  h.feed(bar(1, "50", "51", "49", "50.5", 1000));  // fills 100
  h.modify_at(minute(1) + 1s, limit("a", Side::kBuy, 100, "60"));
  h.venue.advance_to(minute(1) + 1s);
  ASSERT_EQ(h.recorder.rejects("a").size(), 1u);
  EXPECT_EQ(h.recorder.rejects("a")[0].code, 0);
  h.modify_at(minute(1) + 2s, limit("a", Side::kBuy, 150, "60"));
  h.venue.advance_to(minute(1) + 2s);
  EXPECT_EQ(h.recorder.statuses("a").back().remaining, qty(50));
  h.feed(bar(2, "50", "51", "49", "50.5", 1000));
  EXPECT_EQ(h.recorder.last_state("a"), State::kFilled);
  EXPECT_EQ(h.recorder.statuses("a").back().filled, qty(150));
}

TEST(SimVenueCommands, CancelGoesThroughPendingCancel) {
  Harness h({}, nullptr, std::make_unique<FixedLatency>(1s, 0s));
  h.submit_at(minute(0), limit("a", Side::kBuy, 10, "1"));
  h.venue.advance_to(minute(0) + 1s);
  h.cancel_at(minute(0) + 10s, "a");
  h.venue.advance_to(minute(0) + 11s);
  const auto s = h.recorder.statuses("a");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[2], report("a", 1, State::kPendingCancel, 0, 10, "0", minute(0) + 10s));
  EXPECT_EQ(s[3],
            report("a", 1, State::kCancelled, 0, 10, "0", minute(0) + 11s, "Cancelled by request"));
  EXPECT_EQ(h.venue.open_orders(), 0u);
}

TEST(SimVenueCommands, CancelOfUnknownOrFinishedOrders) {
  Harness h;
  h.submit_at(minute(0), market("a", Side::kBuy, 1));
  h.feed(bar(1, "50", "51", "49", "50.5"));
  h.cancel_at(minute(1) + 1s, "a");
  h.cancel_at(minute(1) + 1s, "nobody");
  h.venue.advance_to(minute(1) + 1s);
  EXPECT_EQ(h.recorder.rejects("a").at(0).code, 10148);
  EXPECT_FALSE(h.recorder.rejects("a").at(0).order_is_dead);
  EXPECT_EQ(h.recorder.rejects("nobody").at(0).code, 10147);
  EXPECT_EQ(h.recorder.last_state("a"), State::kFilled);  // no PendingCancel for a finished order
}

// With 100 ms each way, a cancel sent 50 ms before a bar starts arrives after it: the bar fills
// the order and the cancel is refused. Sent 150 ms before, it wins.
TEST(SimVenueCommands, CancelRacingAFillIsReproducible) {
  for (const auto& [lead, fills] : {std::pair{50ms, true}, std::pair{150ms, false}}) {
    Harness h({}, nullptr, std::make_unique<FixedLatency>(100ms, 100ms));
    h.submit_at(minute(0), limit("a", Side::kBuy, 10, "50"));
    h.venue.advance_to(minute(0) + 1s);
    h.cancel_at(minute(1) - lead, "a");
    h.feed(bar(1, "50.5", "51", "49", "50.5"));
    h.venue.advance_to(minute(2));
    const auto states = h.recorder.states("a");
    if (fills) {
      EXPECT_EQ(states, (std::vector{State::kPendingSubmit, State::kSubmitted,
                                     State::kPendingCancel, State::kFilled}));
      EXPECT_EQ(h.recorder.rejects("a").at(0).code, 10148);
      EXPECT_EQ(h.recorder.rejects("a").at(0).time, minute(1) - lead + 200ms);
    } else {
      EXPECT_EQ(states, (std::vector{State::kPendingSubmit, State::kSubmitted,
                                     State::kPendingCancel, State::kCancelled}));
      EXPECT_TRUE(h.recorder.fills("a").empty());
    }
  }
}

TEST(SimVenueCommands, PartialFillWhileCancelInFlightReportsPendingCancel) {
  SimulatedVenueConfig config;
  config.max_volume_share = Percent::from_units(10);
  Harness h(config, nullptr, std::make_unique<FixedLatency>(2s, 0s));
  h.submit_at(minute(0), market("a", Side::kBuy, 300));
  h.venue.advance_to(minute(0) + 2s);
  h.cancel_at(minute(1) - 1s, "a");  // arrives at minute 1 + 1 s
  h.feed(bar(1, "50", "51", "49", "50.5", 1000));
  h.venue.advance_to(minute(1) + 1s);
  const auto s = h.recorder.statuses("a");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[3], report("a", 1, State::kPendingCancel, 100, 200, "50", minute(1)));
  EXPECT_EQ(s[4], report("a", 1, State::kCancelled, 100, 200, "50", minute(1) + 1s,
                         "Cancelled by request"));
}

TEST(SimVenueCommands, MessageStampsNeverGoBackwards) {
  // A slow first command and a fast second one, a slow first report and fast later ones: both
  // channels keep their order.
  class Slowing final : public LatencyModel {
   public:
    Nanoseconds entry_latency(Timestamp, Rng&) override { return entries_++ == 0 ? 10s : 1s; }
    Nanoseconds response_latency(Timestamp, Rng&) override { return responses_++ == 0 ? 30s : 0s; }

   private:
    int entries_ = 0;
    int responses_ = 0;
  };
  Harness h({}, nullptr, std::make_unique<Slowing>());
  h.submit_at(minute(0), limit("a", Side::kBuy, 1, "1"));
  h.cancel_at(minute(0) + 1s, "a");  // would arrive at 2 s, before the order (10 s)
  EXPECT_EQ(h.venue.next_arrival(), minute(0) + 10s);
  h.venue.advance_to(minute(1));
  // The acknowledgment comes while the cancel is in flight, so it already says PendingCancel.
  EXPECT_EQ(h.recorder.states("a"), (std::vector{State::kPendingSubmit, State::kPendingCancel,
                                                 State::kPendingCancel, State::kCancelled}));
  EXPECT_EQ(h.recorder.statuses("a")[2].time, minute(0) + 40s);
  EXPECT_EQ(h.recorder.statuses("a")[3].time, minute(0) + 40s);  // not 10 s: after the ack
  Timestamp previous = Timestamp::min();
  for (const auto& m : h.recorder.messages) {
    EXPECT_GE(time_of(m), previous);
    previous = time_of(m);
  }
}

TEST(SimVenueCommands, MarketDataBackInTimeIsABug) {
  Harness h;
  h.feed(bar(2, "50", "51", "49", "50.5"));
  EXPECT_THROW(h.venue.on_bar("AAPL", bar(1, "50", "51", "49", "50.5")), std::invalid_argument);
  EXPECT_NO_THROW(h.venue.on_bar("MSFT", bar(1, "50", "51", "49", "50.5")));
  EXPECT_THROW(h.venue.on_bar("AAPL", bar(3, "50", "49", "51", "50.5")), std::invalid_argument);
}

// A venue that keeps one finished order, after "a" and then "b" filled: "a" is forgotten.
void fill_a_then_b_keeping_one(Harness& h) {
  h.submit_at(minute(0), market("a", Side::kBuy, 1));
  h.submit_at(minute(0), market("b", Side::kBuy, 1));
  h.feed(bar(1, "50", "51", "49", "50.5"));
}

SimulatedVenueConfig keeping_one_finished_order() {
  SimulatedVenueConfig config;
  config.finished_orders_kept = 1;
  return config;
}

TEST(SimVenueCommands, FinishedOrdersAreForgottenBeyondTheLimit) {
  Harness h(keeping_one_finished_order());
  fill_a_then_b_keeping_one(h);
  h.cancel_at(minute(1), "a");
  h.cancel_at(minute(1), "b");
  h.venue.advance_to(minute(1));
  EXPECT_EQ(h.recorder.rejects("a").at(0).code, 10147);  // forgotten
  EXPECT_EQ(h.recorder.rejects("b").at(0).code, 10148);
}

// A finished order's slot goes to the next order: nothing of the old one (fills, state, broker
// id, commission totals) leaks into it, and the old id still answers as finished.
TEST(SimVenueCommands, ReusedOrderSlotsStartClean) {
  TestClock clock{minute(0)};
  IbkrFixedConfig fees;
  fees.fees.clear();
  IbkrFixedCommission commission(fees);
  Recorder recorder;
  SimulatedVenue venue(recorder.sink(), clock, commission);
  venue.submit(limit("rest", Side::kBuy, 5, "1"));  // works throughout, never fills
  venue.submit(market("a", Side::kBuy, 100));
  clock.advance_to(minute(1));
  venue.on_bar("AAPL", bar(1, "50", "51", "49", "50.5"));
  venue.submit(limit("b", Side::kSell, 40, "60"));  // takes the slot "a" had
  venue.advance_to(minute(1));
  EXPECT_EQ(recorder.statuses("b").back(),
            report("b", 3, State::kSubmitted, 0, 40, "0", minute(1)));
  clock.advance_to(minute(2));
  venue.on_bar("AAPL", bar(2, "61", "62", "60.5", "61"));
  EXPECT_EQ(recorder.statuses("b").back(), report("b", 3, State::kFilled, 40, 0, "61", minute(2)));
  // Each order pays its own minimum: "b"'s totals did not start from "a"'s.
  const auto fees_charged = recorder.all<CommissionUpdate>();
  ASSERT_EQ(fees_charged.size(), 2u);
  EXPECT_EQ(fees_charged[0].commission, usd("1"));
  EXPECT_EQ(fees_charged[1].commission, usd("1"));
  venue.cancel(ClientOrderId{"a"});
  venue.cancel(ClientOrderId{"rest"});
  venue.advance_to(minute(2));
  EXPECT_EQ(recorder.rejects("a").at(0).code, 10148);
  EXPECT_EQ(recorder.rejects("a").at(0).reason,
            "OrderId a that needs to be cancelled cannot be cancelled, state: Filled");
  EXPECT_EQ(recorder.last_state("rest"), State::kCancelled);
  EXPECT_EQ(venue.open_orders(), 0u);
}

// Once forgotten, an id is new again: a later order may use it.
TEST(SimVenueCommands, ForgottenIdsCanBeSentAgain) {
  Harness h(keeping_one_finished_order());
  fill_a_then_b_keeping_one(h);
  h.submit_at(minute(1), market("a", Side::kSell, 2));
  h.submit_at(minute(1), market("b", Side::kSell, 2));
  h.feed(bar(2, "50", "51", "49", "50.5"));
  EXPECT_TRUE(h.recorder.rejects("a").empty());
  EXPECT_EQ(h.recorder.fills("a").size(), 2u);
  EXPECT_EQ(h.recorder.rejects("b").at(0).code, 103);  // still remembered: a duplicate
  EXPECT_EQ(h.recorder.fills("b").size(), 1u);
}

}  // namespace
}  // namespace ibtrade::engine
