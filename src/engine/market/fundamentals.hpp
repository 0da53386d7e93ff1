// A symbol's synthetic fundamentals at a close: shares, market cap, trailing EPS and P/E.
// Plain values and a pure function; no threading rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include <date/date.h>

#include "core/fixed_point.hpp"
#include "engine/market/earnings_calendar.hpp"
#include "engine/market/universe.hpp"

namespace ibtrade::engine::market {

// Issuer-sized numbers are int64 whole dollars or shares: an issuer's market cap can pass the
// ~9.2e9 units a Money holds.
struct Fundamentals {
  std::size_t symbol_index = 0;
  date::year_month_day as_of;  // the trading day whose close prices it
  Price price;                 // that close
  std::int64_t shares_outstanding = 0;
  std::int64_t float_shares = 0;
  std::int64_t market_cap = 0;     // price x shares_outstanding, whole dollars, half to even
  std::optional<Money> eps_ttm;    // the last four reported quarters; none with fewer
  std::optional<double> pe_ratio;  // price / eps_ttm, only when eps_ttm > 0
  std::int64_t avg_volume = 0;     // the model's expected shares per full session
};

// Whole dollars, rounded half to even.
std::int64_t market_cap_of(Price price, std::int64_t shares);

// `last_four` are the latest reports published by the close of `as_of` (any order).
Fundamentals make_fundamentals(const SymbolParams& params, date::year_month_day as_of, Price price,
                               std::span<const EarningsReport> last_four);

}  // namespace ibtrade::engine::market
