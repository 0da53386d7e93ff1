#include "engine/orders/order_manager.hpp"

#include <gtest/gtest.h>

#include "engine/orders/order_test_fakes.hpp"

namespace ibtrade::engine {
namespace {

using namespace order_fakes;  // NOLINT(google-build-using-namespace): test builders
using Kind = FakeVenue::Kind;
using VS = VenueOrderState;

class OrderManagerTest : public ManagerFixture {
 protected:
  // A buy limit of 100 that the venue has acknowledged as working.
  void working_buy(const std::string& id, std::int64_t quantity = 100) {
    ASSERT_EQ(manager_.submit(limit_order(id, Side::kBuy, quantity, "10.00")).status,
              CommandStatus::kAccepted);
    feed(status_report(id, VS::kSubmitted, 0, quantity));
  }
};

// --- submit ----------------------------------------------------------------------------------

TEST_F(OrderManagerTest, SubmitChecksRiskThenSendsAndReportsPendingSubmit) {
  const Order buy = limit_order("o1", Side::kBuy, 100, "10.00");
  const CommandResult result = manager_.submit(buy);
  EXPECT_EQ(result.status, CommandStatus::kAccepted);
  EXPECT_EQ(result.order_status, OrderStatus::kPendingSubmit);
  ASSERT_EQ(risk_.checks.size(), 1u);
  EXPECT_EQ(risk_.checks[0].second, RiskAction::kSubmit);
  ASSERT_EQ(venue_.commands.size(), 1u);
  EXPECT_EQ(venue_.commands[0].kind, Kind::kSubmit);
  EXPECT_EQ(venue_.commands[0].order, buy);
  ASSERT_EQ(listener_.updates.size(), 1u);
  EXPECT_EQ(listener_.updates[0].previous, OrderStatus::kInitialized);
  EXPECT_EQ(listener_.updates[0].status, OrderStatus::kPendingSubmit);
  EXPECT_EQ(order("o1").created_at, at_seconds(1000));
}

// Narrowed to finishing changes, the listener hears of an order once it fills or is cancelled,
// and of nothing else: not its submit, its working report, nor the commission after its fill.
// Its fills are still booked.
TEST_F(OrderManagerTest, ANarrowedUpdateInterestTellsTheListenerOnlyOfThoseChanges) {
  manager_.set_update_interest(OrderUpdateInterest::kFinishing);
  ASSERT_TRUE(manager_.submit(limit_order("o1", Side::kBuy, 100, "10.00")).ok());
  ASSERT_TRUE(manager_.submit(limit_order("o2", Side::kBuy, 100, "10.00")).ok());
  feed(status_report("o1", VS::kSubmitted, 0, 100));
  feed(execution("o1", "e1", Side::kBuy, 100, "10.00"));
  feed(CommissionUpdate{ExecutionId{"e1"}, Money::from_units(1), at_seconds(0)});
  feed(status_report("o1", VS::kFilled, 100, 0));
  feed(status_report("o2", VS::kCancelled, 0, 100));
  ASSERT_EQ(listener_.updates.size(), 2u);
  EXPECT_EQ(listener_.updates[0].id, cid("o1"));
  EXPECT_EQ(listener_.updates[0].previous, OrderStatus::kSubmitted);
  EXPECT_EQ(listener_.updates[0].status, OrderStatus::kFilled);
  EXPECT_EQ(listener_.updates[1].id, cid("o2"));
  EXPECT_EQ(listener_.updates[1].status, OrderStatus::kCancelled);
  EXPECT_EQ(listener_.fills.size(), 1u);
  EXPECT_EQ(listener_.commissions.size(), 1u);

  manager_.set_update_interest(OrderUpdateInterest::kNone);
  ASSERT_TRUE(manager_.submit(limit_order("o3", Side::kBuy, 100, "10.00")).ok());
  feed(status_report("o3", VS::kCancelled, 0, 100));
  EXPECT_EQ(listener_.updates.size(), 2u);
  EXPECT_EQ(order("o3").status, OrderStatus::kCancelled);
}

TEST_F(OrderManagerTest, SubmitIsIdempotentByClientOrderId) {
  const Order buy = limit_order("o1", Side::kBuy, 100, "10.00");
  ASSERT_EQ(manager_.submit(buy).status, CommandStatus::kAccepted);
  feed(status_report("o1", VS::kSubmitted, 0, 100));
  const CommandResult again = manager_.submit(buy);
  EXPECT_EQ(again.status, CommandStatus::kUnchanged);
  EXPECT_EQ(again.order_status, OrderStatus::kSubmitted);
  EXPECT_EQ(venue_.count(Kind::kSubmit), 1u);
  EXPECT_EQ(risk_.checks.size(), 1u);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, ADraftIsSubmittedLikeTheSameOrder) {
  const Order buy = limit_order("o1", Side::kBuy, 100, "10.00");
  OrderManager::Draft draft = manager_.draft();
  EXPECT_EQ(draft.order(), Order());  // blank
  draft.order() = buy;
  const CommandResult result = manager_.submit(draft);
  EXPECT_EQ(result.status, CommandStatus::kAccepted);
  EXPECT_EQ(result.order_status, OrderStatus::kPendingSubmit);
  ASSERT_EQ(venue_.commands.size(), 1u);
  EXPECT_EQ(venue_.commands[0].order, buy);
  EXPECT_EQ(order("o1").order, buy);
  EXPECT_EQ(manager_.submit(buy).status, CommandStatus::kUnchanged);
}

TEST_F(OrderManagerTest, ADraftThatIsNotKeptIsHandedOutBlankAgain) {
  ASSERT_EQ(manager_.submit(limit_order("o1", Side::kBuy, 100, "10.00")).status,
            CommandStatus::kAccepted);
  // A known id with a different order: denied, and the draft is not recorded.
  OrderManager::Draft duplicate = manager_.draft();
  duplicate.order() = limit_order("o1", Side::kBuy, 200, "10.00");
  const CommandResult denied = manager_.submit(duplicate);
  EXPECT_EQ(denied.status, CommandStatus::kDenied);
  EXPECT_EQ(denied.decision.reason, DenialReason::kDuplicateOrderId);
  EXPECT_EQ(order("o1").order.quantity, Quantity::from_units(100));
  // No id: refused, not recorded.
  OrderManager::Draft nameless = manager_.draft();
  nameless.order() = limit_order("", Side::kBuy, 1, "1");
  EXPECT_EQ(manager_.submit(nameless).decision.reason, DenialReason::kInvalidOrder);
  // The next drafts start blank, and work.
  OrderManager::Draft next = manager_.draft();
  EXPECT_EQ(next.order(), Order());
  next.order() = limit_order("o2", Side::kSell, 50, "11.00");
  EXPECT_EQ(manager_.submit(next).status, CommandStatus::kAccepted);
  EXPECT_EQ(order("o2").order.quantity, Quantity::from_units(50));
  EXPECT_EQ(manager_.open_order_count(), 2u);
}

TEST_F(OrderManagerTest, ResubmitAfterAModifyStillMatchesTheOriginal) {
  const Order buy = limit_order("o1", Side::kBuy, 100, "10.00");
  ASSERT_EQ(manager_.submit(buy).status, CommandStatus::kAccepted);
  ASSERT_EQ(manager_.modify(cid("o1"), {.limit_price = px("10.05")}).status,
            CommandStatus::kAccepted);
  EXPECT_EQ(manager_.submit(buy).status, CommandStatus::kUnchanged);
  EXPECT_EQ(venue_.count(Kind::kSubmit), 1u);
}

TEST_F(OrderManagerTest, DifferentOrderUnderAKnownIdIsDeniedAndTheOriginalKept) {
  ASSERT_EQ(manager_.submit(limit_order("o1", Side::kBuy, 100, "10.00")).status,
            CommandStatus::kAccepted);
  const CommandResult second = manager_.submit(limit_order("o1", Side::kBuy, 200, "10.00"));
  EXPECT_EQ(second.status, CommandStatus::kDenied);
  EXPECT_EQ(second.decision.reason, DenialReason::kDuplicateOrderId);
  EXPECT_EQ(second.order_status, OrderStatus::kPendingSubmit);
  EXPECT_EQ(order("o1").order.quantity, qty(100));
  EXPECT_EQ(venue_.count(Kind::kSubmit), 1u);
  ASSERT_EQ(listener_.errors.size(), 1u);
  EXPECT_EQ(listener_.errors[0].id, cid("o1"));
}

TEST_F(OrderManagerTest, InvalidOrderIsDeniedWithoutAskingRisk) {
  Order bad = limit_order("o1", Side::kBuy, 100, "10.00");
  bad.limit_price.reset();
  const CommandResult result = manager_.submit(bad);
  EXPECT_EQ(result.status, CommandStatus::kDenied);
  EXPECT_EQ(result.decision.reason, DenialReason::kInvalidOrder);
  EXPECT_EQ(status("o1"), OrderStatus::kDenied);
  EXPECT_EQ(order("o1").last_decision.reason, DenialReason::kInvalidOrder);
  EXPECT_TRUE(risk_.checks.empty());
  EXPECT_TRUE(venue_.commands.empty());
  EXPECT_EQ(manager_.open_order_count(), 0u);
}

TEST_F(OrderManagerTest, RiskDenialIsRecordedAndRepeatsIdempotently) {
  risk_.rule = [](const Order&, RiskAction) {
    return RiskDecision::deny(DenialReason::kMaxOrderValue, "too big");
  };
  const Order buy = limit_order("o1", Side::kBuy, 100, "10.00");
  const CommandResult result = manager_.submit(buy);
  EXPECT_EQ(result.status, CommandStatus::kDenied);
  EXPECT_EQ(result.decision.reason, DenialReason::kMaxOrderValue);
  EXPECT_EQ(status("o1"), OrderStatus::kDenied);
  EXPECT_TRUE(venue_.commands.empty());
  ASSERT_EQ(listener_.updates.size(), 1u);
  EXPECT_EQ(listener_.updates[0].status, OrderStatus::kDenied);

  const CommandResult again = manager_.submit(buy);
  EXPECT_EQ(again.status, CommandStatus::kUnchanged);
  EXPECT_EQ(again.order_status, OrderStatus::kDenied);
  EXPECT_EQ(again.decision.reason, DenialReason::kMaxOrderValue);
  EXPECT_EQ(risk_.checks.size(), 1u);
}

TEST_F(OrderManagerTest, OrderWithoutIdIsDeniedAndNotRecorded) {
  const CommandResult result = manager_.submit(limit_order("", Side::kBuy, 1, "1"));
  EXPECT_EQ(result.decision.reason, DenialReason::kInvalidOrder);
  EXPECT_EQ(manager_.find(cid("")), nullptr);
}

// --- modify and cancel -----------------------------------------------------------------------

TEST_F(OrderManagerTest, ModifyGoesThroughRiskAndOutToTheVenue) {
  working_buy("o1");
  venue_.take();
  const CommandResult result =
      manager_.modify(cid("o1"), {.quantity = qty(150), .limit_price = px("10.02")});
  EXPECT_EQ(result.status, CommandStatus::kAccepted);
  EXPECT_EQ(risk_.checks.back().second, RiskAction::kModify);
  EXPECT_EQ(risk_.checks.back().first.quantity, qty(150));
  ASSERT_EQ(venue_.commands.size(), 1u);
  EXPECT_EQ(venue_.commands[0].kind, Kind::kModify);
  EXPECT_EQ(venue_.commands[0].order.limit_price, px("10.02"));
  EXPECT_EQ(order("o1").order.quantity, qty(150));
  EXPECT_EQ(status("o1"), OrderStatus::kSubmitted);
}

TEST_F(OrderManagerTest, ModifyDeniedByRiskLeavesTheOrderAlone) {
  working_buy("o1");
  venue_.take();
  risk_.rule = [](const Order&, RiskAction action) {
    return action == RiskAction::kModify ? RiskDecision::deny(DenialReason::kPriceCollar, "too far")
                                         : RiskDecision::allow();
  };
  const CommandResult result = manager_.modify(cid("o1"), {.limit_price = px("12.00")});
  EXPECT_EQ(result.status, CommandStatus::kDenied);
  EXPECT_EQ(result.decision.reason, DenialReason::kPriceCollar);
  EXPECT_EQ(order("o1").order.limit_price, px("10.00"));
  EXPECT_EQ(order("o1").last_decision.reason, DenialReason::kPriceCollar);
  EXPECT_TRUE(venue_.commands.empty());
}

TEST_F(OrderManagerTest, ModifyRefusedOnFinishedAndUnknownOrders) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 100, "10.00"));
  venue_.take();
  const CommandResult on_filled = manager_.modify(cid("o1"), {.limit_price = px("10.01")});
  EXPECT_EQ(on_filled.status, CommandStatus::kRefused);
  EXPECT_EQ(on_filled.order_status, OrderStatus::kFilled);
  EXPECT_EQ(manager_.modify(cid("nope"), {.limit_price = px("1")}).status, CommandStatus::kRefused);
  EXPECT_TRUE(venue_.commands.empty());
  EXPECT_EQ(listener_.errors.size(), 2u);
}

TEST_F(OrderManagerTest, ModifyBelowTheFilledQuantityIsDenied) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 40, "10.00"));
  venue_.take();
  EXPECT_EQ(manager_.modify(cid("o1"), {.quantity = qty(40)}).decision.reason,
            DenialReason::kInvalidOrder);
  EXPECT_TRUE(venue_.commands.empty());
  EXPECT_EQ(manager_.modify(cid("o1"), {.quantity = qty(41)}).status, CommandStatus::kAccepted);
}

TEST_F(OrderManagerTest, ModifyThatChangesNothingSendsNothing) {
  working_buy("o1");
  venue_.take();
  EXPECT_EQ(manager_.modify(cid("o1"), {.limit_price = px("10.00")}).status,
            CommandStatus::kUnchanged);
  EXPECT_TRUE(venue_.commands.empty());
}

TEST_F(OrderManagerTest, RefusedModifyRestoresTheOrderTheVenueKept) {
  working_buy("o1");
  ASSERT_EQ(manager_.modify(cid("o1"), {.limit_price = px("10.05")}).status,
            CommandStatus::kAccepted);
  feed(rejection("o1", /*order_is_dead=*/false, 105, "does not match"));
  EXPECT_EQ(status("o1"), OrderStatus::kSubmitted);
  EXPECT_EQ(order("o1").order.limit_price, px("10.00"));
  EXPECT_EQ(order("o1").last_reason, "105: does not match");
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, CancelAsksRiskSendsOnceAndIsIdempotentWhilePending) {
  working_buy("o1");
  venue_.take();
  EXPECT_EQ(manager_.cancel(cid("o1")).status, CommandStatus::kAccepted);
  EXPECT_EQ(risk_.checks.back().second, RiskAction::kCancel);
  EXPECT_EQ(status("o1"), OrderStatus::kPendingCancel);
  EXPECT_EQ(manager_.cancel(cid("o1")).status, CommandStatus::kUnchanged);
  EXPECT_EQ(venue_.count(Kind::kCancel), 1u);
  feed(status_report("o1", VS::kCancelled, 0, 100));
  EXPECT_EQ(status("o1"), OrderStatus::kCancelled);
  EXPECT_EQ(manager_.cancel(cid("o1")).status, CommandStatus::kRefused);
  EXPECT_EQ(listener_.errors.size(), 1u);
}

TEST_F(OrderManagerTest, CancelDeniedByRiskKeepsTheOrderWorking) {
  working_buy("o1");
  venue_.take();
  risk_.rule = [](const Order&, RiskAction action) {
    return action == RiskAction::kCancel ? RiskDecision::deny(DenialReason::kCancelRate, "slow")
                                         : RiskDecision::allow();
  };
  const CommandResult result = manager_.cancel(cid("o1"));
  EXPECT_EQ(result.status, CommandStatus::kDenied);
  EXPECT_EQ(result.decision.reason, DenialReason::kCancelRate);
  EXPECT_EQ(status("o1"), OrderStatus::kSubmitted);
  EXPECT_TRUE(venue_.commands.empty());
}

TEST_F(OrderManagerTest, RefusedCancelPutsTheOrderBackToWork) {
  working_buy("o1");
  working_buy("o2");
  feed(execution("o2", "e1", Side::kBuy, 10, "10.00"));
  ASSERT_EQ(manager_.cancel(cid("o1")).status, CommandStatus::kAccepted);
  ASSERT_EQ(manager_.cancel(cid("o2")).status, CommandStatus::kAccepted);
  feed(rejection("o1", /*order_is_dead=*/false, 10148, "cannot cancel"));
  feed(rejection("o2", /*order_is_dead=*/false, 10148, "cannot cancel"));
  EXPECT_EQ(status("o1"), OrderStatus::kSubmitted);
  EXPECT_EQ(status("o2"), OrderStatus::kPartiallyFilled);
}

// --- IB's orderings --------------------------------------------------------------------------

TEST_F(OrderManagerTest, SubmittedReportAfterAPartialFillKeepsPartiallyFilled) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 40, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kPartiallyFilled);
  const std::size_t updates = listener_.updates.size();
  feed(status_report("o1", VS::kSubmitted, 40, 60));
  EXPECT_EQ(status("o1"), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(order("o1").venue_filled, qty(40));
  EXPECT_EQ(listener_.updates.size(), updates);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, DuplicateStatusIsANoOp) {
  working_buy("o1");
  const std::size_t updates = listener_.updates.size();
  feed(status_report("o1", VS::kSubmitted, 0, 100));
  feed(status_report("o1", VS::kSubmitted, 0, 100));
  EXPECT_EQ(status("o1"), OrderStatus::kSubmitted);
  EXPECT_EQ(listener_.updates.size(), updates);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, FillBeforeAnyStatusThenLateStatusesAreTolerated) {
  ASSERT_EQ(manager_.submit(limit_order("o1", Side::kBuy, 100, "10.00")).status,
            CommandStatus::kAccepted);
  feed(execution("o1", "e1", Side::kBuy, 30, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kPartiallyFilled);
  feed(status_report("o1", VS::kPreSubmitted, 0, 100));
  feed(status_report("o1", VS::kSubmitted, 30, 70));
  EXPECT_EQ(status("o1"), OrderStatus::kPartiallyFilled);
  feed(execution("o1", "e2", Side::kBuy, 70, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  feed(status_report("o1", VS::kSubmitted, 30, 70));  // stale
  feed(status_report("o1", VS::kFilled, 100, 0));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, FullFillBeforeAnyStatus) {
  ASSERT_EQ(manager_.submit(limit_order("o1", Side::kBuy, 100, "10.00")).status,
            CommandStatus::kAccepted);
  feed(execution("o1", "e1", Side::kBuy, 100, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  feed(status_report("o1", VS::kPendingSubmit, 0, 100));
  feed(status_report("o1", VS::kFilled, 100, 0));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, CancelRacingAFillEndsCancelledWithTheFillBooked) {
  working_buy("o1");
  ASSERT_EQ(manager_.cancel(cid("o1")).status, CommandStatus::kAccepted);
  feed(execution("o1", "e1", Side::kBuy, 30, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kPendingCancel);
  EXPECT_EQ(order("o1").filled, qty(30));
  feed(status_report("o1", VS::kCancelled, 30, 70));
  EXPECT_EQ(status("o1"), OrderStatus::kCancelled);
  EXPECT_EQ(order("o1").filled, qty(30));
  EXPECT_EQ(listener_.fills.size(), 1u);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, CancelLosingToAFillEndsFilledAndTheCancelledReportIsIgnored) {
  working_buy("o1");
  ASSERT_EQ(manager_.cancel(cid("o1")).status, CommandStatus::kAccepted);
  feed(execution("o1", "e1", Side::kBuy, 100, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  feed(status_report("o1", VS::kCancelled, 100, 0));
  feed(rejection("o1", /*order_is_dead=*/false, 10148, "cannot cancel filled order"));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, ExecutionAfterTheCancelledReportIsStillBooked) {
  working_buy("o1");
  feed(status_report("o1", VS::kCancelled, 20, 80));
  feed(execution("o1", "e1", Side::kBuy, 20, "10.00"));
  EXPECT_EQ(status("o1"), OrderStatus::kCancelled);
  EXPECT_EQ(order("o1").filled, qty(20));
  EXPECT_EQ(listener_.fills.size(), 1u);
}

TEST_F(OrderManagerTest, FilledStatusAheadOfTheLastExecutionWaitsForIt) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 60, "10.00"));
  feed(status_report("o1", VS::kFilled, 100, 0));
  EXPECT_EQ(status("o1"), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(order("o1").filled, qty(60));
  EXPECT_EQ(order("o1").venue_filled, qty(100));
  feed(execution("o1", "e2", Side::kBuy, 40, "10.01"));
  EXPECT_EQ(status("o1"), OrderStatus::kFilled);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, DuplicateExecutionIdsAreBookedOnce) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 30, "10.00"));
  feed(execution("o1", "e1", Side::kBuy, 30, "10.00"));
  EXPECT_EQ(order("o1").filled, qty(30));
  EXPECT_EQ(listener_.fills.size(), 1u);
  EXPECT_EQ(order("o1").execution_count, 1u);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, FillBeyondTheQuantityIsRefusedAndReported) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 80, "10.00"));
  feed(execution("o1", "e2", Side::kBuy, 30, "10.00"));
  EXPECT_EQ(order("o1").filled, qty(80));
  EXPECT_EQ(status("o1"), OrderStatus::kPartiallyFilled);
  EXPECT_EQ(listener_.fills.size(), 1u);
  ASSERT_EQ(listener_.errors.size(), 1u);
  EXPECT_EQ(listener_.errors[0].id, cid("o1"));
}

TEST_F(OrderManagerTest, FillOnTheWrongSideIsRefused) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kSell, 10, "10.00"));
  EXPECT_TRUE(order("o1").filled.is_zero());
  EXPECT_EQ(listener_.errors.size(), 1u);
}

TEST_F(OrderManagerTest, DeadRejectionIsRejectedAndInactiveThenRejectBecomesRejected) {
  ASSERT_EQ(manager_.submit(limit_order("o1", Side::kBuy, 100, "10.00")).status,
            CommandStatus::kAccepted);
  feed(rejection("o1", /*order_is_dead=*/true, 201, "no margin"));
  EXPECT_EQ(status("o1"), OrderStatus::kRejected);
  EXPECT_EQ(order("o1").last_reason, "201: no margin");
  feed(status_report("o1", VS::kCancelled, 0, 100));  // IB's status after error 201
  EXPECT_EQ(status("o1"), OrderStatus::kRejected);

  ASSERT_EQ(manager_.submit(limit_order("o2", Side::kBuy, 100, "10.00")).status,
            CommandStatus::kAccepted);
  feed(status_report("o2", VS::kInactive, 0, 100));
  EXPECT_EQ(status("o2"), OrderStatus::kInactive);
  feed(rejection("o2", /*order_is_dead=*/true, 201, "rejected"));
  EXPECT_EQ(status("o2"), OrderStatus::kRejected);
  EXPECT_TRUE(listener_.errors.empty());
}

TEST_F(OrderManagerTest, IllegalVenueTransitionIsReportedAndNotApplied) {
  working_buy("o1");
  feed(status_report("o1", VS::kCancelled, 0, 100));
  const std::size_t updates = listener_.updates.size();
  feed(status_report("o1", VS::kSubmitted, 0, 100));
  EXPECT_EQ(status("o1"), OrderStatus::kCancelled);
  EXPECT_EQ(listener_.updates.size(), updates);
  ASSERT_EQ(listener_.errors.size(), 1u);
  EXPECT_EQ(listener_.errors[0].id, cid("o1"));
}

TEST_F(OrderManagerTest, MessagesForUnknownOrdersAreReported) {
  feed(status_report("ghost", VS::kSubmitted, 0, 1));
  feed(execution("ghost", "e9", Side::kBuy, 1, "1"));
  feed(rejection("ghost", true));
  feed(CommissionUpdate{ExecutionId{"e9"}, Money::from_units(1), at_seconds(0)});
  EXPECT_EQ(listener_.errors.size(), 4u);
  EXPECT_TRUE(listener_.fills.empty());
  EXPECT_TRUE(listener_.commissions.empty());
}

// --- fills, prices, commissions --------------------------------------------------------------

TEST_F(OrderManagerTest, AverageFillPriceIsExactFromTheNotionalSum) {
  working_buy("o1", 300);
  feed(execution("o1", "e1", Side::kBuy, 100, "10.01"));
  feed(execution("o1", "e2", Side::kBuy, 200, "10.02"));
  const ManagedOrder& o = order("o1");
  EXPECT_EQ(o.filled_notional, *Money::parse("3005.00"));  // 1001 + 2004
  EXPECT_EQ(o.average_fill_price(), *Price::parse("10.016666667"));
  EXPECT_EQ(o.remaining(), qty(0));
}

TEST_F(OrderManagerTest, FillsReachTheListenerInArrivalOrder) {
  working_buy("o1");
  working_buy("o2");
  feed(execution("o2", "b", Side::kBuy, 10, "10.00"));
  feed(execution("o1", "a", Side::kBuy, 10, "10.00"));
  feed(execution("o2", "c", Side::kBuy, 10, "10.00"));
  ASSERT_EQ(listener_.fills.size(), 3u);
  EXPECT_EQ(listener_.fills[0].execution_id, ExecutionId{"b"});
  EXPECT_EQ(listener_.fills[1].execution_id, ExecutionId{"a"});
  EXPECT_EQ(listener_.fills[2].execution_id, ExecutionId{"c"});
}

TEST_F(OrderManagerTest, CommissionIsBookedOnceAndAConflictingOneReported) {
  working_buy("o1");
  feed(execution("o1", "e1", Side::kBuy, 100, "10.00"));
  const CommissionUpdate update{ExecutionId{"e1"}, *Money::parse("1.00"), at_seconds(1)};
  feed(update);
  feed(update);
  EXPECT_EQ(order("o1").commission, *Money::parse("1.00"));
  ASSERT_EQ(listener_.commissions.size(), 1u);
  EXPECT_TRUE(listener_.errors.empty());
  feed(CommissionUpdate{ExecutionId{"e1"}, *Money::parse("2.00"), at_seconds(2)});
  EXPECT_EQ(order("o1").commission, *Money::parse("1.00"));
  EXPECT_EQ(listener_.errors.size(), 1u);
}

TEST_F(OrderManagerTest, CommissionCarriedByTheFillIsNotCountedTwice) {
  working_buy("o1");
  VenueMessage fill = execution("o1", "e1", Side::kBuy, 100, "10.00");
  std::get<ExecutionReport>(fill).fill.commission = *Money::parse("0.50");
  feed(fill);
  feed(CommissionUpdate{ExecutionId{"e1"}, *Money::parse("0.50"), at_seconds(1)});
  EXPECT_EQ(order("o1").commission, *Money::parse("0.50"));
  EXPECT_TRUE(listener_.commissions.empty());
}

// The listener's ticket for an execution comes back with that execution's commission, however
// the executions and commissions interleave; a re-sent execution is not booked again.
TEST_F(OrderManagerTest, CommissionCarriesTheTicketItsFillWasGiven) {
  working_buy("o1");
  working_buy("o2");
  feed(execution("o1", "e1", Side::kBuy, 10, "10.00"));
  feed(execution("o2", "e2", Side::kBuy, 10, "10.00"));
  feed(execution("o1", "e1", Side::kBuy, 10, "10.00"));  // re-sent: no new ticket
  feed(execution("o1", "e3", Side::kBuy, 10, "10.00"));
  ASSERT_EQ(listener_.fills.size(), 3u);
  feed(CommissionUpdate{ExecutionId{"e3"}, *Money::parse("1.00"), at_seconds(1)});
  feed(CommissionUpdate{ExecutionId{"e1"}, *Money::parse("1.00"), at_seconds(2)});
  feed(CommissionUpdate{ExecutionId{"e2"}, *Money::parse("1.00"), at_seconds(3)});
  feed(CommissionUpdate{ExecutionId{"e1"}, *Money::parse("1.00"), at_seconds(4)});  // repeat
  feed(CommissionUpdate{ExecutionId{"e9"}, *Money::parse("1.00"), at_seconds(5)});  // unknown
  EXPECT_EQ(listener_.commission_tickets, (std::vector<FillTicket>{2, 0, 1}));
  ASSERT_EQ(listener_.errors.size(), 1u);
  EXPECT_EQ(listener_.errors[0].what, "commission for unknown execution e9: dropped");
}

// --- queries ---------------------------------------------------------------------------------

TEST_F(OrderManagerTest, OpenOrdersAreListedInSubmissionOrderPerSymbol) {
  ASSERT_TRUE(manager_.submit(limit_order("z", Side::kBuy, 100, "10.00", "MSFT")).ok());
  ASSERT_TRUE(manager_.submit(limit_order("a", Side::kBuy, 50, "10.00")).ok());
  ASSERT_TRUE(manager_.submit(limit_order("m", Side::kSell, 70, "11.00")).ok());
  ASSERT_TRUE(manager_.submit(limit_order("b", Side::kBuy, 30, "10.00")).ok());
  feed(execution("b", "e1", Side::kBuy, 10, "10.00"));
  feed(status_report("a", VS::kCancelled, 0, 50));

  std::vector<std::string> ids;
  for (const ManagedOrder* o : manager_.open_orders())
    ids.push_back(o->order.client_order_id.value());
  EXPECT_EQ(ids, (std::vector<std::string>{"z", "m", "b"}));
  ids.clear();
  for (const ManagedOrder* o : manager_.open_orders("AAPL")) {
    ids.push_back(o->order.client_order_id.value());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"m", "b"}));
  EXPECT_EQ(manager_.open_order_count(), 3u);
  EXPECT_EQ(manager_.open_quantity("AAPL", Side::kBuy), qty(20));
  EXPECT_EQ(manager_.open_quantity("AAPL", Side::kSell), qty(70));
  EXPECT_EQ(manager_.open_quantity("MSFT", Side::kBuy), qty(100));
}

}  // namespace
}  // namespace ibtrade::engine
