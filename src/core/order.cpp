#include "core/order.hpp"

#include <array>
#include <utility>

#include "core/name_table.hpp"

namespace ibtrade {
namespace {

constexpr NameTable<Side, 2> kSides{{
    {Side::kBuy, "BUY"},
    {Side::kSell, "SELL"},
}};
constexpr NameTable<OrderType, 7> kOrderTypes{{
    {OrderType::kMarket, "MKT"},
    {OrderType::kLimit, "LMT"},
    {OrderType::kStop, "STP"},
    {OrderType::kStopLimit, "STP LMT"},
    {OrderType::kTrailingStop, "TRAIL"},
    {OrderType::kMarketOnClose, "MOC"},
    {OrderType::kLimitOnClose, "LOC"},
}};
constexpr NameTable<TimeInForce, 4> kTifs{{
    {TimeInForce::kDay, "DAY"},
    {TimeInForce::kGtc, "GTC"},
    {TimeInForce::kIoc, "IOC"},
    {TimeInForce::kOpg, "OPG"},
}};

bool needs_limit(OrderType type) {
  return type == OrderType::kLimit || type == OrderType::kStopLimit ||
         type == OrderType::kLimitOnClose;
}
bool needs_stop(OrderType type) {
  return type == OrderType::kStop || type == OrderType::kStopLimit;
}

}  // namespace

std::string_view to_ib_code(Side side) {
  return name_of(kSides, side);
}
std::string_view to_ib_code(OrderType type) {
  return name_of(kOrderTypes, type);
}
std::string_view to_ib_code(TimeInForce tif) {
  return name_of(kTifs, tif);
}
std::optional<Side> side_from_ib_code(std::string_view code) {
  return value_of(kSides, code);
}
std::optional<OrderType> order_type_from_ib_code(std::string_view code) {
  return value_of(kOrderTypes, code);
}
std::optional<TimeInForce> tif_from_ib_code(std::string_view code) {
  return value_of(kTifs, code);
}

Order::Order() = default;
Order::Order(const Order&) = default;
Order::Order(Order&&) noexcept = default;
Order& Order::operator=(const Order&) = default;
Order& Order::operator=(Order&&) noexcept = default;
Order::~Order() = default;

std::string check_order(const Order& order) {
  // The type's name only for the error texts: nothing is built on the valid path.
  const auto type = [&] { return std::string(to_ib_code(order.type)); };
  if (order.client_order_id.value().empty()) return "order has no client order id";
  if (order.contract.symbol.empty() && !order.contract.con_id) {
    return "order has neither a symbol nor a conId";
  }
  if (!order.quantity.is_positive()) {
    return "quantity must be positive, got " + order.quantity.to_string();
  }
  if (needs_limit(order.type) != order.limit_price.has_value()) {
    return needs_limit(order.type) ? type() + " order needs a limit price"
                                   : type() + " order must not carry a limit price";
  }
  if (order.limit_price && !order.limit_price->is_positive()) {
    return "limit price must be positive, got " + order.limit_price->to_string();
  }
  if (needs_stop(order.type) && !order.stop_price) return type() + " order needs a stop price";
  if (order.stop_price && !needs_stop(order.type) && order.type != OrderType::kTrailingStop) {
    return type() + " order must not carry a stop price";
  }
  if (order.stop_price && !order.stop_price->is_positive()) {
    return "stop price must be positive, got " + order.stop_price->to_string();
  }
  if (order.type == OrderType::kTrailingStop) {
    if (order.trail_amount.has_value() == order.trail_percent.has_value()) {
      return "TRAIL order needs exactly one of trail amount and trail percent";
    }
    if (order.trail_amount && !order.trail_amount->is_positive()) {
      return "trail amount must be positive, got " + order.trail_amount->to_string();
    }
    if (order.trail_percent &&
        (!order.trail_percent->is_positive() || *order.trail_percent >= Percent::from_units(100))) {
      return "trail percent must be in (0, 100), got " + order.trail_percent->to_string();
    }
  } else if (order.trail_amount || order.trail_percent) {
    return type() + " order must not carry a trailing distance";
  }
  const bool on_close =
      order.type == OrderType::kMarketOnClose || order.type == OrderType::kLimitOnClose;
  if (on_close && order.tif != TimeInForce::kDay) return type() + " order must be DAY";
  if (order.tif == TimeInForce::kOpg && order.type != OrderType::kMarket &&
      order.type != OrderType::kLimit) {
    return "OPG time in force applies to MKT and LMT orders only";
  }
  return {};
}

}  // namespace ibtrade
