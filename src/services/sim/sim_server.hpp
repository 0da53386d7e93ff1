// SimServer: `ibtrade sim` on the network. One io_context thread runs the TWS listener (one
// FrameStream per connection), the market loop and the SimCore, which only ever runs there; an
// HTTP server (cpp-httplib, its own threads) offers fault injection and hosts extra routes such
// as the NASDAQ-shaped API. The public methods are thread-safe: they run their work on the io
// thread and return once it is applied.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/calendar/trading_calendar.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/market/synthetic_market.hpp"
#include "services/sim/bar_source.hpp"
#include "services/sim/sim_options.hpp"

namespace httplib {
class Server;
}

namespace ibtrade::sim {

struct SimStatus {
  std::vector<int> client_ids;  // clients that started the API
  std::size_t connections = 0;
  Timestamp market_time;
  bool refusing_connections = false;
  Nanoseconds status_delay{};
};

class SimServer {
 public:
  // Builds the synthetic market (this takes a moment for many symbols). `calendar` must outlive
  // the server. Throws std::invalid_argument for a start date without a session.
  SimServer(const TradingCalendar& calendar, SimOptions options);
  ~SimServer();
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  // Binds both ports and starts serving. An error names the address that could not be bound.
  Status start();
  // Closes every connection and both listeners, and joins the threads. Idempotent.
  void stop();

  std::uint16_t port() const;       // the bound TWS port (useful with port 0)
  std::uint16_t http_port() const;  // 0 when HTTP is disabled
  const SimOptions& options() const;
  // The synthetic market (the NASDAQ API's, and the TWS market unless options.bars is set).
  const engine::market::SyntheticMarket& market() const;
  // What the TWS side serves: the synthetic market or options.bars.
  const BarSource& bars() const;
  // The market's current instant; safe from any thread (HTTP handlers).
  Timestamp market_now() const;
  // For mounting more routes (the NASDAQ API) before start().
  httplib::Server& http();

  // Fault injection (docs/sim.md).
  // Closes every client connection, as a Gateway crash would.
  std::size_t drop_all_connections();
  // IB's daily restart: drops every connection and closes the listening port for `span` (a
  // client's connect is refused), then listens on the same port again.
  void refuse_connections_for(Nanoseconds span);
  // Holds every ORDER_STATUS back by `delay` (zero to stop), so it arrives after the messages
  // sent behind it: late and reordered statuses.
  void set_status_delay(Nanoseconds delay);
  // Sends 1100 (connectivity lost) to every client now and 1102 (restored, data maintained)
  // after `lost_for`.
  void connectivity_lost_for(Nanoseconds lost_for);
  SimStatus status();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ibtrade::sim
