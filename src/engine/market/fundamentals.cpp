#include "engine/market/fundamentals.hpp"

namespace ibtrade::engine::market {

std::int64_t market_cap_of(Price price, std::int64_t shares) {
  return fixed::mul_div(price.raw(), shares, kFixedScale);
}

Fundamentals make_fundamentals(const SymbolParams& params, date::year_month_day as_of, Price price,
                               std::span<const EarningsReport> last_four) {
  Fundamentals f;
  f.symbol_index = params.index;
  f.as_of = as_of;
  f.price = price;
  f.shares_outstanding = params.shares_outstanding;
  f.float_shares = params.float_shares;
  f.market_cap = market_cap_of(price, params.shares_outstanding);
  f.avg_volume = params.avg_volume;
  if (last_four.size() >= 4) {
    Money ttm = Money::from_units(0, 2);
    for (std::size_t i = 0; i < 4; ++i)
      ttm += last_four[i].eps;
    f.eps_ttm = ttm;
    // A ratio for screens, not money: the one place a double is the result.
    if (ttm.is_positive()) f.pe_ratio = price.to_double() / ttm.to_double();
  }
  return f;
}

}  // namespace ibtrade::engine::market
