// Historical bars from the market's BarSource for REQ_HISTORICAL_DATA: minute bars aggregated to
// the requested size, or daily bars, over the requested duration up to the market's "now"
// (never beyond it: the replay must not leak the future). Pure functions; no threading rule.
#pragma once

#include <cstddef>

#include <date/tz.h>

#include "adapters/tws/messages/bars.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "services/sim/bar_source.hpp"

namespace ibtrade::sim {

// Bar sizes: 1, 2, 3, 5, 10, 15, 20, 30 mins, 1, 2 hours (aligned to the session's open) and
// 1 day; durations "<n> S|D|W|M|Y"; whatToShow TRADES, MIDPOINT, BID, ASK, ADJUSTED_LAST (the
// non-TRADES ones carry the trade prices and no volume). Errors are IB's 162 or 321 texts.
struct HistoricalError {
  int code = 162;
  std::string message;
};

struct HistoricalResult {
  std::optional<tws::HistoricalData> data;
  std::optional<HistoricalError> error;
};

HistoricalResult historical_bars(const BarSource& source, std::size_t symbol,
                                 const tws::ReqHistoricalData& request, Timestamp now,
                                 const date::time_zone& zone);

}  // namespace ibtrade::sim
