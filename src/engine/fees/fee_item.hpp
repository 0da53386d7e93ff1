// A third-party fee passed through on a fill (SEC transaction fee, FINRA TAF, clearing, exchange,
// pass-through): a rate on the shares, the trade value or the broker's commission, on every fill
// or on sales only, with an optional floor and cap per fill. Plain value; no threading rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/fixed_point.hpp"
#include "core/order.hpp"

namespace ibtrade::engine {

enum class FeeBasis : std::uint8_t {
  kPerShare,             // per_share x shares
  kPercentOfValue,       // percent of price x shares
  kPercentOfCommission,  // percent of the broker's commission on the fill (after min/max)
};

enum class FeeApplies : std::uint8_t { kAllFills, kSalesOnly };

struct FeeItem {
  std::string name;  // "sec_fee", "finra_taf", ... as it appears in a breakdown
  FeeBasis basis = FeeBasis::kPerShare;
  FeeApplies applies = FeeApplies::kAllFills;
  Money per_share;  // kPerShare: currency per share
  Percent percent;  // kPercentOf*: 0.0175 means 0.0175 %
  std::optional<Money> min_per_fill;
  std::optional<Money> max_per_fill;

  static FeeItem per_share_fee(std::string name, Money per_share, FeeApplies applies,
                               std::optional<Money> max_per_fill = std::nullopt);
  static FeeItem percent_of_value(std::string name, Percent percent, FeeApplies applies);
  // Regulators publish the SEC fee per million of proceeds ("$27.80 per million"); exact for
  // rates with at most 5 decimals.
  static FeeItem per_million_of_value(std::string name, Money per_million, FeeApplies applies);
  static FeeItem percent_of_commission(std::string name, Percent percent, FeeApplies applies);

  friend bool operator==(const FeeItem&, const FeeItem&) = default;
};

// What a fee is a rate on, for one fill.
struct FeeBase {
  Side side = Side::kBuy;
  Quantity quantity;  // positive
  Money value;        // price x quantity
  Money commission;   // the broker's commission on this fill
};

// The fee on one fill, exact at 1e-9 (rounding to cents happens once, on the fill's total);
// zero when the fee does not apply to the fill's side.
Money fee_amount(const FeeItem& item, const FeeBase& base);

// A decimal from an integer mantissa and a count of decimals: decimal_of<Money>(35, 2) is 0.35.
template <class D>
D decimal_of(std::int64_t mantissa, int decimals) {
  std::int64_t raw = mantissa;
  for (int i = decimals; i < kFixedPrecision; ++i)
    raw = fixed::mul_div(raw, 10, 1);
  return D::from_raw(raw, decimals);
}

}  // namespace ibtrade::engine
