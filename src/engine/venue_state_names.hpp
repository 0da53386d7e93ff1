// IB's ORDER_STATUS words for the venue's order states ("PreSubmitted", "Filled", ...), the one
// table the simulated venue's texts, the TWS adapter and the store share. Pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "engine/venue.hpp"

namespace ibtrade::engine {

std::string_view ib_status_name(VenueOrderState state);
// The state whose IB word is `name` exactly; none for any other text.
std::optional<VenueOrderState> venue_state_from_ib_name(std::string_view name);

}  // namespace ibtrade::engine
