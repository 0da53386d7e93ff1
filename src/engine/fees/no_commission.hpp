// The commission model that charges nothing: for tests and for comparing a strategy with and
// without costs. Stateless; no threading rule.
#pragma once

#include "engine/commission.hpp"

namespace ibtrade::engine {

class NoCommission final : public CommissionModel {
 public:
  Money commission(const CommissionInput& /*fill*/) override { return Money::from_units(0, 2); }
};

}  // namespace ibtrade::engine
