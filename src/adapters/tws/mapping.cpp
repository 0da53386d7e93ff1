#include "adapters/tws/mapping.hpp"

#include <cmath>
#include <limits>

namespace ibtrade::tws {
namespace {

// Anything at or beyond this is a sentinel or garbage, never a price, money or size this system
// holds (the fixed-point range is +-9.2e9).
constexpr double kFixedRangeLimit = 9.0e9;

bool mappable(double value) {
  return std::isfinite(value) && std::fabs(value) < kFixedRangeLimit;
}

Error field_error(std::string_view message, std::string_view what) {
  return make_error(std::string(message) + ": " + std::string(what));
}

}  // namespace

std::optional<Price> to_price(double wire, const PriceRounding& rounding) {
  if (!mappable(wire)) return std::nullopt;
  if (rounding.tick && rounding.tick->is_positive()) {
    // The number of ticks, rounded once (half to even), then scaled back exactly.
    const double ticks = wire / rounding.tick->to_double();
    auto units = fixed::from_double(ticks, 0);
    if (!units) return std::nullopt;
    return *rounding.tick * (*units / kFixedScale);
  }
  return Price::from_double(wire, rounding.precision);
}

std::optional<Price> to_price(std::optional<double> wire, const PriceRounding& rounding) {
  return wire ? to_price(*wire, rounding) : std::nullopt;
}

std::optional<Money> to_money(double wire, int precision) {
  if (!mappable(wire)) return std::nullopt;
  return Money::from_double(wire, precision);
}

std::optional<Money> to_money(std::optional<double> wire, int precision) {
  return wire ? to_money(*wire, precision) : std::nullopt;
}

std::optional<Quantity> to_quantity(double wire, int precision) {
  if (!mappable(wire)) return std::nullopt;
  return Quantity::from_double(wire, precision);
}

double to_wire(Price price) {
  return price.to_double();
}

WireContract to_wire_contract(const Contract& contract) {
  WireContract wire;
  assign_wire_contract(contract, wire);
  return wire;
}

void assign_wire_contract(const Contract& contract, WireContract& out) {
  out.con_id = contract.con_id ? contract.con_id->value() : 0;
  out.symbol = contract.symbol;
  out.sec_type = to_ib_code(contract.sec_type);
  out.exchange = contract.exchange;
  out.primary_exchange = contract.primary_exchange;
  out.currency = contract.currency;
}

Result<Contract> to_core_contract(const WireContract& wire) {
  const auto sec_type = sec_type_from_ib_code(wire.sec_type);
  if (!sec_type) return make_error("security type '" + wire.sec_type + "' is not supported");
  Contract contract;
  contract.symbol = wire.symbol;
  contract.sec_type = *sec_type;
  contract.exchange = wire.exchange;
  contract.primary_exchange = wire.primary_exchange;
  contract.currency = wire.currency;
  if (wire.con_id != 0) contract.con_id = ConId{wire.con_id};
  return contract;
}

Result<PlaceOrder> to_place_order(const Order& order, const PlaceOrderIds& ids) {
  PlaceOrder message;
  if (Status status = to_place_order(order, ids, message); !status.ok()) return status.error();
  return message;
}

Status to_place_order(const Order& order, const PlaceOrderIds& ids, PlaceOrder& out) {
  if (auto problem = check_order(order); !problem.empty()) return make_error(problem);
  const auto fits_int = [](std::int64_t id) {
    return id >= 0 && id <= std::numeric_limits<int>::max();
  };
  if (!fits_int(ids.order_id.value())) {
    return make_error("broker order id " + std::to_string(ids.order_id.value()) +
                      " does not fit the wire's 32-bit order id");
  }
  if (ids.parent_id && !fits_int(ids.parent_id->value())) {
    return make_error("parent order id " + std::to_string(ids.parent_id->value()) +
                      " does not fit the wire's 32-bit order id");
  }
  out.order_id = static_cast<int>(ids.order_id.value());
  assign_wire_contract(order.contract, out.contract);
  WireOrder& o = out.order;
  o.action = to_ib_code(order.side);
  o.total_quantity = order.quantity;
  o.order_type = to_ib_code(order.type);
  o.tif = to_ib_code(order.tif);
  o.account = order.account_id.value();
  // The order ref comes back in OPEN_ORDER and EXECUTION_DATA: our id, unless the strategy
  // chose a ref of its own.
  o.order_ref = order.order_ref.empty() ? order.client_order_id.value() : order.order_ref;
  o.oca_group = order.oca_group;
  o.outside_rth = order.outside_rth;
  o.transmit = ids.transmit;
  o.parent_id = ids.parent_id ? static_cast<int>(ids.parent_id->value()) : 0;
  o.lmt_price =
      order.limit_price ? std::optional<double>(to_wire(*order.limit_price)) : std::nullopt;
  o.aux_price.reset();
  o.trailing_percent.reset();
  o.trail_stop_price.reset();
  switch (order.type) {
    case OrderType::kStop:
    case OrderType::kStopLimit:
      o.aux_price = to_wire(*order.stop_price);
      break;
    case OrderType::kTrailingStop:
      // IB: auxPrice is the trailing amount, trailingPercent the alternative; trailStopPrice is
      // the initial stop.
      if (order.trail_amount) o.aux_price = to_wire(*order.trail_amount);
      if (order.trail_percent) o.trailing_percent = order.trail_percent->to_double();
      if (order.stop_price) o.trail_stop_price = to_wire(*order.stop_price);
      break;
    default:
      break;
  }
  return {};
}

Result<Order> to_core_order(const PlaceOrder& message, const PriceRounding& rounding) {
  const WireOrder& o = message.order;
  const auto refuse = [&](const std::string& what) {
    return field_error("PLACE_ORDER " + std::to_string(message.order_id), what);
  };
  Order order;
  auto contract = to_core_contract(message.contract);
  if (!contract) return refuse(contract.error().message);
  if (contract->sec_type == SecType::kCombo) return refuse("combo (BAG) orders are not supported");
  order.contract = std::move(*contract);
  const auto side = side_from_ib_code(o.action);
  if (!side) return refuse("action '" + o.action + "' is not supported (BUY or SELL)");
  order.side = *side;
  const auto type = order_type_from_ib_code(o.order_type);
  if (!type) return refuse("order type '" + o.order_type + "' is not supported");
  order.type = *type;
  const auto tif =
      o.tif.empty() ? std::optional<TimeInForce>(TimeInForce::kDay) : tif_from_ib_code(o.tif);
  if (!tif) return refuse("time in force '" + o.tif + "' is not supported");
  order.tif = *tif;
  if (!o.algo_strategy.empty()) return refuse("algo orders are not supported");
  if (!o.conditions.empty()) return refuse("conditional orders are not supported");
  order.quantity = o.total_quantity;
  order.account_id = AccountId{o.account};
  order.order_ref = o.order_ref;
  order.client_order_id =
      ClientOrderId{o.order_ref.empty() ? "tws-" + std::to_string(message.order_id) : o.order_ref};
  order.oca_group = o.oca_group;
  order.outside_rth = o.outside_rth;
  const auto price_of = [&](std::optional<double> wire,
                            std::string_view name) -> Result<std::optional<Price>> {
    if (!wire) return std::optional<Price>();
    auto price = to_price(*wire, rounding);
    if (!price) return refuse(std::string(name) + " " + format_number(*wire) + " is not a price");
    return std::optional<Price>(price);
  };
  auto lmt = price_of(o.lmt_price, "lmtPrice");
  if (!lmt) return lmt.error();
  auto aux = price_of(o.aux_price, "auxPrice");
  if (!aux) return aux.error();
  switch (order.type) {
    case OrderType::kLimit:
    case OrderType::kLimitOnClose:
      order.limit_price = *lmt;
      break;
    case OrderType::kStop:
      order.stop_price = *aux;
      break;
    case OrderType::kStopLimit:
      order.limit_price = *lmt;
      order.stop_price = *aux;
      break;
    case OrderType::kTrailingStop: {
      order.trail_amount = *aux;
      if (o.trailing_percent) {
        order.trail_percent = Percent::from_double(*o.trailing_percent, 4);
        if (!order.trail_percent) return refuse("trailingPercent is not a percentage");
      }
      auto stop = price_of(o.trail_stop_price, "trailStopPrice");
      if (!stop) return stop.error();
      order.stop_price = *stop;
      break;
    }
    case OrderType::kMarket:
    case OrderType::kMarketOnClose:
      break;
  }
  if (auto problem = check_order(order); !problem.empty()) return refuse(problem);
  return order;
}

Result<Execution> to_core_execution(const ExecutionData& message, const PriceRounding& rounding,
                                    Timestamp time) {
  const WireExecution& e = message.execution;
  const auto refuse = [&](const std::string& what) {
    return field_error("EXECUTION_DATA " + e.exec_id, what);
  };
  Execution execution;
  auto contract = to_core_contract(message.contract);
  if (!contract) return refuse(contract.error().message);
  execution.contract = std::move(*contract);
  if (e.side == "BOT") {
    execution.side = Side::kBuy;
  } else if (e.side == "SLD") {
    execution.side = Side::kSell;
  } else {
    return refuse("side '" + e.side + "' is neither BOT nor SLD");
  }
  auto price = to_price(e.price, rounding);
  auto average = to_price(e.avg_price, rounding);
  if (!price || !average) return refuse("price or average price is not a price");
  if (!e.shares.is_positive()) return refuse("shares " + e.shares.to_string() + " not positive");
  execution.execution_id = ExecutionId{e.exec_id};
  execution.broker_order_id = BrokerOrderId{message.order_id};
  execution.perm_id = PermId{e.perm_id};
  execution.client_order_id = ClientOrderId{e.order_ref};
  execution.account_id = AccountId{e.account};
  execution.quantity = e.shares;
  execution.price = *price;
  execution.time = time;
  execution.exchange = e.exchange;
  execution.cumulative_quantity = e.cum_qty;
  execution.average_price = *average;
  return execution;
}

ExecutionData to_execution_data(const Execution& execution, int req_id, int order_id,
                                std::string time_text) {
  ExecutionData message;
  message.req_id = req_id;
  message.order_id = order_id;
  message.contract = to_wire_contract(execution.contract);
  message.contract.exchange = execution.exchange;  // the venue, as TWS reports it
  message.contract.primary_exchange.clear();       // not carried by this message
  message.contract.local_symbol = execution.contract.symbol;
  WireExecution& e = message.execution;
  e.exec_id = execution.execution_id.value();
  e.time = std::move(time_text);
  e.account = execution.account_id.value();
  e.exchange = execution.exchange;
  e.side = execution.side == Side::kBuy ? "BOT" : "SLD";
  e.shares = execution.quantity;
  e.price = to_wire(execution.price);
  e.perm_id = execution.perm_id.value();
  e.cum_qty = execution.cumulative_quantity;
  e.avg_price = to_wire(execution.average_price);
  e.order_ref = execution.client_order_id.value();
  e.last_liquidity = 2;  // removed liquidity: what a marketable fill does
  return message;
}

CommissionReport to_commission_message(const ibtrade::CommissionReport& report) {
  CommissionReport message;
  message.exec_id = report.execution_id.value();
  message.commission = report.commission.to_double();
  message.currency = report.currency;
  if (report.realized_pnl) message.realized_pnl = report.realized_pnl->to_double();
  return message;
}

Result<ibtrade::CommissionReport> to_core_commission(const CommissionReport& message,
                                                     int precision) {
  auto commission = to_money(message.commission, precision);
  if (!commission) {
    return field_error("COMMISSION_REPORT " + message.exec_id,
                       "commission " + format_number(message.commission) + " is not money");
  }
  ibtrade::CommissionReport report;
  report.execution_id = ExecutionId{message.exec_id};
  report.commission = *commission;
  report.currency = message.currency;
  report.realized_pnl = to_money(message.realized_pnl, precision);
  return report;
}

Result<Position> to_core_position(const PositionData& message, const PriceRounding& rounding) {
  auto contract = to_core_contract(message.contract);
  if (!contract) return field_error("POSITION_DATA", contract.error().message);
  // POSITION_DATA names the listing exchange where orders name the route.
  contract->primary_exchange = contract->exchange;
  contract->exchange = "SMART";
  auto cost = to_price(message.avg_cost, rounding);
  if (!cost) return field_error("POSITION_DATA", "avgCost is not a price");
  Position position;
  position.account_id = AccountId{message.account};
  position.contract = std::move(*contract);
  position.quantity = message.position;
  position.average_cost = *cost;
  return position;
}

namespace {
std::optional<AccountValue> account_value(const std::string& account, const std::string& key,
                                          const std::string& value, const std::string& currency) {
  auto money = Money::parse(value);
  if (!money) return std::nullopt;
  return AccountValue{AccountId{account}, key, *money, currency};
}
}  // namespace

std::optional<AccountValue> to_core_account_value(const AcctValue& message) {
  return account_value(message.account, message.key, message.value, message.currency);
}

std::optional<AccountValue> to_core_account_value(const AccountSummary& message) {
  return account_value(message.account, message.tag, message.value, message.currency);
}

namespace {
Result<Bar> make_bar(std::string_view what, Timestamp time, double open, double high, double low,
                     double close, const std::optional<Quantity>& volume,
                     const PriceRounding& rounding) {
  auto o = to_price(open, rounding);
  auto h = to_price(high, rounding);
  auto l = to_price(low, rounding);
  auto c = to_price(close, rounding);
  if (!o || !h || !l || !c) return field_error(what, "a bar price is not a price");
  Bar bar{time, *o, *h, *l, *c, volume && !volume->is_negative() ? *volume : Quantity()};
  if (auto problem = check_bar(bar); !problem.empty()) return field_error(what, problem);
  return bar;
}
}  // namespace

Result<Bar> to_core_bar(const RealTimeBars& message, const PriceRounding& rounding) {
  return make_bar("REAL_TIME_BARS", Timestamp{std::chrono::seconds{message.time}}, message.open,
                  message.high, message.low, message.close, message.volume, rounding);
}

Result<Bar> to_core_bar(const HistoricalBar& bar, Timestamp time, const PriceRounding& rounding) {
  return make_bar("HISTORICAL_DATA bar " + bar.date, time, bar.open, bar.high, bar.low, bar.close,
                  bar.volume, rounding);
}

}  // namespace ibtrade::tws
