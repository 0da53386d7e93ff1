// An order as a strategy asks for it: side, type, time in force, quantity, prices and links
// (parent, OCA group). Plain value type; no threading rule. Status lives in the engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/contract.hpp"
#include "core/fixed_point.hpp"
#include "core/ids.hpp"

namespace ibtrade {

enum class Side { kBuy, kSell };
enum class OrderType {
  kMarket,         // MKT
  kLimit,          // LMT
  kStop,           // STP
  kStopLimit,      // STP LMT
  kTrailingStop,   // TRAIL
  kMarketOnClose,  // MOC
  kLimitOnClose,   // LOC
};
enum class TimeInForce { kDay, kGtc, kIoc, kOpg };

// IB's wire names: BUY/SELL, MKT/LMT/STP/"STP LMT"/TRAIL/MOC/LOC, DAY/GTC/IOC/OPG.
std::string_view to_ib_code(Side side);
std::string_view to_ib_code(OrderType type);
std::string_view to_ib_code(TimeInForce tif);
std::optional<Side> side_from_ib_code(std::string_view code);
std::optional<OrderType> order_type_from_ib_code(std::string_view code);
std::optional<TimeInForce> tif_from_ib_code(std::string_view code);

inline Side opposite(Side side) {
  return side == Side::kBuy ? Side::kSell : Side::kBuy;
}

struct PercentTag {
  static constexpr std::string_view kName = "percent";
};
using Percent = Decimal<PercentTag>;  // 1.5 means 1.5 %

struct Order {
  // Out of line: an order copy is ten strings, made in several places on every order's path;
  // one shared copy of that code stays in the instruction cache where ten inlined ones do not.
  Order();
  Order(const Order&);
  Order(Order&&) noexcept;
  Order& operator=(const Order&);
  Order& operator=(Order&&) noexcept;
  ~Order();

  ClientOrderId client_order_id;
  StrategyId strategy_id;
  AccountId account_id;
  Contract contract;
  Side side = Side::kBuy;
  OrderType type = OrderType::kMarket;
  TimeInForce tif = TimeInForce::kDay;
  Quantity quantity;                       // always positive; direction is `side`
  std::optional<Price> limit_price;        // LMT, STP LMT, LOC
  std::optional<Price> stop_price;         // STP, STP LMT trigger; TRAIL initial stop (optional)
  std::optional<Price> trail_amount;       // TRAIL: distance in price, or
  std::optional<Percent> trail_percent;    // TRAIL: distance in percent of the price
  bool outside_rth = false;                // may fill in pre/post-market (IB: outsideRth)
  std::optional<ClientOrderId> parent_id;  // bracket child: live only once the parent fills
  std::string oca_group;                   // one-cancels-all group name, empty for none
  std::string order_ref;                   // free text carried to IB and back (we put our id here)

  friend bool operator==(const Order&, const Order&) = default;
};

// Checks that the order is complete and coherent for its type (prices present and positive,
// quantity positive, no price that the type ignores). Empty string when valid, else the problem.
std::string check_order(const Order& order);

}  // namespace ibtrade
