// The edge between TWS wire values and core types: doubles become fixed-point Price/Money/
// Quantity once, here; unset becomes nullopt; wire orders, contracts, executions, positions and
// bars map to and from core records. Pure functions; no threading rule.
#pragma once

#include <optional>
#include <string>

#include "adapters/tws/messages/account.hpp"
#include "adapters/tws/messages/bars.hpp"
#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/messages/executions.hpp"
#include "adapters/tws/messages/orders.hpp"
#include "core/account.hpp"
#include "core/contract.hpp"
#include "core/execution.hpp"
#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/market_data.hpp"
#include "core/order.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::tws {

// How a TWS double becomes a Price: to the nearest multiple of the contract's tick when it is
// known, else to `precision` decimals. Either way rounded once, half to even.
struct PriceRounding {
  std::optional<Price> tick;  // e.g. 0.01 from CONTRACT_DATA minTick
  int precision = 4;
};

// nullopt for unset (the sentinels, non-finite values) and for values outside the fixed-point
// range.
std::optional<Price> to_price(double wire, const PriceRounding& rounding);
std::optional<Price> to_price(std::optional<double> wire, const PriceRounding& rounding);
std::optional<Money> to_money(double wire, int precision);
std::optional<Money> to_money(std::optional<double> wire, int precision);
std::optional<Quantity> to_quantity(double wire, int precision);
// The double the wire carries for a price. Its shortest text is the price's decimal text for
// any price with at most 15 significant digits, so no precision is lost on the way out.
double to_wire(Price price);

// Contracts. The wire's security type must be one core models (STK, OPT, FUT, CASH, IND, CFD,
// BAG); conId 0 means unresolved.
WireContract to_wire_contract(const Contract& contract);
// The same into `out`, assigning only the fields a core contract maps to.
void assign_wire_contract(const Contract& contract, WireContract& out);
Result<Contract> to_core_contract(const WireContract& wire);

// Orders, client side: our order as PLACE_ORDER. The order must pass check_order(). IB wants
// the parent's broker id for a bracket child, which only the adapter's id bookkeeping knows.
struct PlaceOrderIds {
  BrokerOrderId order_id;
  std::optional<BrokerOrderId> parent_id;
  bool transmit = true;  // false on all but the last order of a bracket
};
Result<PlaceOrder> to_place_order(const Order& order, const PlaceOrderIds& ids);
// The same, written into `out`: every field the mapping sets is assigned (absent prices become
// unset), the others keep their values. A sender that keeps one PlaceOrder and reuses it for
// every order saves building, moving and freeing a message of some hundred fields per order.
// On an error `out` is unspecified.
Status to_place_order(const Order& order, const PlaceOrderIds& ids, PlaceOrder& out);

// Orders, simulator side: a received PLACE_ORDER as our order, for the order types, sides and
// times in force core models; anything else (REL, SSHORT, GTD, algos, conditions, combos) is
// refused with a message naming it. client_order_id is the orderRef, or "tws-<orderId>" when
// that is empty; parent_id stays empty (the caller maps the wire parentId).
Result<Order> to_core_order(const PlaceOrder& message, const PriceRounding& rounding);

// Executions. TWS's side codes are BOT/SLD; the time text is parsed by the caller (see
// tws_time.hpp) because its zone may need looking up.
Result<Execution> to_core_execution(const ExecutionData& message, const PriceRounding& rounding,
                                    Timestamp time);
ExecutionData to_execution_data(const Execution& execution, int req_id, int order_id,
                                std::string time_text);
CommissionReport to_commission_message(const ibtrade::CommissionReport& report);
Result<ibtrade::CommissionReport> to_core_commission(const CommissionReport& message,
                                                     int precision);

// Account.
Result<Position> to_core_position(const PositionData& message, const PriceRounding& rounding);
// Only numeric values map ("100000.00"); text values ("INDIVIDUAL", "true") give nullopt.
std::optional<AccountValue> to_core_account_value(const AcctValue& message);
std::optional<AccountValue> to_core_account_value(const AccountSummary& message);

// Bars. A bar whose prices do not map, or that breaks the bar invariants, is an error.
Result<Bar> to_core_bar(const RealTimeBars& message, const PriceRounding& rounding);
Result<Bar> to_core_bar(const HistoricalBar& bar, Timestamp time, const PriceRounding& rounding);

}  // namespace ibtrade::tws
