// The FUNDAMENTAL_RATIOS tick (tick 47, asked for with generic tick 258): IB's
// "KEY=VALUE;..." text built from the synthetic market's fundamentals. Pure; no threading rule.
#pragma once

#include <string>

#include "engine/market/fundamentals.hpp"

namespace ibtrade::sim {

// MKTCAP in $ millions, PEEXCLXOR, TTMEPSXCLX, NPRICE, QFLOATSHAREOUT / QSHOUT (millions),
// AVOL (thousands of shares); -99999.99 where IB would have no value.
std::string fundamental_ratios_text(const engine::market::Fundamentals& f);

}  // namespace ibtrade::sim
