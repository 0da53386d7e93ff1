// IBKR Fixed pricing for US stocks: a flat rate per share with a minimum per order and a cap in
// percent of trade value; transaction fees pass through on sales. Single-threaded, owned by the
// simulated venue (or whoever estimates costs) on the engine's kernel thread.
#pragma once

#include <optional>
#include <vector>

#include "core/ids.hpp"
#include "engine/commission.hpp"
#include "engine/fees/commission_breakdown.hpp"
#include "engine/fees/fee_item.hpp"
#include "engine/fees/ibkr_fees.hpp"
#include "engine/fees/stock_plan.hpp"

namespace ibtrade::engine {

struct IbkrFixedConfig {
  Money per_share = decimal_of<Money>(5, 3);                                 // USD 0.005
  Money minimum_per_order = decimal_of<Money>(100, 2);                       // USD 1.00
  std::optional<Percent> maximum_percent_of_value = Percent::from_units(1);  // 1 %
  std::vector<FeeItem> fees = ibkr::fixed_plan_fees();
};

class IbkrFixedCommission final : public CommissionModel {
 public:
  explicit IbkrFixedCommission(IbkrFixedConfig config = {});

  // Each fill priced as a whole order unless it names its order or brings its accrual.
  Money commission(const CommissionInput& fill) override;
  void order_closed(const ClientOrderId& order) override { close_order(order); }
  // With an order id the minimum and cap apply to the order's fills together, until close_order.
  CommissionBreakdown charge(const CommissionInput& fill,
                             const std::optional<ClientOrderId>& order = std::nullopt);
  void close_order(const ClientOrderId& order) { accruals_.close(order); }
  std::size_t open_orders() const { return accruals_.open_count(); }

  const IbkrFixedConfig& config() const { return config_; }

 private:
  // commission() of a fill that brings no accrual: its order's totals are kept here, by id.
  Money commission_kept_here(const CommissionInput& fill);

  IbkrFixedConfig config_;
  Price per_share_;  // config_.per_share as a price, ready for notional()
  StockPlan plan_;
  OrderAccruals accruals_;
};

}  // namespace ibtrade::engine
