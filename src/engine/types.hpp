// Engine-wide vocabulary: instruments are keyed by symbol inside the engine (the TWS adapter maps
// symbols to conIds), and a Fill is one execution as the ledger books it. Plain values.
#pragma once

#include <string>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

using Symbol = std::string;

struct Fill {
  ClientOrderId client_order_id;
  ExecutionId execution_id;
  Symbol symbol;
  Side side = Side::kBuy;
  Quantity quantity;  // positive
  Price price;
  Money commission;  // positive is a cost; zero until the broker reports it (IB sends it later)
  Timestamp time;

  friend bool operator==(const Fill&, const Fill&) = default;
};

}  // namespace ibtrade::engine
