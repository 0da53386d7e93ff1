// IBKR Tiered pricing for US stocks: a per-share rate that falls with the month's share volume
// (marginal, like tax brackets), a minimum per order and a cap in percent of trade value, plus
// exchange, clearing, pass-through and regulatory fees. Counts the month's volume from the fills
// it prices. Single-threaded, owned by the simulated venue (or whoever estimates costs) on the
// engine's kernel thread.
#pragma once

#include <optional>
#include <vector>

#include <date/tz.h>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"
#include "engine/commission.hpp"
#include "engine/fees/commission_breakdown.hpp"
#include "engine/fees/fee_item.hpp"
#include "engine/fees/ibkr_fees.hpp"
#include "engine/fees/stock_plan.hpp"

namespace ibtrade::engine {

struct VolumeTier {
  std::optional<Quantity> up_to;  // monthly shares, inclusive; none for the last tier
  Money per_share;

  friend bool operator==(const VolumeTier&, const VolumeTier&) = default;
};

// IBKR's US stock tiers: <= 300,000 shares 0.0035; <= 3,000,000 0.0020; <= 20,000,000 0.0015;
// <= 100,000,000 0.0010; above 0.0005.
std::vector<VolumeTier> ibkr_us_stock_tiers();

struct IbkrTieredConfig {
  std::vector<VolumeTier> tiers = ibkr_us_stock_tiers();                     // ascending
  Money minimum_per_order = decimal_of<Money>(35, 2);                        // USD 0.35
  std::optional<Percent> maximum_percent_of_value = Percent::from_units(1);  // 1 %
  std::vector<FeeItem> fees = ibkr::tiered_plan_fees();
  // The zone whose calendar months reset the volume (America/New_York to match IBKR's trade
  // dates); null counts UTC months. Must outlive the model.
  const date::time_zone* month_zone = nullptr;
};

class IbkrTieredCommission final : public CommissionModel {
 public:
  explicit IbkrTieredCommission(IbkrTieredConfig config = {});

  // Each fill priced as a whole order unless it names its order or brings its accrual; adds to
  // the volume.
  Money commission(const CommissionInput& fill) override;
  void order_closed(const ClientOrderId& order) override { close_order(order); }
  // With an order id the minimum and cap apply to the order's fills together, until close_order.
  CommissionBreakdown charge(const CommissionInput& fill,
                             const std::optional<ClientOrderId>& order = std::nullopt);
  // What charge would return, changing nothing.
  CommissionBreakdown estimate(const CommissionInput& fill,
                               const std::optional<ClientOrderId>& order = std::nullopt) const;
  void close_order(const ClientOrderId& order) { accruals_.close(order); }
  std::size_t open_orders() const { return accruals_.open_count(); }

  // Shares counted so far in the month of `t` (zero for any other month).
  Quantity monthly_volume(Timestamp t) const;
  // Starts the count for the month of `t` at `shares`: a live process restarted mid-month takes
  // the month's volume from the broker's statements.
  void seed_monthly_volume(Timestamp t, Quantity shares);

  const IbkrTieredConfig& config() const { return config_; }

 private:
  // Starts a new count when `t` falls in another month than the count's.
  void enter_month_of(Timestamp t);
  // Months since year 0 in the configured zone.
  int month_of(Timestamp t) const;
  // Per-share commission of `quantity` shares after `volume_before` shares this month.
  Money marginal_commission(Quantity volume_before, Quantity quantity) const;

  IbkrTieredConfig config_;
  StockPlan plan_;
  OrderAccruals accruals_;
  std::optional<int> month_;
  Quantity volume_;
};

}  // namespace ibtrade::engine
