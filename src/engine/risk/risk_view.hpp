// What the risk engine reads of the world: positions, working orders, prices, account values and
// the trading session. The engine kernel implements it over its ledger, order manager and
// calendar; tests use a hand-written fake. Single-threaded, owned by the engine's kernel thread.
#pragma once

#include <cstddef>
#include <optional>

#include "core/calendar/trading_calendar.hpp"
#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/order.hpp"
#include "core/time.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

// How far one working order has got: filled + remaining = its current total quantity.
struct OrderProgress {
  Quantity filled;
  Quantity remaining;
};

class RiskView {
 public:
  virtual ~RiskView() = default;

  virtual Timestamp now() const = 0;
  // Signed: long is positive, short negative.
  virtual Quantity position(const Symbol& symbol) const = 0;
  // Remaining (unfilled) quantity of every working order on `symbol` and `side`, positive.
  virtual Quantity open_order_quantity(const Symbol& symbol, Side side) const = 0;
  // The order `id` if it is working (so a modify can replace its old remaining quantity).
  virtual std::optional<OrderProgress> working_order(const ClientOrderId& id) const = 0;
  virtual std::optional<Price> last_price(const Symbol& symbol) const = 0;
  // Sum over symbols of |position| x last price, in account currency.
  virtual Money gross_exposure() const = 0;
  virtual Money equity() const = 0;
  // Realized + unrealized PnL since the current trading day started, net of commissions.
  virtual Money daily_pnl() const = 0;
  virtual std::size_t open_order_count() const = 0;
  virtual Session session(Timestamp t) const = 0;
};

}  // namespace ibtrade::engine
