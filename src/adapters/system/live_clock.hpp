// LiveClock: the wall clock (UTC) behind the core's Clock interface, for paper and live
// trading. Thread-safe: now() only reads the system clock.
#pragma once

#include "core/clock.hpp"

namespace ibtrade {

class LiveClock final : public Clock {
 public:
  Timestamp now() const override;
};

}  // namespace ibtrade
