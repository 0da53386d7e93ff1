#include "engine/orders/order_state_machine.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

using S = OrderStatus;
using E = OrderEvent;

struct Expected {
  E event;
  std::vector<std::pair<S, S>> moves;  // from -> to
};

// Written independently of the code's table: changing one without the other fails below.
const std::vector<Expected>& expected_table() {
  static const std::vector<Expected> table{
      {E::kSubmit, {{S::kInitialized, S::kPendingSubmit}}},
      {E::kDeny, {{S::kInitialized, S::kDenied}}},
      {E::kActivateChild, {{S::kInitialized, S::kPendingSubmit}}},
      {E::kModifyRequest,
       {{S::kInitialized, S::kInitialized},
        {S::kPendingSubmit, S::kPendingSubmit},
        {S::kPreSubmitted, S::kPreSubmitted},
        {S::kSubmitted, S::kSubmitted},
        {S::kPartiallyFilled, S::kPartiallyFilled}}},
      {E::kCancelRequest,
       {{S::kInitialized, S::kCancelled},
        {S::kPendingSubmit, S::kPendingCancel},
        {S::kPreSubmitted, S::kPendingCancel},
        {S::kSubmitted, S::kPendingCancel},
        {S::kPartiallyFilled, S::kPendingCancel},
        {S::kPendingCancel, S::kPendingCancel}}},
      {E::kVenuePendingSubmit,
       {{S::kPendingSubmit, S::kPendingSubmit},
        {S::kPreSubmitted, S::kPreSubmitted},
        {S::kSubmitted, S::kSubmitted},
        {S::kPartiallyFilled, S::kPartiallyFilled},
        {S::kPendingCancel, S::kPendingCancel},
        {S::kFilled, S::kFilled}}},
      {E::kVenuePreSubmitted,
       {{S::kPendingSubmit, S::kPreSubmitted},
        {S::kPreSubmitted, S::kPreSubmitted},
        {S::kSubmitted, S::kPreSubmitted},
        {S::kPartiallyFilled, S::kPartiallyFilled},
        {S::kPendingCancel, S::kPendingCancel},
        {S::kFilled, S::kFilled}}},
      {E::kVenueSubmitted,
       {{S::kPendingSubmit, S::kSubmitted},
        {S::kPreSubmitted, S::kSubmitted},
        {S::kSubmitted, S::kSubmitted},
        {S::kPartiallyFilled, S::kPartiallyFilled},
        {S::kPendingCancel, S::kPendingCancel},
        {S::kFilled, S::kFilled}}},
      {E::kVenuePendingCancel,
       {{S::kPendingSubmit, S::kPendingCancel},
        {S::kPreSubmitted, S::kPendingCancel},
        {S::kSubmitted, S::kPendingCancel},
        {S::kPartiallyFilled, S::kPendingCancel},
        {S::kPendingCancel, S::kPendingCancel},
        {S::kFilled, S::kFilled}}},
      {E::kVenueCancelled,
       {{S::kPendingSubmit, S::kCancelled},
        {S::kPreSubmitted, S::kCancelled},
        {S::kSubmitted, S::kCancelled},
        {S::kPartiallyFilled, S::kCancelled},
        {S::kPendingCancel, S::kCancelled},
        {S::kCancelled, S::kCancelled},
        {S::kApiCancelled, S::kApiCancelled},
        {S::kFilled, S::kFilled},
        {S::kInactive, S::kInactive},
        {S::kRejected, S::kRejected}}},
      {E::kVenueApiCancelled,
       {{S::kPendingSubmit, S::kApiCancelled},
        {S::kPreSubmitted, S::kApiCancelled},
        {S::kSubmitted, S::kApiCancelled},
        {S::kPendingCancel, S::kApiCancelled},
        {S::kApiCancelled, S::kApiCancelled},
        {S::kCancelled, S::kCancelled},
        {S::kFilled, S::kFilled}}},
      {E::kVenueFilled,
       {{S::kPendingSubmit, S::kPendingSubmit},
        {S::kPreSubmitted, S::kPreSubmitted},
        {S::kSubmitted, S::kSubmitted},
        {S::kPartiallyFilled, S::kPartiallyFilled},
        {S::kPendingCancel, S::kPendingCancel},
        {S::kCancelled, S::kCancelled},
        {S::kFilled, S::kFilled}}},
      {E::kVenueInactive,
       {{S::kPendingSubmit, S::kInactive},
        {S::kPreSubmitted, S::kInactive},
        {S::kSubmitted, S::kInactive},
        {S::kPartiallyFilled, S::kInactive},
        {S::kPendingCancel, S::kInactive},
        {S::kInactive, S::kInactive},
        {S::kRejected, S::kRejected},
        {S::kFilled, S::kFilled}}},
      {E::kPartialFill,
       {{S::kPendingSubmit, S::kPartiallyFilled},
        {S::kPreSubmitted, S::kPartiallyFilled},
        {S::kSubmitted, S::kPartiallyFilled},
        {S::kPartiallyFilled, S::kPartiallyFilled},
        {S::kPendingCancel, S::kPendingCancel},
        {S::kCancelled, S::kCancelled}}},
      {E::kFullFill,
       {{S::kPendingSubmit, S::kFilled},
        {S::kPreSubmitted, S::kFilled},
        {S::kSubmitted, S::kFilled},
        {S::kPartiallyFilled, S::kFilled},
        {S::kPendingCancel, S::kFilled},
        {S::kCancelled, S::kFilled}}},
      {E::kVenueRejected,
       {{S::kPendingSubmit, S::kRejected},
        {S::kPreSubmitted, S::kRejected},
        {S::kSubmitted, S::kRejected},
        {S::kPartiallyFilled, S::kRejected},
        {S::kPendingCancel, S::kRejected},
        {S::kInactive, S::kRejected},
        {S::kRejected, S::kRejected},
        {S::kFilled, S::kFilled},
        {S::kCancelled, S::kCancelled},
        {S::kApiCancelled, S::kApiCancelled}}},
      {E::kCommandRefused,
       {{S::kPendingSubmit, S::kPendingSubmit},
        {S::kPreSubmitted, S::kPreSubmitted},
        {S::kSubmitted, S::kSubmitted},
        {S::kPendingCancel, S::kSubmitted},
        {S::kCancelled, S::kCancelled},
        {S::kApiCancelled, S::kApiCancelled},
        {S::kInactive, S::kInactive},
        {S::kRejected, S::kRejected}}},
      {E::kCommandRefusedAfterFill,
       {{S::kPartiallyFilled, S::kPartiallyFilled},
        {S::kPendingCancel, S::kPartiallyFilled},
        {S::kFilled, S::kFilled},
        {S::kCancelled, S::kCancelled},
        {S::kInactive, S::kInactive},
        {S::kRejected, S::kRejected}}},
  };
  return table;
}

std::vector<S> all_statuses() {
  std::vector<S> out;
  for (std::size_t i = 0; i < kOrderStatusCount; ++i)
    out.push_back(static_cast<S>(i));
  return out;
}
std::vector<E> all_events() {
  std::vector<E> out;
  for (std::size_t i = 0; i < kOrderEventCount; ++i)
    out.push_back(static_cast<E>(i));
  return out;
}

TEST(OrderStateMachine, EveryExpectedTransitionIsInTheTable) {
  for (const auto& [event, moves] : expected_table()) {
    for (const auto& [from, to] : moves) {
      SCOPED_TRACE(std::string(to_string(from)) + " + " + std::string(to_string(event)));
      auto next = transition(from, event);
      ASSERT_TRUE(next.ok()) << next.error().message;
      EXPECT_EQ(*next, to) << to_string(*next);
    }
  }
}

TEST(OrderStateMachine, TheTableHoldsNothingElse) {
  std::set<std::tuple<S, E, S>> expected;
  for (const auto& [event, moves] : expected_table()) {
    for (const auto& [from, to] : moves)
      expected.emplace(from, event, to);
  }
  std::set<std::tuple<S, E, S>> actual;
  for (const auto& rule : transition_table()) {
    EXPECT_TRUE(actual.emplace(rule.from, rule.event, rule.to).second);
    EXPECT_TRUE(expected.contains({rule.from, rule.event, rule.to}))
        << "unexpected rule " << to_string(rule.from) << " + " << to_string(rule.event) << " -> "
        << to_string(rule.to);
    EXPECT_FALSE(rule.why.empty());
  }
  EXPECT_EQ(actual.size(), expected.size());
}

TEST(OrderStateMachine, EveryPairOutsideTheTableIsRefusedWithItsName) {
  std::set<std::pair<S, E>> legal;
  for (const auto& [event, moves] : expected_table()) {
    for (const auto& [from, to] : moves)
      legal.emplace(from, event);
  }
  int refused = 0;
  for (S from : all_statuses()) {
    for (E event : all_events()) {
      if (legal.contains({from, event})) continue;
      ++refused;
      auto next = transition(from, event);
      ASSERT_FALSE(next.ok()) << to_string(from) << " + " << to_string(event);
      EXPECT_FALSE(next_status(from, event).has_value());
      EXPECT_NE(next.error().message.find(std::string(to_string(from)) + " + " +
                                          std::string(to_string(event))),
                std::string::npos);
    }
  }
  EXPECT_EQ(static_cast<std::size_t>(refused) + legal.size(), kOrderStatusCount * kOrderEventCount);
}

TEST(OrderStateMachine, FinishedOrdersNeverComeBackToLife) {
  for (const auto& rule : transition_table()) {
    if (is_terminal(rule.from)) {
      EXPECT_TRUE(is_terminal(rule.to))
          << to_string(rule.from) << " + " << to_string(rule.event) << " -> " << to_string(rule.to);
    }
  }
  // Denied never reached a venue: nothing at all applies to it.
  for (E event : all_events())
    EXPECT_FALSE(next_status(S::kDenied, event)) << to_string(event);
}

TEST(OrderStateMachine, OnlyExecutionsMakeAnOrderFilled) {
  for (const auto& rule : transition_table()) {
    if (rule.to == S::kFilled && rule.from != S::kFilled) {
      EXPECT_EQ(rule.event, E::kFullFill) << to_string(rule.from) << " + " << to_string(rule.event);
    }
  }
}

TEST(OrderStateMachine, VenueStatesMapToTheirEvents) {
  EXPECT_EQ(event_of(VenueOrderState::kPendingSubmit), E::kVenuePendingSubmit);
  EXPECT_EQ(event_of(VenueOrderState::kPreSubmitted), E::kVenuePreSubmitted);
  EXPECT_EQ(event_of(VenueOrderState::kSubmitted), E::kVenueSubmitted);
  EXPECT_EQ(event_of(VenueOrderState::kPendingCancel), E::kVenuePendingCancel);
  EXPECT_EQ(event_of(VenueOrderState::kCancelled), E::kVenueCancelled);
  EXPECT_EQ(event_of(VenueOrderState::kApiCancelled), E::kVenueApiCancelled);
  EXPECT_EQ(event_of(VenueOrderState::kFilled), E::kVenueFilled);
  EXPECT_EQ(event_of(VenueOrderState::kInactive), E::kVenueInactive);
}

TEST(OrderStateMachine, EventNamesAreDistinct) {
  std::set<std::string_view> names;
  for (E event : all_events())
    EXPECT_TRUE(names.insert(to_string(event)).second);
}

TEST(OrderStateMachine, DocsCarryTheGeneratedTable) {
  std::ifstream file(std::string(IBTRADE_SOURCE_DIR) + "/docs/orders.md");
  ASSERT_TRUE(file) << "docs/orders.md is missing";
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_NE(text.str().find(transition_table_markdown()), std::string::npos)
      << "docs/orders.md is out of date; paste this table:\n"
      << transition_table_markdown();
}

}  // namespace
}  // namespace ibtrade::engine
