#include "adapters/tws/order_status_mapping.hpp"

#include <string>

#include "engine/venue_state_names.hpp"

namespace ibtrade::tws {
using engine::VenueOrderState;

std::string_view to_ib_status(VenueOrderState state) {
  return engine::ib_status_name(state);
}

std::optional<VenueOrderState> venue_state_from_ib(std::string_view status) {
  if (status == "ApiPending") return VenueOrderState::kPendingSubmit;
  return engine::venue_state_from_ib_name(status);
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
