// The status of one of our orders, mirroring IBKR's statuses plus our own Denied (risk) and
// Rejected (broker). Transitions are in order_state_machine.hpp. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ibtrade::engine {

enum class OrderStatus : std::uint8_t {
  kInitialized,      // created; held (bracket child waiting for its parent) or about to be checked
  kDenied,           // refused by our risk engine before it reached the venue (terminal)
  kPendingSubmit,    // sent to the venue, not acknowledged yet
  kPreSubmitted,     // accepted, not yet working at the exchange (stops, outside RTH)
  kSubmitted,        // working at the exchange
  kPartiallyFilled,  // working, part filled
  kPendingCancel,    // cancel sent, not confirmed: fills may still arrive
  kFilled,           // completely filled (terminal)
  kCancelled,        // cancelled by us, the broker or the exchange (terminal)
  kApiCancelled,     // cancelled before the broker acknowledged it (terminal)
  kInactive,         // received but not working: IB's rejected-for-now (terminal)
  kRejected,         // refused by the broker (terminal)
};

// Inline: asked several times for every order message.
constexpr bool is_terminal(OrderStatus status) {
  switch (status) {
    case OrderStatus::kDenied:
    case OrderStatus::kFilled:
    case OrderStatus::kCancelled:
    case OrderStatus::kApiCancelled:
    case OrderStatus::kInactive:
    case OrderStatus::kRejected:
      return true;
    default:
      return false;
  }
}
// True while the order can still fill.
constexpr bool is_working(OrderStatus status) {
  return status == OrderStatus::kPendingSubmit || status == OrderStatus::kPreSubmitted ||
         status == OrderStatus::kSubmitted || status == OrderStatus::kPartiallyFilled ||
         status == OrderStatus::kPendingCancel;
}
std::string_view to_string(OrderStatus status);
std::optional<OrderStatus> order_status_from_string(std::string_view text);

}  // namespace ibtrade::engine
