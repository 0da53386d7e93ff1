#include "engine/order_status.hpp"

#include <array>
#include <utility>

#include "core/name_table.hpp"

namespace ibtrade::engine {
namespace {

constexpr NameTable<OrderStatus, 12> kNames{{
    {OrderStatus::kInitialized, "Initialized"},
    {OrderStatus::kDenied, "Denied"},
    {OrderStatus::kPendingSubmit, "PendingSubmit"},
    {OrderStatus::kPreSubmitted, "PreSubmitted"},
    {OrderStatus::kSubmitted, "Submitted"},
    {OrderStatus::kPartiallyFilled, "PartiallyFilled"},
    {OrderStatus::kPendingCancel, "PendingCancel"},
    {OrderStatus::kFilled, "Filled"},
    {OrderStatus::kCancelled, "Cancelled"},
    {OrderStatus::kApiCancelled, "ApiCancelled"},
    {OrderStatus::kInactive, "Inactive"},
    {OrderStatus::kRejected, "Rejected"},
}};

}  // namespace

bool is_terminal(OrderStatus status) {
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

bool is_working(OrderStatus status) {
  return status == OrderStatus::kPendingSubmit || status == OrderStatus::kPreSubmitted ||
         status == OrderStatus::kSubmitted || status == OrderStatus::kPartiallyFilled ||
         status == OrderStatus::kPendingCancel;
}

std::string_view to_string(OrderStatus status) {
  return name_of(kNames, status);
}

std::optional<OrderStatus> order_status_from_string(std::string_view text) {
  return value_of(kNames, text);
}

}  // namespace ibtrade::engine
