// The engine kernel: one single-threaded owner of strategies, order manager, price management,
// risk engine and ledger, wired together. Drivers (the simulation loop, later the live loop)
// feed it market data, venue messages and the time; it never reads a clock of its own.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/clock.hpp"
#include "core/hash.hpp"
#include "core/indicators/atr.hpp"
#include "core/market_data.hpp"
#include "engine/orders/order_listener.hpp"
#include "engine/orders/order_manager.hpp"
#include "engine/orders/price_manager.hpp"
#include "engine/portfolio/ledger.hpp"
#include "engine/risk/risk_engine.hpp"
#include "engine/risk/risk_view.hpp"
#include "engine/strategy/strategy.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine {

struct EngineConfig {
  Money starting_cash = Money::from_units(100'000);
  AccountType account_type = AccountType::kRegTMargin;
  RiskLimits risk;
  // The ATR (Wilder) per symbol that ATR-trailing stops follow; kept only while a strategy that
  // uses them is added (Strategy::uses_atr_stops).
  int atr_period = 14;
};

// Something the engine refused or could not book (an illegal order transition, a ledger error).
// Business outcomes (denials, rejections) are order updates, not errors.
struct EngineError {
  Timestamp time;
  std::string what;
};

class Engine final : private OrderListener, private RiskView {
 public:
  // `calendar` may be null: every instant then counts as the regular session.
  Engine(const Clock& clock, ExecutionClient& venue, EngineConfig config,
         const TradingCalendar* calendar = nullptr);
  ~Engine() override;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The strategy must outlive the engine. Ids must be unique.
  void add_strategy(const StrategyId& id, Strategy& strategy);
  void start();
  void stop();

  class MarketHandle;
  // The engine's market record for `symbol`, made if new: a driver that sends many bars of a
  // few symbols (the simulation) looks each symbol up once and hands its bars in with the
  // handle, so no bar is matched to its symbol by name. Valid for the engine's life.
  MarketHandle market_handle(const Symbol& symbol);

  // Inputs, in time order; now() is the instant of the input.
  void on_bar(const Symbol& symbol, const Bar& bar);
  // A bar that has passed is_valid_bar (core/market_data.hpp), as the simulation's are.
  void on_bar(MarketHandle market, const Bar& bar);
  void on_quote(const Symbol& symbol, const Quote& quote);
  void on_trade(const Symbol& symbol, const Trade& trade);
  void on_venue_message(const VenueMessage& message);
  void on_session_open(date::year_month_day day);
  void on_session_close(date::year_month_day day);
  // Fires strategy timers and price-management deadlines due at or before now().
  void on_time();
  // The next instant on_time() has work; Timestamp::max() when none. Inline: a simulated run
  // asks before every event.
  Timestamp next_wakeup() const { return std::min(timers_.next_due(), prices_.next_deadline()); }

  const Ledger& ledger() const { return ledger_; }
  const OrderManager& orders() const { return orders_; }
  RiskEngine& risk() { return risk_; }
  const std::vector<EngineError>& errors() const { return errors_; }
  void set_error_hook(std::function<void(const EngineError&)> hook) {
    error_hook_ = std::move(hook);
  }

 private:
  class Context;
  struct StrategySlot {
    StrategyId id;
    Strategy* strategy = nullptr;
    std::unique_ptr<Context> context;
    // The strategy's order_update_interest(), asked once: the updates it is not shown cost a
    // test here rather than a record and a virtual call each.
    OrderUpdateInterest update_interest = OrderUpdateInterest::kEveryChange;
  };
  struct StrategyTimer {
    StrategySlot* slot = nullptr;
  };

  // OrderListener
  void on_order_updated(const ManagedOrder& order, OrderStatus previous) override;
  // The ledger's entry of the fill is its ticket: a late commission goes straight to it.
  FillTicket on_new_fill(const ManagedOrder& order, const Fill& fill) override;
  void on_fill_commission(const CommissionUpdate& update, FillTicket ticket) override;
  void on_order_error(const ClientOrderId& client_order_id, const std::string& what) override;

  // RiskView
  Timestamp now() const override { return clock_.now(); }
  Quantity position(const Symbol& symbol) const override;
  Quantity open_order_quantity(const Symbol& symbol, Side side) const override;
  std::optional<OrderProgress> working_order(const ClientOrderId& id) const override;
  std::optional<Price> last_price(const Symbol& symbol) const override;
  Money gross_exposure() const override { return ledger_.gross_exposure(); }
  Money equity() const override { return ledger_.equity(); }
  Money daily_pnl() const override { return ledger_.equity() - day_start_equity_; }
  std::size_t open_order_count() const override { return orders_.open_order_count(); }
  Session session(Timestamp t) const override;

  // An order's updates come in runs (submitted, filled, its status): the last answer is usually
  // the one, checked inline. The order manager never moves or drops an order, so its address
  // names it. A new order is mostly the last owner's again: its id is compared before a search.
  StrategySlot* owner_of(const ManagedOrder& order) {
    if (&order == owner_cache_.order) return owner_cache_.slot;
    if (owner_cache_.slot != nullptr &&
        same_bytes(owner_cache_.slot->id.value(), order.order.strategy_id.value())) {
      owner_cache_.order = &order;
      return owner_cache_.slot;
    }
    return find_owner(order);
  }
  StrategySlot* find_owner(const ManagedOrder& order);
  // Narrows the order manager's updates to what is read here: the strategies' widest interest,
  // and every change once price management has been asked for (it follows the orders it
  // manages through every change). Called when either changes.
  void choose_order_updates();
  void follow_every_order_update() {
    if (prices_asked_) return;
    prices_asked_ = true;
    choose_order_updates();
  }
  // The OrderUpdate a strategy is shown, kept between calls: an order's updates come in runs,
  // and its id and symbol are copied once per run rather than built as new strings (and freed
  // again) for every update.
  struct UpdateRecord {
    OrderUpdate update;
    const ManagedOrder* order = nullptr;  // what `update` describes
  };
  UpdateRecord& update_record() {
    if (update_depth_ == 0) return top_update_;
    return nested_update_record();
  }
  UpdateRecord& nested_update_record();
  static void describe(UpdateRecord& record, const ManagedOrder& order, OrderStatus previous);
  void error(std::string what);
  // What market data leaves behind per symbol: the last price (risk values market orders at it)
  // and the ATR that ATR-trailing stops follow. One record, so that a bar finds both with one
  // lookup.
  struct SymbolMarket {
    Price last_price;  // set by the input that made the record (or, from a handle, its first bar)
    bool has_price = false;              // false only for a handle's record before its first bar
    std::optional<indicators::Atr> atr;  // while tracks_atr_, from its first bar then
    PositionHandle position;             // the ledger's position for the symbol, held or not
  };
  using MarketEntry = std::pair<const Symbol, SymbolMarket>;
  // The ATR follows every bar once a strategy may trail stops by it (tracks_atr_): a stop set
  // later reads the value built over the symbol's history, so it cannot start with the stop.
  void update_atr(SymbolMarket& market, const Bar& bar) {
    if (!market.atr) market.atr.emplace(atr_period_);
    market.atr->update(bar.high.to_double(), bar.low.to_double(), bar.close.to_double());
  }
  // The symbol's record, made if new; its price is set by the caller. The check against the
  // record found last is inline, the tree lookup (find_market) is not.
  SymbolMarket& market(const Symbol& symbol) {
    if (last_market_ != nullptr && same_bytes(last_market_->first, symbol)) {
      return last_market_->second;
    }
    return find_market(symbol);
  }
  SymbolMarket& find_market(const Symbol& symbol);
  // A bar's work after the ledger has marked it: the market record, ATR, managed stops, risk
  // and the strategies.
  void after_mark(MarketEntry& entry, const Bar& bar);
  void set_last_price(const Symbol& symbol, Price price) {
    SymbolMarket& record = market(symbol);
    record.last_price = price;
    record.has_price = true;
  }

  const Clock& clock_;
  const TradingCalendar* calendar_;
  Ledger ledger_;
  RiskEngine risk_;
  OrderManager orders_;
  PriceManager prices_;
  TimerQueue timers_;  // strategy timers
  std::map<std::uint64_t, StrategyTimer> timer_owner_;
  std::vector<std::unique_ptr<StrategySlot>> strategies_;  // in the order they were added
  struct OwnerCache {
    const ManagedOrder* order = nullptr;
    StrategySlot* slot = nullptr;
  };
  OwnerCache owner_cache_;  // owner_of's last answer
  // One update record per nesting level of on_order_update: a strategy that acts inside the
  // callback may cause updates of other orders, and the record it is reading must not change
  // under it. The first level, nearly every update, is a member; deeper ones are pointers, so
  // that a record stays put while a deeper level is added.
  UpdateRecord top_update_;
  std::vector<std::unique_ptr<UpdateRecord>> nested_updates_;  // level i + 1 at index i
  std::size_t update_depth_ = 0;                               // the levels in use
  std::map<StrategyId, StrategySlot*> by_id_;
  std::map<Symbol, SymbolMarket, std::less<>> markets_;
  // The record found last: a run mostly sends one symbol's data in a row, and one string
  // comparison is cheaper than a tree walk. Map nodes never move, so the pointer stays valid.
  MarketEntry* last_market_ = nullptr;
  int atr_period_;
  bool tracks_atr_ = false;    // a strategy added uses ATR-trailing stops
  bool prices_asked_ = false;  // a strategy has asked for price management (chase, stop, timeout)
  Money day_start_equity_;
  std::vector<EngineError> errors_;
  std::function<void(const EngineError&)> error_hook_;
  bool started_ = false;
};

// A symbol's market record in one engine (Engine::market_handle). A map node: it never moves.
class Engine::MarketHandle {
 public:
  MarketHandle() = default;
  const Symbol& symbol() const { return entry_->first; }
  explicit operator bool() const { return entry_ != nullptr; }

 private:
  friend class Engine;
  explicit MarketHandle(MarketEntry& entry) : entry_(&entry) {}
  MarketEntry* entry_ = nullptr;
};

}  // namespace ibtrade::engine
