// ClientConfig: everything the TWS client needs to know that is not a request: where TWS is, the
// client id and what to do when it is taken, the version range, pacing, backoff, line budget and
// watchdog allowances. Plain value; no threading rule.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/tws/session/historical_pacer.hpp"
#include "adapters/tws/session/reconnect_backoff.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "adapters/tws/wire/handshake.hpp"
#include "core/time.hpp"

namespace ibtrade::tws {

// What to do when TWS answers START_API with 326 ("client id is already in use").
enum class ClientIdPolicy {
  // Report it and stop: no reconnect until the owner starts a new client.
  kStop,
  // Before the first session: try the next id (client_id + 1, ...). Once a session existed, keep
  // the id (open orders are bound to it) and retry it with backoff: after a drop TWS often still
  // holds our dead socket for a while. Either way stop after client_id_attempts refusals in a row.
  kNextId,
};

struct ClientConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 4002;  // IB Gateway paper
  int client_id = 1;
  ClientIdPolicy client_id_policy = ClientIdPolicy::kNextId;
  int client_id_attempts = 5;

  ClientHello hello{};  // v100..178; the server's answer must be within 157..178
  // Surplus fields after a known message: ignored, so a Gateway that appends fields does not cut
  // the connection. Missing or malformed fields always close it.
  Trailing trailing = Trailing::kIgnore;

  // After every (re)connect: REQ_ALL_OPEN_ORDERS instead of REQ_OPEN_ORDERS.
  bool all_open_orders = false;

  BackoffPolicy backoff{};
  std::uint64_t jitter_seed = 1;  // seeds the backoff jitter (deterministic tests)

  std::size_t messages_per_second = 50;                          // IB's limit for client messages
  Nanoseconds pacing_violation_pause = std::chrono::seconds(1);  // after error 100
  HistoricalPacingLimits historical{};
  Nanoseconds historical_violation_pause = std::chrono::seconds(15);  // after 162 / 420
  std::size_t market_data_lines = 100;

  // Silence allowed before the watchdog reports a subscription; zero switches it off for the kind.
  Nanoseconds market_data_silence = std::chrono::seconds(60);
  Nanoseconds real_time_bars_silence = std::chrono::seconds(20);  // bars come every 5 s
  Nanoseconds scanner_silence = Nanoseconds::zero();
  Nanoseconds watchdog_interval = std::chrono::seconds(1);

  Nanoseconds connect_timeout = std::chrono::seconds(10);
  // From TCP connect to NEXT_VALID_ID and MANAGED_ACCTS.
  Nanoseconds handshake_timeout = std::chrono::seconds(15);
  // stop() first writes what was already handed to the socket (an order placed just before
  // stop must not vanish), for at most this long if the peer does not read.
  Nanoseconds stop_flush_timeout = std::chrono::seconds(2);
};

}  // namespace ibtrade::tws
