#include "adapters/tws/order_status_mapping.hpp"

#include <array>
#include <string>
#include <utility>

namespace ibtrade::tws {
namespace {

using engine::VenueOrderState;

constexpr std::array<std::pair<VenueOrderState, std::string_view>, 8> kStatuses{{
    {VenueOrderState::kPendingSubmit, "PendingSubmit"},
    {VenueOrderState::kPreSubmitted, "PreSubmitted"},
    {VenueOrderState::kSubmitted, "Submitted"},
    {VenueOrderState::kPendingCancel, "PendingCancel"},
    {VenueOrderState::kCancelled, "Cancelled"},
    {VenueOrderState::kApiCancelled, "ApiCancelled"},
    {VenueOrderState::kFilled, "Filled"},
    {VenueOrderState::kInactive, "Inactive"},
}};

}  // namespace

std::string_view to_ib_status(VenueOrderState state) {
  for (const auto& [known, text] : kStatuses) {
    if (known == state) return text;
  }
  return "Inactive";  // unreachable: every state is in the table
}

std::optional<VenueOrderState> venue_state_from_ib(std::string_view status) {
  if (status == "ApiPending") return VenueOrderState::kPendingSubmit;
  for (const auto& [state, text] : kStatuses) {
    if (text == status) return state;
  }
  return std::nullopt;
}

Result<engine::OrderStatusReport> to_order_status_report(const OrderStatus& message,
                                                         const ClientOrderId& client_order_id,
                                                         const PriceRounding& rounding,
                                                         Timestamp received) {
  const auto state = venue_state_from_ib(message.status);
  if (!state) {
    return make_error("ORDER_STATUS " + std::to_string(message.order_id) + ": status '" +
                      message.status + "' is not one IB sends");
  }
  Price average;
  if (message.avg_fill_price != 0.0) {
    const auto price = to_price(message.avg_fill_price, rounding);
    if (!price) {
      return make_error("ORDER_STATUS " + std::to_string(message.order_id) +
                        ": average fill price " + std::to_string(message.avg_fill_price) +
                        " is not a price");
    }
    average = *price;
  }
  return engine::OrderStatusReport{client_order_id,
                                   BrokerOrderId{message.order_id},
                                   *state,
                                   message.filled,
                                   message.remaining,
                                   average,
                                   message.why_held,
                                   received};
}

}  // namespace ibtrade::tws
