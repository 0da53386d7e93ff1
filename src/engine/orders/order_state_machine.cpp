#include "engine/orders/order_state_machine.hpp"

#include <array>
#include <utility>

namespace ibtrade::engine {
namespace {

using S = OrderStatus;
using E = OrderEvent;

// clang-format off
constexpr std::array kRules{
    TransitionRule{S::kInitialized, E::kSubmit, S::kPendingSubmit, "sent to the venue"},

    TransitionRule{S::kInitialized, E::kDeny, S::kDenied, "refused by check_order or risk"},

    TransitionRule{S::kInitialized, E::kActivateChild, S::kPendingSubmit, "parent filled: bracket child sent"},

    TransitionRule{S::kInitialized, E::kModifyRequest, S::kInitialized, "held child changed locally"},
    TransitionRule{S::kPendingSubmit, E::kModifyRequest, S::kPendingSubmit, "modify sent"},
    TransitionRule{S::kPreSubmitted, E::kModifyRequest, S::kPreSubmitted, "modify sent"},
    TransitionRule{S::kSubmitted, E::kModifyRequest, S::kSubmitted, "modify sent"},
    TransitionRule{S::kPartiallyFilled, E::kModifyRequest, S::kPartiallyFilled, "modify sent"},

    TransitionRule{S::kInitialized, E::kCancelRequest, S::kCancelled, "held child dropped, never sent"},
    TransitionRule{S::kPendingSubmit, E::kCancelRequest, S::kPendingCancel, "cancel sent"},
    TransitionRule{S::kPreSubmitted, E::kCancelRequest, S::kPendingCancel, "cancel sent"},
    TransitionRule{S::kSubmitted, E::kCancelRequest, S::kPendingCancel, "cancel sent"},
    TransitionRule{S::kPartiallyFilled, E::kCancelRequest, S::kPendingCancel, "cancel sent"},
    TransitionRule{S::kPendingCancel, E::kCancelRequest, S::kPendingCancel, "already cancelling: nothing sent"},

    TransitionRule{S::kPendingSubmit, E::kVenuePendingSubmit, S::kPendingSubmit, "duplicate"},
    TransitionRule{S::kPreSubmitted, E::kVenuePendingSubmit, S::kPreSubmitted, "stale report"},
    TransitionRule{S::kSubmitted, E::kVenuePendingSubmit, S::kSubmitted, "stale report"},
    TransitionRule{S::kPartiallyFilled, E::kVenuePendingSubmit, S::kPartiallyFilled, "stale report (fill came first)"},
    TransitionRule{S::kPendingCancel, E::kVenuePendingSubmit, S::kPendingCancel, "stale report"},
    TransitionRule{S::kFilled, E::kVenuePendingSubmit, S::kFilled, "stale report (fill came first)"},

    TransitionRule{S::kPendingSubmit, E::kVenuePreSubmitted, S::kPreSubmitted, "accepted, not yet working"},
    TransitionRule{S::kPreSubmitted, E::kVenuePreSubmitted, S::kPreSubmitted, "duplicate"},
    TransitionRule{S::kSubmitted, E::kVenuePreSubmitted, S::kPreSubmitted, "working order parked (GTC outside RTH)"},
    TransitionRule{S::kPartiallyFilled, E::kVenuePreSubmitted, S::kPartiallyFilled, "report after a partial fill"},
    TransitionRule{S::kPendingCancel, E::kVenuePreSubmitted, S::kPendingCancel, "stale report"},
    TransitionRule{S::kFilled, E::kVenuePreSubmitted, S::kFilled, "stale report (fill came first)"},

    TransitionRule{S::kPendingSubmit, E::kVenueSubmitted, S::kSubmitted, "working"},
    TransitionRule{S::kPreSubmitted, E::kVenueSubmitted, S::kSubmitted, "working"},
    TransitionRule{S::kSubmitted, E::kVenueSubmitted, S::kSubmitted, "duplicate"},
    TransitionRule{S::kPartiallyFilled, E::kVenueSubmitted, S::kPartiallyFilled, "IB's report after a partial fill"},
    TransitionRule{S::kPendingCancel, E::kVenueSubmitted, S::kPendingCancel, "stale report"},
    TransitionRule{S::kFilled, E::kVenueSubmitted, S::kFilled, "stale report (fill came first)"},

    TransitionRule{S::kPendingSubmit, E::kVenuePendingCancel, S::kPendingCancel, "cancel started elsewhere"},
    TransitionRule{S::kPreSubmitted, E::kVenuePendingCancel, S::kPendingCancel, "cancel started elsewhere"},
    TransitionRule{S::kSubmitted, E::kVenuePendingCancel, S::kPendingCancel, "cancel started elsewhere"},
    TransitionRule{S::kPartiallyFilled, E::kVenuePendingCancel, S::kPendingCancel, "cancel started elsewhere"},
    TransitionRule{S::kPendingCancel, E::kVenuePendingCancel, S::kPendingCancel, "duplicate"},
    TransitionRule{S::kFilled, E::kVenuePendingCancel, S::kFilled, "cancel lost the race: ignored"},

    TransitionRule{S::kPendingSubmit, E::kVenueCancelled, S::kCancelled, "cancelled"},
    TransitionRule{S::kPreSubmitted, E::kVenueCancelled, S::kCancelled, "cancelled"},
    TransitionRule{S::kSubmitted, E::kVenueCancelled, S::kCancelled, "cancelled"},
    TransitionRule{S::kPartiallyFilled, E::kVenueCancelled, S::kCancelled, "rest cancelled, fills stand"},
    TransitionRule{S::kPendingCancel, E::kVenueCancelled, S::kCancelled, "cancel confirmed"},
    TransitionRule{S::kCancelled, E::kVenueCancelled, S::kCancelled, "duplicate"},
    TransitionRule{S::kApiCancelled, E::kVenueCancelled, S::kApiCancelled, "duplicate"},
    TransitionRule{S::kFilled, E::kVenueCancelled, S::kFilled, "cancel lost the race: ignored"},
    TransitionRule{S::kInactive, E::kVenueCancelled, S::kInactive, "already dead: ignored"},
    TransitionRule{S::kRejected, E::kVenueCancelled, S::kRejected, "report after error 201: ignored"},

    TransitionRule{S::kPendingSubmit, E::kVenueApiCancelled, S::kApiCancelled, "cancelled before acknowledged"},
    TransitionRule{S::kPreSubmitted, E::kVenueApiCancelled, S::kApiCancelled, "cancelled before acknowledged"},
    TransitionRule{S::kSubmitted, E::kVenueApiCancelled, S::kApiCancelled, "cancelled before acknowledged"},
    TransitionRule{S::kPendingCancel, E::kVenueApiCancelled, S::kApiCancelled, "cancelled before acknowledged"},
    TransitionRule{S::kApiCancelled, E::kVenueApiCancelled, S::kApiCancelled, "duplicate"},
    TransitionRule{S::kCancelled, E::kVenueApiCancelled, S::kCancelled, "duplicate"},
    TransitionRule{S::kFilled, E::kVenueApiCancelled, S::kFilled, "cancel lost the race: ignored"},

    TransitionRule{S::kPendingSubmit, E::kVenueFilled, S::kPendingSubmit, "filled ahead of its executions: wait for them"},
    TransitionRule{S::kPreSubmitted, E::kVenueFilled, S::kPreSubmitted, "filled ahead of its executions: wait for them"},
    TransitionRule{S::kSubmitted, E::kVenueFilled, S::kSubmitted, "filled ahead of its executions: wait for them"},
    TransitionRule{S::kPartiallyFilled, E::kVenueFilled, S::kPartiallyFilled, "filled ahead of its executions: wait for them"},
    TransitionRule{S::kPendingCancel, E::kVenueFilled, S::kPendingCancel, "filled ahead of its executions: wait for them"},
    TransitionRule{S::kCancelled, E::kVenueFilled, S::kCancelled, "filled ahead of its executions: wait for them"},
    TransitionRule{S::kFilled, E::kVenueFilled, S::kFilled, "confirms the executions"},

    TransitionRule{S::kPendingSubmit, E::kVenueInactive, S::kInactive, "not working"},
    TransitionRule{S::kPreSubmitted, E::kVenueInactive, S::kInactive, "not working"},
    TransitionRule{S::kSubmitted, E::kVenueInactive, S::kInactive, "not working"},
    TransitionRule{S::kPartiallyFilled, E::kVenueInactive, S::kInactive, "rest not working, fills stand"},
    TransitionRule{S::kPendingCancel, E::kVenueInactive, S::kInactive, "not working"},
    TransitionRule{S::kInactive, E::kVenueInactive, S::kInactive, "duplicate"},
    TransitionRule{S::kRejected, E::kVenueInactive, S::kRejected, "report after error 201: ignored"},
    TransitionRule{S::kFilled, E::kVenueInactive, S::kFilled, "stale report: ignored"},

    TransitionRule{S::kPendingSubmit, E::kPartialFill, S::kPartiallyFilled, "fill before any status"},
    TransitionRule{S::kPreSubmitted, E::kPartialFill, S::kPartiallyFilled, "partial fill"},
    TransitionRule{S::kSubmitted, E::kPartialFill, S::kPartiallyFilled, "partial fill"},
    TransitionRule{S::kPartiallyFilled, E::kPartialFill, S::kPartiallyFilled, "another partial fill"},
    TransitionRule{S::kPendingCancel, E::kPartialFill, S::kPendingCancel, "fill raced the cancel: still cancelling"},
    TransitionRule{S::kCancelled, E::kPartialFill, S::kCancelled, "execution delivered after the cancel report"},

    TransitionRule{S::kPendingSubmit, E::kFullFill, S::kFilled, "fill before any status"},
    TransitionRule{S::kPreSubmitted, E::kFullFill, S::kFilled, "filled"},
    TransitionRule{S::kSubmitted, E::kFullFill, S::kFilled, "filled"},
    TransitionRule{S::kPartiallyFilled, E::kFullFill, S::kFilled, "filled"},
    TransitionRule{S::kPendingCancel, E::kFullFill, S::kFilled, "fill won the race with the cancel"},
    TransitionRule{S::kCancelled, E::kFullFill, S::kFilled, "executions prove the cancel report wrong"},

    TransitionRule{S::kPendingSubmit, E::kVenueRejected, S::kRejected, "refused by the broker"},
    TransitionRule{S::kPreSubmitted, E::kVenueRejected, S::kRejected, "refused by the broker"},
    TransitionRule{S::kSubmitted, E::kVenueRejected, S::kRejected, "refused by the broker"},
    TransitionRule{S::kPartiallyFilled, E::kVenueRejected, S::kRejected, "rest refused, fills stand"},
    TransitionRule{S::kPendingCancel, E::kVenueRejected, S::kRejected, "refused by the broker"},
    TransitionRule{S::kInactive, E::kVenueRejected, S::kRejected, "Inactive, then error 201: rejected"},
    TransitionRule{S::kRejected, E::kVenueRejected, S::kRejected, "duplicate"},
    TransitionRule{S::kFilled, E::kVenueRejected, S::kFilled, "about a finished order: ignored"},
    TransitionRule{S::kCancelled, E::kVenueRejected, S::kCancelled, "about a finished order: ignored"},
    TransitionRule{S::kApiCancelled, E::kVenueRejected, S::kApiCancelled, "about a finished order: ignored"},

    TransitionRule{S::kPendingSubmit, E::kCommandRefused, S::kPendingSubmit, "modify refused, order unchanged"},
    TransitionRule{S::kPreSubmitted, E::kCommandRefused, S::kPreSubmitted, "modify refused, order unchanged"},
    TransitionRule{S::kSubmitted, E::kCommandRefused, S::kSubmitted, "modify refused, order unchanged"},
    TransitionRule{S::kPendingCancel, E::kCommandRefused, S::kSubmitted, "cancel refused: still working"},
    TransitionRule{S::kCancelled, E::kCommandRefused, S::kCancelled, "about a finished order: ignored"},
    TransitionRule{S::kApiCancelled, E::kCommandRefused, S::kApiCancelled, "about a finished order: ignored"},
    TransitionRule{S::kInactive, E::kCommandRefused, S::kInactive, "about a finished order: ignored"},
    TransitionRule{S::kRejected, E::kCommandRefused, S::kRejected, "about a finished order: ignored"},

    TransitionRule{S::kPartiallyFilled, E::kCommandRefusedAfterFill, S::kPartiallyFilled, "modify refused, order unchanged"},
    TransitionRule{S::kPendingCancel, E::kCommandRefusedAfterFill, S::kPartiallyFilled, "cancel refused: still working"},
    TransitionRule{S::kFilled, E::kCommandRefusedAfterFill, S::kFilled, "about a finished order: ignored"},
    TransitionRule{S::kCancelled, E::kCommandRefusedAfterFill, S::kCancelled, "about a finished order: ignored"},
    TransitionRule{S::kInactive, E::kCommandRefusedAfterFill, S::kInactive, "about a finished order: ignored"},
    TransitionRule{S::kRejected, E::kCommandRefusedAfterFill, S::kRejected, "about a finished order: ignored"},
};
// clang-format on

constexpr std::array<std::string_view, kOrderEventCount> kEventNames{
    "Submit",
    "Deny",
    "ActivateChild",
    "ModifyRequest",
    "CancelRequest",
    "VenuePendingSubmit",
    "VenuePreSubmitted",
    "VenueSubmitted",
    "VenuePendingCancel",
    "VenueCancelled",
    "VenueApiCancelled",
    "VenueFilled",
    "VenueInactive",
    "PartialFill",
    "FullFill",
    "VenueRejected",
    "CommandRefused",
    "CommandRefusedAfterFill",
};

constexpr std::size_t index_of(OrderStatus status) {
  return static_cast<std::size_t>(status);
}
constexpr std::size_t index_of(OrderEvent event) {
  return static_cast<std::size_t>(event);
}

constexpr std::uint8_t kNoRule = detail::kNoTransition;
using Lookup = detail::TransitionLookup;

constexpr Lookup build_lookup() {
  Lookup lookup{};
  for (auto& row : lookup)
    row.fill(kNoRule);
  for (const auto& rule : kRules) {
    auto& cell = lookup.at(index_of(rule.from)).at(index_of(rule.event));
    // A pair listed twice is a contradiction in the table; make it a compile error.
    if (cell != kNoRule) throw "duplicate (status, event) pair in the transition table";
    cell = static_cast<std::uint8_t>(rule.to);
  }
  return lookup;
}

constexpr Lookup kLookup = build_lookup();

static_assert(index_of(OrderStatus::kRejected) + 1 == kOrderStatusCount);
static_assert(index_of(OrderEvent::kCommandRefusedAfterFill) + 1 == kOrderEventCount);

}  // namespace

namespace detail {
constexpr TransitionLookup kTransitionLookup = kLookup;
}  // namespace detail

std::string_view to_string(OrderEvent event) {
  const std::size_t i = index_of(event);
  return i < kEventNames.size() ? kEventNames.at(i) : "?";
}

std::span<const TransitionRule> transition_table() {
  return kRules;
}

Result<OrderStatus> transition(OrderStatus from, OrderEvent event) {
  if (auto to = next_status(from, event)) return *to;
  return make_error("illegal order transition: " + std::string(to_string(from)) + " + " +
                    std::string(to_string(event)));
}

std::string transition_table_markdown() {
  std::string out = "| from | event | to | why |\n|---|---|---|---|\n";
  for (const auto& rule : kRules) {
    out += "| " + std::string(to_string(rule.from)) + " | " + std::string(to_string(rule.event)) +
           " | " + std::string(to_string(rule.to)) + " | " + std::string(rule.why) + " |\n";
  }
  return out;
}

}  // namespace ibtrade::engine
