#include "engine/portfolio/closed_trade.hpp"

namespace ibtrade::engine {

Percent ClosedTrade::return_percent() const {
  constexpr int kDecimals = 6;
  if (entry_notional.is_zero()) return {};
  // net / notional x 100, kept in raw units (1e-9) of a percent.
  return Percent::from_raw(
      fixed::mul_div_rounded(net_pnl.raw(), 100 * kFixedScale, entry_notional.raw(), kDecimals),
      kDecimals);
}

}  // namespace ibtrade::engine
