#include "adapters/system/live_clock.hpp"

#include <chrono>

namespace ibtrade {

Timestamp LiveClock::now() const {
  return std::chrono::time_point_cast<Nanoseconds>(std::chrono::system_clock::now());
}

}  // namespace ibtrade
