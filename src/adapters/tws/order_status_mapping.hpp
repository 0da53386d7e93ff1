// ORDER_STATUS between the wire and the engine's venue messages: IB's status text and the
// engine's VenueOrderState both ways, and a received ORDER_STATUS as an OrderStatusReport with
// its prices in fixed point. Pure functions; no threading rule.
#pragma once

#include <optional>
#include <string_view>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/messages/orders.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/venue.hpp"

namespace ibtrade::tws {

// IB's word for the state (protocol doc 5.2): "PreSubmitted", "Filled", ...
std::string_view to_ib_status(engine::VenueOrderState state);
// The state an IB status text names; "ApiPending" (not yet transmitted) is PendingSubmit.
// None for a text IB does not send.
std::optional<engine::VenueOrderState> venue_state_from_ib(std::string_view status);

// A received ORDER_STATUS as the engine's report. ORDER_STATUS names the order by the session's
// order id only, so the caller passes our id for it; `received` stamps the report. The average
// price maps through `rounding` (zero before the first fill, as TWS sends it); an unknown status
// text or an unmappable price is an error naming it.
Result<engine::OrderStatusReport> to_order_status_report(const OrderStatus& message,
                                                         const ClientOrderId& client_order_id,
                                                         const PriceRounding& rounding,
                                                         Timestamp received);

}  // namespace ibtrade::tws
