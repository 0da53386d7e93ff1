// Market data records: bars and quote/trade ticks, as the engine and indicators see them.
// Plain value types; no threading rule.
#pragma once

#include <optional>

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
// Returns an empty string when valid, else what is wrong.
std::string check_bar(const Bar& bar);

}  // namespace ibtrade
