// SessionPort: what the pure ClientSession asks of its transport (bytes out, closing, timers,
// connecting). TwsClient implements it over Asio; tests implement it by recording the calls.
// Called only on the thread that drives the session.
#pragma once

#include <string>

#include "core/time.hpp"

namespace ibtrade::tws {

class SessionPort {
 public:
  virtual ~SessionPort() = default;
  // Bytes for the socket of the current connection, in order (already framed).
  virtual void send(std::string bytes) = 0;
  // End the current connection (or connect attempt); the transport then reports
  // connection_closed / connect_failed with this reason.
  virtual void close(std::string reason) = 0;
  // Open a new connection after `delay`; then connection_opened or connect_failed.
  virtual void connect_after(Nanoseconds delay) = 0;
  // Call on_timer() at (or soon after) `at`. A later request for an earlier time wins; calling
  // on_timer early is harmless.
  virtual void wake_at(Timestamp at) = 0;
};

}  // namespace ibtrade::tws
