#include "engine/order_status.hpp"

#include <array>
#include <utility>

namespace ibtrade::engine {
namespace {

constexpr std::array<std::pair<OrderStatus, std::string_view>, 12> kNames{{
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
  for (const auto& [value, name] : kNames) {
    if (value == status) return name;
  }
  return "?";
}

std::optional<OrderStatus> order_status_from_string(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace ibtrade::engine
