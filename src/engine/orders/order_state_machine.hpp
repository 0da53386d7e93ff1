// The order-status state machine: one table of (status, event) -> next status, covering our own
// commands and everything IB reports, including its odd orderings. Pure functions over constant
// data; safe from any thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "engine/order_status.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine {

enum class OrderEvent : std::uint8_t {
  // Ours.
  kSubmit,         // sent to the venue after check_order and risk
  kDeny,           // refused by check_order or risk before reaching the venue
  kActivateChild,  // a held bracket child is sent because its parent filled
  kModifyRequest,  // modify sent (or a held child changed locally)
  kCancelRequest,  // cancel sent (or a held child dropped)
  // The venue's status reports (IB ORDER_STATUS).
  kVenuePendingSubmit,
  kVenuePreSubmitted,
  kVenueSubmitted,
  kVenuePendingCancel,
  kVenueCancelled,
  kVenueApiCancelled,
  kVenueFilled,  // a claim: the order becomes Filled only when its executions sum to the quantity
  kVenueInactive,
  // Executions, classified by the order manager against the order's quantity.
  kPartialFill,  // the executions now sum to less than the quantity
  kFullFill,     // the executions now sum to exactly the quantity
  // The venue refused a command (CommandRejected).
  kVenueRejected,            // order_is_dead: the order is gone
  kCommandRefused,           // a modify/cancel was refused, the order lives, nothing filled
  kCommandRefusedAfterFill,  // the same for an order with fills
};

inline constexpr std::size_t kOrderEventCount = 18;
inline constexpr std::size_t kOrderStatusCount = 12;

std::string_view to_string(OrderEvent event);

// The venue's status word as an event. Inline: asked for every status report.
inline OrderEvent event_of(VenueOrderState state) {
  switch (state) {
    case VenueOrderState::kPendingSubmit:
      return OrderEvent::kVenuePendingSubmit;
    case VenueOrderState::kPreSubmitted:
      return OrderEvent::kVenuePreSubmitted;
    case VenueOrderState::kSubmitted:
      return OrderEvent::kVenueSubmitted;
    case VenueOrderState::kPendingCancel:
      return OrderEvent::kVenuePendingCancel;
    case VenueOrderState::kCancelled:
      return OrderEvent::kVenueCancelled;
    case VenueOrderState::kApiCancelled:
      return OrderEvent::kVenueApiCancelled;
    case VenueOrderState::kFilled:
      return OrderEvent::kVenueFilled;
    case VenueOrderState::kInactive:
      return OrderEvent::kVenueInactive;
  }
  return OrderEvent::kVenueSubmitted;  // unreachable: every enumerator is handled above
}

struct TransitionRule {
  OrderStatus from;
  OrderEvent event;
  OrderStatus to;
  std::string_view why;  // one line for the docs
};

// Every legal transition, grouped by event. A rule with from == to and nothing else carried by
// the event (a status report) is an accepted no-op: a duplicate or a stale report.
std::span<const TransitionRule> transition_table();

namespace detail {
// The table as a (status, event) -> next status array, kNoTransition where there is no rule.
// Here so that next_status, asked on every order message, is an inline load and not a call.
inline constexpr std::uint8_t kNoTransition = 0xFF;
using TransitionLookup = std::array<std::array<std::uint8_t, kOrderEventCount>, kOrderStatusCount>;
// A constant: defined constexpr in the .cpp, where the table is.
extern const TransitionLookup kTransitionLookup;  // NOLINT(readability-identifier-naming)
}  // namespace detail

// The next status, or nullopt when (from, event) is not in the table.
inline std::optional<OrderStatus> next_status(OrderStatus from, OrderEvent event) {
  const auto s = static_cast<std::size_t>(from);
  const auto e = static_cast<std::size_t>(event);
  if (s >= kOrderStatusCount || e >= kOrderEventCount) return std::nullopt;
  const std::uint8_t to = detail::kTransitionLookup[s][e];
  if (to == detail::kNoTransition) return std::nullopt;
  return static_cast<OrderStatus>(to);
}

// The same as a Result: the error names the pair, for the listener and the log.
Result<OrderStatus> transition(OrderStatus from, OrderEvent event);

// The table as markdown (docs/orders.md embeds it; a test keeps the two equal).
std::string transition_table_markdown();

}  // namespace ibtrade::engine
