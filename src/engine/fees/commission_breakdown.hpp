// What one fill was charged, item by item: the broker's commission, each third-party fee, and the
// total that is booked. Plain value; no threading rule.
#pragma once

#include <string>
#include <vector>

#include "core/fixed_point.hpp"

namespace ibtrade::engine {

struct FeeCharge {
  std::string name;
  Money amount;  // exact

  friend bool operator==(const FeeCharge&, const FeeCharge&) = default;
};

struct CommissionBreakdown {
  Money commission;             // broker's commission on this fill, after min/max, exact
  std::vector<FeeCharge> fees;  // in the plan's order, every item, zero where it did not apply
  Money total;                  // booked: rounded to cents, half to even (see docs/risk.md)

  friend bool operator==(const CommissionBreakdown&, const CommissionBreakdown&) = default;
};

}  // namespace ibtrade::engine
