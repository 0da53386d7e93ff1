// Market data records: bars and quote/trade ticks, as the engine and indicators see them.
// Plain value types; no threading rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

namespace ibtrade {

// One OHLCV bar. `time` is the bar's start, UTC.
struct Bar {
  Timestamp time;
  Price open;
  Price high;
  Price low;
  Price close;
  Quantity volume;

  friend bool operator==(const Bar&, const Bar&) = default;
};

// Best bid and offer. A side may be missing (no quote, or halted).
struct Quote {
  ConId con_id;
  Timestamp time;
  std::optional<Price> bid;
  std::optional<Price> ask;
  Quantity bid_size;
  Quantity ask_size;

  friend bool operator==(const Quote&, const Quote&) = default;
};

// One print on the tape.
struct Trade {
  ConId con_id;
  Timestamp time;
  Price price;
  Quantity size;

  friend bool operator==(const Trade&, const Trade&) = default;
};

// Bar invariants every source must satisfy (low <= open, close <= high; volume >= 0).
inline bool is_valid_bar(const Bar& bar) {
  return bar.low <= bar.high && bar.low <= bar.open && bar.open <= bar.high &&
         bar.low <= bar.close && bar.close <= bar.high && !bar.volume.is_negative();
}

// What is wrong with a bar that is not is_valid_bar(); empty for a valid one.
std::string describe_bar_problem(const Bar& bar);

// Returns an empty string when valid, else what is wrong. Inline: the simulated venue and the
// ledger check every bar, and a valid bar should cost a few comparisons, not a call.
inline std::string check_bar(const Bar& bar) {
  if (is_valid_bar(bar)) [[likely]]
    return {};
  return describe_bar_problem(bar);
}

}  // namespace ibtrade
