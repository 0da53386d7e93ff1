// MessagePacer: IB disconnects a client that sends more than 50 messages a second, so every
// outgoing message asks here when it may go. Messages are delayed, never dropped. Pure (the
// caller passes the time); single-threaded, owned by the connection's writer.
#pragma once

#include <cstddef>
#include <deque>

#include "core/time.hpp"

namespace ibtrade::tws {

class MessagePacer {
 public:
  // At most `per_second` messages in any window of one second.
  explicit MessagePacer(std::size_t per_second = 50);

  // The earliest instant, at or after `now`, at which one more message may be sent.
  Timestamp next_slot(Timestamp now) const;
  // Records a message sent at `at` (which must be at or after next_slot of that time).
  void sent(Timestamp at);
  std::size_t limit() const { return limit_; }

 private:
  std::size_t limit_;
  std::deque<Timestamp> window_;  // send times within the last second, oldest first
};

}  // namespace ibtrade::tws
