// The settings of one simulator instance: where it listens, which market it replays and how fast,
// the paper account it pretends to hold. Plain value type (the bar source it may share is
// immutable); no threading rule.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <date/date.h>

#include "core/fixed_point.hpp"
#include "core/time.hpp"

namespace ibtrade::sim {

class BarSource;

struct SimOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 7497;       // 0 = any free port (tests)
  std::uint16_t http_port = 8090;  // fault injection (and NASDAQ routes); 0 = any free port
  bool http_enabled = true;
  std::uint64_t seed = 42;
  std::size_t symbols = 100;
  // The market served over TWS; none: the synthetic market of `seed` and `symbols`. A CSV
  // replay (`--csv`) is loaded, and its errors reported, before the server is built.
  std::shared_ptr<const BarSource> bars;
  // Market seconds per wall second. The replay skips nights, weekends and holidays: market time
  // runs through regular sessions only.
  double speed = 1.0;
  // First session replayed (from its open); none = the most recent trading day (synthetic) or
  // the first bar (CSV).
  std::optional<date::year_month_day> from;
  std::string account = "DU1234567";
  Money starting_cash = Money::from_units(1'000'000, 2);
  // Wall-clock period of the market loop: quotes to the venue, ticks, real-time bars.
  Nanoseconds tick_interval = std::chrono::milliseconds(250);
  // Wall-clock period between scanner snapshots of a live subscription.
  Nanoseconds scanner_interval = std::chrono::seconds(30);
  // Incoming messages a client may send per second before error 100 (IB: 50).
  std::size_t max_messages_per_second = 50;
  // Largest size shown at the bid and ask: bigger orders fill in parts, as on a real book.
  std::int64_t max_displayed_size = 500;
};

}  // namespace ibtrade::sim
