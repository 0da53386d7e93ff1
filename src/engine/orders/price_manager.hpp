// Price management on top of the order manager: limit chasing, break-even and trailing stops,
// and order timeouts, driven by quotes, bars and the time. Every change goes out through the
// order manager (so through risk). Single-threaded, owned by the engine's kernel thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "core/clock.hpp"
#include "core/market_data.hpp"
#include "core/result.hpp"
#include "engine/orders/order_manager.hpp"
#include "engine/orders/price_policies.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

class PriceManager {
 public:
  PriceManager(OrderManager& orders, const Clock& clock);
  PriceManager(const PriceManager&) = delete;
  PriceManager& operator=(const PriceManager&) = delete;

  // Starts (or restarts) chasing a working LMT order; the first step is one interval from now.
  Status chase(const ClientOrderId& id, const ChasePolicy& policy);
  // Manages a STP or STP LMT order protecting a position: its current stop price is the initial
  // stop. A SELL stop protects a long, a BUY stop a short.
  Status manage_stop(const ClientOrderId& id, const StopPolicy& policy);
  // Cancels the order if it is still open `after` from now (what is left of it, if part filled).
  Status set_timeout(const ClientOrderId& id, Nanoseconds after);
  // Forgets every policy on the order.
  void release(const ClientOrderId& id);

  void on_quote(const Symbol& symbol, std::optional<Price> bid, std::optional<Price> ask,
                Timestamp time);
  // `atr` comes from the caller's indicator, computed on this bar; nullopt while it warms up.
  void on_bar(const Symbol& symbol, const Bar& bar, std::optional<double> atr);
  // Runs the chase steps and timeouts due at or before `now`, earliest first.
  void on_time(Timestamp now);
  // Forward OrderListener::on_order_updated here: a chase that ends in a market order waits for
  // its cancel to be confirmed.
  void on_order_updated(const ManagedOrder& order);

  // The next instant a chase step or timeout is due; Timestamp::max() when none.
  Timestamp next_deadline() const { return timers_.next_due(); }

  bool is_chasing(const ClientOrderId& id) const { return chases_.contains(id); }
  // False when no order is chased, stop-managed or timed: order updates then need no look.
  // Asked on every bar and order update, so it is kept as one flag, renewed by every change of
  // the three maps (note_change()).
  bool manages_any() const { return manages_any_; }
  bool is_managing_stop(const ClientOrderId& id) const { return stops_.contains(id); }

 private:
  enum class TimerKind : std::uint8_t { kChaseStep, kTimeout };
  struct Chase {
    ChasePolicy policy;
    Price original;                    // the limit when the chase started
    std::uint64_t timer = 0;           // 0 once exhausted
    bool replace_with_market = false;  // cancel sent; a market order follows its confirmation
  };
  struct ManagedStop {
    StopPolicy policy;
    bool protects_long = true;
    Price initial_stop;
    Price risk;                 // R = |entry - initial stop|
    std::optional<Price> best;  // best price seen since management started
    std::optional<Price> last;  // latest price
    std::optional<double> atr;  // latest ATR from on_bar
    bool break_even_armed = false;
  };
  struct Touch {
    std::optional<Price> bid;
    std::optional<Price> ask;
  };

  void chase_step(const ClientOrderId& id);
  void exhaust(const ClientOrderId& id);
  void replace_if_cancelled(const ClientOrderId& id);
  void on_timeout(const ClientOrderId& id);
  void see_price(ManagedStop& stop, Price best_candidate, Price last);
  void adjust_stop(const ClientOrderId& id, ManagedStop& stop);
  void drop_chase(const ClientOrderId& id);
  void drop_timeout(const ClientOrderId& id);

  OrderManager& orders_;
  const Clock& clock_;
  TimerQueue timers_;
  std::map<std::uint64_t, std::pair<TimerKind, ClientOrderId>> timer_targets_;
  std::map<ClientOrderId, Chase> chases_;
  std::map<ClientOrderId, ManagedStop> stops_;
  std::map<ClientOrderId, std::uint64_t> timeouts_;
  bool manages_any_ = false;  // any of the three maps above not empty
  void note_change() { manages_any_ = !chases_.empty() || !stops_.empty() || !timeouts_.empty(); }
  std::map<Symbol, Touch> touches_;
  // The entry written last: quotes come in runs for one symbol, and one short comparison is
  // cheaper than a tree walk per quote. Map nodes never move, so the pointer stays valid.
  std::pair<const Symbol, Touch>* last_touch_ = nullptr;
};

}  // namespace ibtrade::engine
