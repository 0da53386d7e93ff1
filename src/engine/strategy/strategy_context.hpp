// What a strategy may do and see: submit, modify and cancel orders (every one passes risk),
// read positions, account and open orders, set timers. Implemented by the engine kernel.
// Single-threaded: only valid inside a handler call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/order_status.hpp"
#include "engine/orders/order_manager.hpp"
#include "engine/orders/price_policies.hpp"
#include "engine/risk_gate.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

// A strategy's view of one of its orders after a change.
struct OrderUpdate {
  ClientOrderId client_order_id;
  Symbol symbol;
  OrderStatus status = OrderStatus::kInitialized;
  OrderStatus previous = OrderStatus::kInitialized;
  Quantity filled;
  Quantity quantity;
  Price average_fill_price;
  std::string reason;  // denial or rejection text, when there is one
};

// The immediate answer to a submit: the id, and whether risk or validation refused it at once.
struct SubmitResult {
  ClientOrderId client_order_id;
  OrderStatus status = OrderStatus::kInitialized;
  RiskDecision decision;  // not allowed: why

  bool accepted() const { return decision.allowed() && status != OrderStatus::kDenied; }
};

struct AccountView {
  Money cash;
  Money equity;
  Money buying_power;
  Money realized_pnl;
  Money unrealized_pnl;
  Money gross_exposure;
};

struct BracketIds {
  SubmitResult entry;
  ClientOrderId take_profit;
  ClientOrderId stop_loss;
};

class StrategyContext {
 public:
  virtual ~StrategyContext() = default;

  virtual Timestamp now() const = 0;
  virtual const StrategyId& strategy_id() const = 0;

  // A fresh client order id for this strategy ("<strategy>-<n>"), unique within the run.
  virtual ClientOrderId next_order_id() = 0;
  // Submits a complete order. An empty client_order_id is filled in; the same id twice does not
  // make two orders. Taken by rvalue reference: an order is ten strings, and a by-value
  // parameter cost one more move of them all on every submit.
  virtual SubmitResult submit(Order&& order) = 0;
  SubmitResult submit(const Order& order) { return submit(Order(order)); }
  // Entry, then take-profit (limit) and stop-loss (stop) that go live only once the entry fills,
  // sized to its filled quantity, one-cancels-the-other.
  virtual BracketIds submit_bracket(Order entry, Price take_profit, Price stop_loss) = 0;
  virtual bool modify(const ClientOrderId& id, const OrderChanges& changes) = 0;
  virtual bool cancel(const ClientOrderId& id) = 0;

  // Price management of a working order: reprice a limit toward the touch, move a protective
  // stop (break-even, trailing), cancel if unfilled after a while.
  virtual Status chase(const ClientOrderId& id, const ChasePolicy& policy) = 0;
  virtual Status manage_stop(const ClientOrderId& id, const StopPolicy& policy) = 0;
  virtual Status set_order_timeout(const ClientOrderId& id, Nanoseconds after) = 0;

  virtual Quantity position(const Symbol& symbol) const = 0;  // signed
  virtual Price average_cost(const Symbol& symbol) const = 0;
  virtual AccountView account() const = 0;
  virtual std::vector<OrderUpdate> open_orders() const = 0;

  virtual std::uint64_t set_timer(std::string name, Timestamp at,
                                  Nanoseconds interval = Nanoseconds::zero()) = 0;
  virtual bool cancel_timer(std::uint64_t id) = 0;

  // Conveniences that build an order and submit it. The engine builds such an order in the
  // record it keeps it in: cheaper than new_order() and submit(), which build it here and move
  // it there.
  SubmitResult market(const Symbol& symbol, Side side, Quantity quantity,
                      TimeInForce tif = TimeInForce::kDay);
  SubmitResult limit(const Symbol& symbol, Side side, Quantity quantity, Price limit_price,
                     TimeInForce tif = TimeInForce::kDay);
  SubmitResult stop(const Symbol& symbol, Side side, Quantity quantity, Price stop_price);
  SubmitResult stop_limit(const Symbol& symbol, Side side, Quantity quantity, Price stop_price,
                          Price limit_price);
  SubmitResult trailing_stop(const Symbol& symbol, Side side, Quantity quantity,
                             Price trail_amount);
  SubmitResult trailing_stop_percent(const Symbol& symbol, Side side, Quantity quantity,
                                     Percent trail_percent);
  SubmitResult market_on_close(const Symbol& symbol, Side side, Quantity quantity);
  SubmitResult limit_on_close(const Symbol& symbol, Side side, Quantity quantity,
                              Price limit_price);

  // An order for `symbol` with this strategy's id and a fresh client order id, ready to adjust.
  Order new_order(const Symbol& symbol, Side side, OrderType type, Quantity quantity);

 protected:
  // What the conveniences set on top of new_order's fields.
  struct OrderTerms {
    std::optional<Price> limit_price = std::nullopt;
    std::optional<Price> stop_price = std::nullopt;
    std::optional<Price> trail_amount = std::nullopt;
    std::optional<Percent> trail_percent = std::nullopt;
    TimeInForce tif = TimeInForce::kDay;

    // Inline: every convenience order passes through it.
    void apply_to(Order& order) const {
      order.limit_price = limit_price;
      order.stop_price = stop_price;
      order.trail_amount = trail_amount;
      order.trail_percent = trail_percent;
      order.tif = tif;
    }
  };
  // Submits new_order(symbol, side, type, quantity) completed with `terms`: the conveniences'
  // way in. This builds the order and passes it to submit(); an implementation may build it
  // where it will keep it instead, and save moving it there.
  virtual SubmitResult submit_new(const Symbol& symbol, Side side, OrderType type,
                                  Quantity quantity, const OrderTerms& terms);
  // Sets new_order's fields on `order`, a default-constructed Order.
  void fill_new(Order& order, const Symbol& symbol, Side side, OrderType type, Quantity quantity);
};

}  // namespace ibtrade::engine
