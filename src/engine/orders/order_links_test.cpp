// Brackets and OCA groups: exits sized by the entry's fills, one-cancels-all by reduction.
#include <gtest/gtest.h>

#include "engine/orders/order_manager.hpp"
#include "engine/orders/order_test_fakes.hpp"

namespace ibtrade::engine {
namespace {

using namespace order_fakes;  // NOLINT(google-build-using-namespace): test builders
using Kind = FakeVenue::Kind;
using VS = VenueOrderState;

class BracketTest : public ManagerFixture {
 protected:
  // Buy 100 @ 10.00, take profit 11.00, stop loss 9.50; the entry acknowledged as working.
  void bracket(const std::string& prefix = "") {
    const CommandResult result =
        manager_.submit_bracket(limit_order(prefix + "entry", Side::kBuy, 100, "10.00"),
                                limit_order(prefix + "tp", Side::kSell, 1, "11.00"),
                                stop_order(prefix + "sl", Side::kSell, 1, "9.50"));
    ASSERT_EQ(result.status, CommandStatus::kAccepted);
    feed(status_report(prefix + "entry", VS::kSubmitted, 0, 100));
  }
  void fill(const std::string& id, const std::string& exec, Side side, std::int64_t quantity) {
    feed(execution(id, exec, side, quantity, "10.00"));
  }
  // The quantities sent for `id`, in order (submit and modify commands).
  std::vector<std::int64_t> sizes_sent(const std::string& id) {
    std::vector<std::int64_t> out;
    for (const auto& c : venue_.commands) {
      if (c.id == cid(id) && c.kind != Kind::kCancel) {
        out.push_back(c.order.quantity.raw() / kFixedScale);
      }
    }
    return out;
  }
  bool cancel_sent(const std::string& id) {
    for (const auto& c : venue_.commands) {
      if (c.id == cid(id) && c.kind == Kind::kCancel) return true;
    }
    return false;
  }
};

TEST_F(BracketTest, ExitsAreHeldUntilTheEntryFills) {
  bracket();
  ASSERT_EQ(venue_.commands.size(), 1u);
  EXPECT_EQ(venue_.commands[0].id, cid("entry"));
  EXPECT_EQ(status("tp"), OrderStatus::kInitialized);
  EXPECT_EQ(status("sl"), OrderStatus::kInitialized);
  EXPECT_EQ(order("tp").order.parent_id, cid("entry"));
  EXPECT_EQ(manager_.open_order_count(), 3u);
  EXPECT_EQ(manager_.open_quantity("AAPL", Side::kSell), qty(0));  // held exits don't count
  EXPECT_EQ(risk_.checks.size(), 1u);                              // only the entry so far
}

TEST_F(BracketTest, ExitsAreSentAtTheFirstFillAndGrowWithTheEntry) {
  bracket();
  fill("entry", "e1", Side::kBuy, 40);
  EXPECT_EQ(status("tp"), OrderStatus::kPendingSubmit);
  EXPECT_EQ(status("sl"), OrderStatus::kPendingSubmit);
  EXPECT_EQ(sizes_sent("tp"), (std::vector<std::int64_t>{40}));
  EXPECT_EQ(sizes_sent("sl"), (std::vector<std::int64_t>{40}));
  feed(status_report("tp", VS::kSubmitted, 0, 40));
  feed(status_report("sl", VS::kPreSubmitted, 0, 40));

  fill("entry", "e2", Side::kBuy, 30);
  fill("entry", "e3", Side::kBuy, 30);
  EXPECT_EQ(sizes_sent("tp"), (std::vector<std::int64_t>{40, 70, 100}));
  EXPECT_EQ(sizes_sent("sl"), (std::vector<std::int64_t>{40, 70, 100}));
  EXPECT_EQ(venue_.count(Kind::kModify), 4u);
  EXPECT_EQ(order("tp").order.quantity, order("entry").filled);
  EXPECT_EQ(order("sl").order.quantity, order("entry").filled);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(BracketTest, EntryCancelledAfterAPartialFillLeavesExitsAtTheFilledQuantity) {
  bracket();
  fill("entry", "e1", Side::kBuy, 40);
  ASSERT_EQ(manager_.cancel(cid("entry")).status, CommandStatus::kAccepted);
  feed(status_report("entry", VS::kCancelled, 40, 60));
  EXPECT_EQ(status("entry"), OrderStatus::kCancelled);
  EXPECT_EQ(status("tp"), OrderStatus::kPendingSubmit);
  EXPECT_EQ(order("tp").order.quantity, qty(40));
  EXPECT_EQ(order("sl").order.quantity, qty(40));
  EXPECT_FALSE(cancel_sent("tp"));
  EXPECT_FALSE(cancel_sent("sl"));
}

TEST_F(BracketTest, EntryFillRacingItsCancelStillGrowsTheExits) {
  bracket();
  fill("entry", "e1", Side::kBuy, 40);
  ASSERT_EQ(manager_.cancel(cid("entry")).status, CommandStatus::kAccepted);
  fill("entry", "e2", Side::kBuy, 20);
  feed(status_report("entry", VS::kCancelled, 60, 40));
  EXPECT_EQ(order("tp").order.quantity, qty(60));
  EXPECT_EQ(order("sl").order.quantity, qty(60));
}

TEST_F(BracketTest, EntryEndingUnfilledDropsTheHeldExits) {
  bracket();
  ASSERT_EQ(manager_.cancel(cid("entry")).status, CommandStatus::kAccepted);
  feed(status_report("entry", VS::kCancelled, 0, 100));
  EXPECT_EQ(status("tp"), OrderStatus::kCancelled);
  EXPECT_EQ(status("sl"), OrderStatus::kCancelled);
  EXPECT_EQ(venue_.commands.size(), 2u);  // the entry's submit and cancel only
  EXPECT_EQ(manager_.open_order_count(), 0u);

  bracket("r");
  feed(rejection("rentry", /*order_is_dead=*/true));
  EXPECT_EQ(status("rtp"), OrderStatus::kCancelled);
  EXPECT_EQ(status("rsl"), OrderStatus::kCancelled);
}

TEST_F(BracketTest, TakeProfitPartialFillShrinksTheStopLoss) {
  bracket();
  fill("entry", "e1", Side::kBuy, 100);
  fill("tp", "t1", Side::kSell, 30);
  EXPECT_EQ(status("tp"), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(sizes_sent("sl"), (std::vector<std::int64_t>{100, 70}));
  EXPECT_EQ(order("tp").order.quantity, qty(100));
  fill("tp", "t2", Side::kSell, 20);
  EXPECT_EQ(sizes_sent("sl"), (std::vector<std::int64_t>{100, 70, 50}));
}

TEST_F(BracketTest, StopLossFillCancelsTheTakeProfit) {
  bracket();
  fill("entry", "e1", Side::kBuy, 100);
  fill("tp", "t1", Side::kSell, 30);
  fill("sl", "s1", Side::kSell, 70);
  EXPECT_EQ(status("sl"), OrderStatus::kFilled);
  EXPECT_TRUE(cancel_sent("tp"));
  EXPECT_EQ(status("tp"), OrderStatus::kPendingCancel);
  feed(status_report("tp", VS::kCancelled, 30, 70));
  EXPECT_EQ(status("tp"), OrderStatus::kCancelled);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(BracketTest, ExitCompletingWhileTheEntryWorksCancelsTheEntryRemainder) {
  bracket();
  fill("entry", "e1", Side::kBuy, 40);
  fill("sl", "s1", Side::kSell, 40);
  EXPECT_TRUE(cancel_sent("tp"));
  EXPECT_TRUE(cancel_sent("entry"));
  EXPECT_EQ(status("entry"), OrderStatus::kPendingCancel);
}

TEST_F(BracketTest, CancelAllCancelsWorkingOrdersAndDropsHeldExits) {
  bracket();
  bracket("b");
  fill("bentry", "e1", Side::kBuy, 10);
  venue_.take();
  risk_.rule = [](const Order&, RiskAction) {
    return RiskDecision::deny(DenialReason::kHalted, "halted");
  };
  const std::size_t cancelled = manager_.cancel_all();
  EXPECT_EQ(cancelled, 6u);  // entry, tp, sl dropped; bentry, btp, bsl cancelled
  EXPECT_EQ(status("tp"), OrderStatus::kCancelled);
  EXPECT_EQ(status("sl"), OrderStatus::kCancelled);
  EXPECT_EQ(status("entry"), OrderStatus::kPendingCancel);
  EXPECT_EQ(status("btp"), OrderStatus::kPendingCancel);
  EXPECT_EQ(venue_.count(Kind::kCancel), 4u);
  EXPECT_FALSE(cancel_sent("tp"));
  EXPECT_EQ(manager_.cancel_all(), 0u);  // nothing left to do
}

TEST_F(BracketTest, ExitDeniedByRiskAtActivationIsReported) {
  risk_.rule = [](const Order& o, RiskAction) {
    return o.client_order_id == cid("sl") ? RiskDecision::deny(DenialReason::kOrderRate, "busy")
                                          : RiskDecision::allow();
  };
  bracket();
  fill("entry", "e1", Side::kBuy, 40);
  EXPECT_EQ(status("sl"), OrderStatus::kDenied);
  EXPECT_EQ(order("sl").last_decision.reason, DenialReason::kOrderRate);
  EXPECT_EQ(status("tp"), OrderStatus::kPendingSubmit);
  ASSERT_EQ(listener_.errors.size(), 1u);
  EXPECT_EQ(listener_.errors[0].id, cid("sl"));
}

TEST_F(BracketTest, SubmitBracketIsIdempotentAndRefusesReusedIds) {
  const Order entry = limit_order("entry", Side::kBuy, 100, "10.00");
  const Order tp = limit_order("tp", Side::kSell, 1, "11.00");
  const Order sl = stop_order("sl", Side::kSell, 1, "9.50");
  ASSERT_EQ(manager_.submit_bracket(entry, tp, sl).status, CommandStatus::kAccepted);
  EXPECT_EQ(manager_.submit_bracket(entry, tp, sl).status, CommandStatus::kUnchanged);
  EXPECT_EQ(venue_.count(Kind::kSubmit), 1u);
  const CommandResult reused =
      manager_.submit_bracket(limit_order("other", Side::kBuy, 5, "10.00"), tp, sl);
  EXPECT_EQ(reused.decision.reason, DenialReason::kDuplicateOrderId);
  EXPECT_EQ(manager_.find(cid("other")), nullptr);
}

TEST_F(BracketTest, InvalidBracketIsDeniedWhole) {
  const CommandResult same_side = manager_.submit_bracket(
      limit_order("entry", Side::kBuy, 100, "10.00"), limit_order("tp", Side::kBuy, 1, "11.00"),
      stop_order("sl", Side::kSell, 1, "9.50"));
  EXPECT_EQ(same_side.decision.reason, DenialReason::kInvalidOrder);
  EXPECT_EQ(status("entry"), OrderStatus::kDenied);
  EXPECT_EQ(status("tp"), OrderStatus::kDenied);
  EXPECT_EQ(status("sl"), OrderStatus::kDenied);
  EXPECT_TRUE(venue_.commands.empty());
}

TEST_F(BracketTest, ExitQuantityCannotBeModifiedButItsPricesCan) {
  bracket();
  EXPECT_EQ(manager_.modify(cid("sl"), {.quantity = qty(5)}).decision.reason,
            DenialReason::kInvalidOrder);
  EXPECT_EQ(manager_.modify(cid("sl"), {.stop_price = px("9.60")}).status,
            CommandStatus::kAccepted);
  EXPECT_EQ(order("sl").order.stop_price, px("9.60"));
  EXPECT_EQ(venue_.count(Kind::kModify), 0u);  // held: changed locally
  fill("entry", "e1", Side::kBuy, 10);
  EXPECT_EQ(venue_.commands.back().order.stop_price, px("9.60"));
}

TEST_F(BracketTest, PlainSubmitOfAChildIsDenied) {
  Order child = limit_order("c", Side::kSell, 1, "11.00");
  child.parent_id = cid("p");
  EXPECT_EQ(manager_.submit(child).decision.reason, DenialReason::kInvalidOrder);
}

// --- general OCA groups ----------------------------------------------------------------------

TEST_F(BracketTest, OcaGroupOfThreeReducesByFillsAndCancelsOnACompleteFill) {
  for (const char* id : {"a", "b", "c"}) {
    Order order = limit_order(id, Side::kSell, 100, "11.00");
    order.oca_group = "exit-aapl";
    ASSERT_EQ(manager_.submit(order).status, CommandStatus::kAccepted);
    feed(status_report(id, VS::kSubmitted, 0, 100));
  }
  fill("a", "x1", Side::kSell, 30);
  EXPECT_EQ(sizes_sent("a"), (std::vector<std::int64_t>{100}));
  EXPECT_EQ(sizes_sent("b"), (std::vector<std::int64_t>{100, 70}));
  EXPECT_EQ(sizes_sent("c"), (std::vector<std::int64_t>{100, 70}));
  fill("b", "x2", Side::kSell, 20);
  EXPECT_EQ(sizes_sent("a"), (std::vector<std::int64_t>{100, 80}));
  EXPECT_EQ(sizes_sent("c"), (std::vector<std::int64_t>{100, 70, 50}));
  fill("b", "x3", Side::kSell, 50);
  EXPECT_EQ(status("b"), OrderStatus::kFilled);
  EXPECT_TRUE(cancel_sent("a"));
  EXPECT_TRUE(cancel_sent("c"));
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(BracketTest, ReductionThatLosesTheRaceIsBookedAndReported) {
  for (const char* id : {"a", "b"}) {
    Order order = limit_order(id, Side::kSell, 100, "11.00");
    order.oca_group = "g";
    ASSERT_TRUE(manager_.submit(order).ok());
  }
  fill("a", "x1", Side::kSell, 60);  // b is reduced to 40 ...
  fill("b", "x2", Side::kSell, 50);  // ... but had already filled 50 at the venue
  EXPECT_EQ(order("b").filled, qty(50));
  EXPECT_EQ(status("b"), OrderStatus::kFilled);
  EXPECT_FALSE(listener_.errors.empty());
}

TEST_F(BracketTest, ReductionDeniedByRiskFallsBackToCancel) {
  for (const char* id : {"a", "b"}) {
    Order order = limit_order(id, Side::kSell, 100, "11.00");
    order.oca_group = "g";
    ASSERT_TRUE(manager_.submit(order).ok());
  }
  risk_.rule = [](const Order&, RiskAction action) {
    return action == RiskAction::kModify ? RiskDecision::deny(DenialReason::kOrderRate, "busy")
                                         : RiskDecision::allow();
  };
  fill("a", "x1", Side::kSell, 60);
  EXPECT_TRUE(cancel_sent("b"));
  EXPECT_EQ(listener_.errors.size(), 1u);
}

}  // namespace
}  // namespace ibtrade::engine
