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

std::string_view to_string(OrderStatus status) {
  return name_of(kNames, status);
}

std::optional<OrderStatus> order_status_from_string(std::string_view text) {
  return value_of(kNames, text);
}

}  // namespace ibtrade::engine
