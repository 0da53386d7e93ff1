#include "engine/venue.hpp"

namespace ibtrade::engine {

Timestamp time_of(const VenueMessage& message) {
  return std::visit(
      [](const auto& m) {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, ExecutionReport>) {
          return m.fill.time;
        } else {
          return m.time;
        }
      },
      message);
}

}  // namespace ibtrade::engine
