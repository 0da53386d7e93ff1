// Instants and spans used across ibtrade: instants are UTC nanoseconds since the Unix epoch,
// spans are std::chrono durations. America/New_York appears only in session logic.
#pragma once

#include <chrono>

namespace ibtrade {

using Nanoseconds = std::chrono::nanoseconds;
using Timestamp = std::chrono::sys_time<Nanoseconds>;

}  // namespace ibtrade
