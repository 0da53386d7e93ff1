// Mounts the NASDAQ-shaped earnings endpoints on a cpp-httplib server: the api.nasdaq.com paths,
// answered from the synthetic market at the simulator's current time.
// Handlers run on httplib's worker threads: the market is immutable, `now` must be thread-safe.
#pragma once

#include <functional>

#include <httplib.h>

#include "core/time.hpp"
#include "engine/market/synthetic_market.hpp"
#include "services/sim_nasdaq/nasdaq_json.hpp"

namespace ibtrade::services::sim_nasdaq {

// The simulated "now" (e.g. a load of the simulator's clock published in an atomic).
using NowFunction = std::function<Timestamp()>;

// Registers, relative to the server's root:
//   GET /api/calendar/earnings?date=YYYY-MM-DD
//   GET /api/company/{SYM}/earnings-surprise
//   GET /api/analyst/{SYM}/earnings-forecast
//   GET /api/analyst/{SYM}/earnings-date
// A missing or malformed date, or a symbol that cannot be a ticker, is HTTP 400 with a JSON
// body in Nasdaq's envelope naming the problem; a well-formed but unknown symbol is HTTP 200
// with Nasdaq's in-band "Symbol not exists." error, as the real API answers. `market` must
// outlive the server.
void mount_nasdaq_routes(httplib::Server& server, const engine::market::SyntheticMarket& market,
                         const NowFunction& now, NasdaqOptions options = {});

}  // namespace ibtrade::services::sim_nasdaq
