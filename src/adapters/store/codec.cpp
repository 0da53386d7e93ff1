#include "adapters/store/codec.hpp"

#include "engine/venue_state_names.hpp"

namespace ibtrade::store {
// IB's own ORDER_STATUS names, so that a row reads like the broker's report.
std::string_view to_code(engine::VenueOrderState state) {
  return engine::ib_status_name(state);
}

std::optional<engine::VenueOrderState> venue_state_from_code(std::string_view code) {
  return engine::venue_state_from_ib_name(code);
}

}  // namespace ibtrade::store
