#include "engine/kernel/engine.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/hash.hpp"

namespace ibtrade::engine {

// A strategy's handle on the engine. Ids are "<strategy>-<n>", unique within a run.
class Engine::Context final : public StrategyContext {
 public:
  Context(Engine& engine, StrategySlot& slot) : engine_(engine), slot_(slot) {
    const std::string& name = slot.id.value();
    // Room for the name, the dash and the 20 digits of the largest sequence number.
    if (name.size() + 1 + 20 <= id_text_.size()) {
      std::copy(name.begin(), name.end(), id_text_.begin());
      id_text_[name.size()] = '-';
      id_prefix_size_ = name.size() + 1;
      id_text_[id_prefix_size_] = '0';  // the digits of sequence_, 0 so far
      digit_count_ = 1;
    }
  }

  Timestamp now() const override { return engine_.clock_.now(); }
  const StrategyId& strategy_id() const override { return slot_.id; }

  ClientOrderId next_order_id() override {
    // An id is made for every order. The text "<strategy>-<sequence>" is kept whole and its
    // digits are counted up in place (mostly the last one changes), and the string is made from
    // the whole at once: one library call, and no number formatted afresh.
    if (id_prefix_size_ != 0) {
      ++sequence_;
      count_up_digits();
      return ClientOrderId{std::string(id_text_.data(), id_prefix_size_ + digit_count_)};
    }
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), ++sequence_).ptr;
    std::string id;
    id.reserve(slot_.id.value().size() + 1 + static_cast<std::size_t>(end - digits.data()));
    id.append(slot_.id.value()).push_back('-');
    id.append(digits.data(), end);
    return ClientOrderId{std::move(id)};
  }

  SubmitResult submit(Order&& order) override {
    prepare(order);
    return submit_to_manager(order.client_order_id, std::move(order));
  }

  SubmitResult submit_new(const Symbol& symbol, Side side, OrderType type, Quantity quantity,
                          const OrderTerms& terms) override {
    // Built in the order manager's record: not moved there. It needs no prepare(): its id,
    // strategy id and reference are new_order's.
    OrderManager::Draft draft = engine_.orders_.draft();
    Order& order = draft.order();
    name_new_order(order);
    order.contract.symbol = symbol;
    order.side = side;
    order.type = type;
    order.quantity = quantity;
    terms.apply_to(order);
    return submit_to_manager(order.client_order_id, draft);
  }

  BracketIds submit_bracket(Order entry, Price take_profit, Price stop_loss) override {
    prepare(entry);
    Order tp =
        new_order(entry.contract.symbol, opposite(entry.side), OrderType::kLimit, entry.quantity);
    tp.limit_price = take_profit;
    tp.tif = TimeInForce::kGtc;
    Order sl =
        new_order(entry.contract.symbol, opposite(entry.side), OrderType::kStop, entry.quantity);
    sl.stop_price = stop_loss;
    sl.tif = TimeInForce::kGtc;
    const CommandResult result = engine_.orders_.submit_bracket(entry, tp, sl);
    return BracketIds{SubmitResult{entry.client_order_id, result.order_status, result.decision},
                      tp.client_order_id, sl.client_order_id};
  }

  bool modify(const ClientOrderId& id, const OrderChanges& changes) override {
    return owns(id) && engine_.orders_.modify(id, changes).ok();
  }
  bool cancel(const ClientOrderId& id) override {
    return owns(id) && engine_.orders_.cancel(id).ok();
  }

  Status chase(const ClientOrderId& id, const ChasePolicy& policy) override {
    if (!owns(id)) return Error{"order " + id.value() + " is not this strategy's"};
    engine_.follow_every_order_update();
    return engine_.prices_.chase(id, policy);
  }
  Status manage_stop(const ClientOrderId& id, const StopPolicy& policy) override {
    if (!owns(id)) return Error{"order " + id.value() + " is not this strategy's"};
    if (policy.trailing && policy.trailing->by == TrailBy::kAtr && !engine_.tracks_atr_) {
      return Error{"order " + id.value() +
                   ": a stop trailing by ATR needs a strategy that declares uses_atr_stops()"};
    }
    engine_.follow_every_order_update();
    return engine_.prices_.manage_stop(id, policy);
  }
  Status set_order_timeout(const ClientOrderId& id, Nanoseconds after) override {
    if (!owns(id)) return Error{"order " + id.value() + " is not this strategy's"};
    engine_.follow_every_order_update();
    return engine_.prices_.set_timeout(id, after);
  }

  Quantity position(const Symbol& symbol) const override { return engine_.position(symbol); }
  Price average_cost(const Symbol& symbol) const override {
    const LedgerPosition* p = engine_.ledger_.position(symbol);
    return p == nullptr ? Price{} : p->average_cost();
  }
  AccountView account() const override {
    const Ledger& l = engine_.ledger_;
    return AccountView{l.cash(),         l.equity(),         l.buying_power(),
                       l.realized_pnl(), l.unrealized_pnl(), l.gross_exposure()};
  }
  std::vector<OrderUpdate> open_orders() const override {
    std::vector<OrderUpdate> out;
    for (const ManagedOrder* order : engine_.orders_.open_orders()) {
      if (order->order.strategy_id == slot_.id) out.push_back(update_of(*order, order->status));
    }
    return out;
  }

  std::uint64_t set_timer(std::string name, Timestamp at, Nanoseconds interval) override {
    const std::uint64_t id = engine_.timers_.set(std::move(name), at, interval);
    engine_.timer_owner_[id] = StrategyTimer{&slot_};
    return id;
  }
  bool cancel_timer(std::uint64_t id) override {
    auto it = engine_.timer_owner_.find(id);
    if (it == engine_.timer_owner_.end() || it->second.slot != &slot_) return false;
    engine_.timer_owner_.erase(it);
    return engine_.timers_.cancel(id);
  }

  static OrderUpdate update_of(const ManagedOrder& order, OrderStatus previous) {
    return OrderUpdate{
        order.order.client_order_id,
        order.order.contract.symbol,
        order.status,
        previous,
        order.filled,
        order.order.quantity,
        order.average_fill_price(),
        order.last_decision.allowed() ? order.last_reason : order.last_decision.text};
  }

 private:
  // fill_new's naming (id, strategy id, reference) for a blank order, from the id text kept
  // here: no virtual calls, and the id is written straight into the order rather than returned
  // as a new string and moved in.
  void name_new_order(Order& order) {
    if (id_prefix_size_ != 0) {
      ++sequence_;
      count_up_digits();
      order.client_order_id =
          ClientOrderId{std::string(id_text_.data(), id_prefix_size_ + digit_count_)};
    } else {
      order.client_order_id = next_order_id();
    }
    // A copy of a string of known size: cheaper than assigning the text (a replace).
    order.order_ref = order.client_order_id.value();
    order.strategy_id = slot_.id;
  }
  void prepare(Order& order) {
    if (order.client_order_id.value().empty()) order.client_order_id = next_order_id();
    if (!same_bytes(order.strategy_id.value(), slot_.id.value())) order.strategy_id = slot_.id;
    if (order.order_ref.empty()) order.order_ref = order.client_order_id.value();
  }
  // `submitted` is an Order&& or a Draft, whose id is `id`. The result is built in place and
  // returned as is: the id is copied once, before the order moves, and nothing is moved for an
  // accepted order.
  template <class Submitted>
  SubmitResult submit_to_manager(const ClientOrderId& id, Submitted&& submitted) {
    SubmitResult result{id, OrderStatus::kInitialized, {}};
    CommandResult command = engine_.orders_.submit(std::forward<Submitted>(submitted));
    result.status = command.order_status;
    if (!command.decision.allowed()) result.decision = std::move(command.decision);
    return result;
  }
  // Adds one to the decimal digits after the prefix, carrying as on paper.
  void count_up_digits() {
    char* const first = id_text_.data() + id_prefix_size_;
    for (char* digit = first + digit_count_; digit != first;) {
      --digit;
      if (*digit != '9') {
        ++*digit;
        return;
      }
      *digit = '0';
    }
    // All nines: now a one followed by as many zeros.
    *first = '1';
    first[digit_count_++] = '0';
  }
  bool owns(const ClientOrderId& id) const {
    const ManagedOrder* order = engine_.orders_.find(id);
    return order != nullptr && order->order.strategy_id == slot_.id;
  }

  Engine& engine_;
  StrategySlot& slot_;
  // "<strategy>-" and room for the digits of the next id; a prefix size of 0 means that the
  // strategy's name is too long for it, and ids are assembled the slow way.
  std::array<char, 64> id_text_{};
  std::size_t id_prefix_size_ = 0;
  std::size_t digit_count_ = 0;  // of sequence_, written after the prefix
  std::uint64_t sequence_ = 0;
};

Engine::Engine(const Clock& clock, ExecutionClient& venue, EngineConfig config,
               const TradingCalendar* calendar)
    : clock_(clock),
      calendar_(calendar),
      ledger_(config.starting_cash, config.account_type),
      risk_(*this, std::move(config.risk),
            RiskHooks{[this](const std::string& /*reason*/) { orders_.cancel_all(); }, {}}),
      orders_(venue, risk_, *this, clock),
      prices_(orders_, clock),
      atr_period_(config.atr_period),
      day_start_equity_(config.starting_cash) {
  choose_order_updates();
}

Engine::~Engine() = default;

void Engine::add_strategy(const StrategyId& id, Strategy& strategy) {
  if (by_id_.contains(id)) {
    error("strategy id " + id.value() + " added twice; the second is ignored");
    return;
  }
  auto slot = std::make_unique<StrategySlot>();
  slot->id = id;
  slot->strategy = &strategy;
  slot->update_interest = strategy.order_update_interest();
  slot->context = std::make_unique<Context>(*this, *slot);
  by_id_[id] = slot.get();
  if (strategy.uses_atr_stops()) tracks_atr_ = true;
  strategies_.push_back(std::move(slot));
  choose_order_updates();
  if (started_) strategy.on_start(*strategies_.back()->context);
}

void Engine::start() {
  if (started_) return;
  started_ = true;
  day_start_equity_ = ledger_.equity();
  for (auto& slot : strategies_)
    slot->strategy->on_start(*slot->context);
}

void Engine::stop() {
  if (!started_) return;
  for (auto& slot : strategies_)
    slot->strategy->on_stop(*slot->context);
  started_ = false;
}

Engine::SymbolMarket& Engine::find_market(const Symbol& symbol) {
  auto it = markets_.find(symbol);
  if (it == markets_.end()) {
    it = markets_.emplace(symbol, SymbolMarket{}).first;
    it->second.position = ledger_.position_handle(symbol);
  }
  last_market_ = &*it;
  return it->second;
}

Engine::MarketHandle Engine::market_handle(const Symbol& symbol) {
  (void)market(symbol);
  return MarketHandle(*last_market_);
}

// Forced inline into both on_bar overloads: a bar then costs one call frame in the engine, not
// two (each frame saves and restores registers, as much work as the rest of this on most bars).
[[gnu::always_inline]] inline void Engine::after_mark(MarketEntry& entry, const Bar& bar) {
  last_market_ = &entry;
  const Symbol& symbol = entry.first;
  SymbolMarket& market = entry.second;
  market.last_price = bar.close;
  market.has_price = true;
  if (tracks_atr_) update_atr(market, bar);
  // Bars only move managed stops; most runs manage none.
  if (prices_.manages_any()) {
    const std::optional<indicators::Atr>& atr = market.atr;
    prices_.on_bar(symbol, bar,
                   atr && atr->ready() ? std::optional<double>(atr->value()) : std::nullopt);
  }
  risk_.update();
  for (auto& slot : strategies_)
    slot->strategy->on_bar(*slot->context, symbol, bar);
}

void Engine::on_bar(const Symbol& symbol, const Bar& bar) {
  const MarketHandle handle = market_handle(symbol);
  // From any source: the ledger checks the whole bar.
  if (Status s = ledger_.mark_bar(handle.entry_->second.position, bar); !s.ok()) {
    error(s.error().message);
  }
  after_mark(*handle.entry_, bar);
}

void Engine::on_bar(MarketHandle handle, const Bar& bar) {
  // The simulation's venue has checked the bar (is_valid_bar) before it comes here.
  if (Status s = ledger_.mark_valid_bar(handle.entry_->second.position, bar); !s.ok())
      [[unlikely]] {
    error(s.error().message);
  }
  after_mark(*handle.entry_, bar);
}

void Engine::on_quote(const Symbol& symbol, const Quote& quote) {
  prices_.on_quote(symbol, quote.bid, quote.ask, quote.time);
  for (auto& slot : strategies_)
    slot->strategy->on_quote(*slot->context, symbol, quote);
}

void Engine::on_trade(const Symbol& symbol, const Trade& trade) {
  set_last_price(symbol, trade.price);
  if (Status s = ledger_.mark(symbol, trade.price, trade.time); !s.ok()) error(s.error().message);
  risk_.update();
  for (auto& slot : strategies_)
    slot->strategy->on_trade(*slot->context, symbol, trade);
}

void Engine::on_venue_message(const VenueMessage& message) {
  orders_.on_venue_message(message);
}

void Engine::on_session_open(date::year_month_day day) {
  day_start_equity_ = ledger_.equity();
  risk_.start_trading_day();
  for (auto& slot : strategies_)
    slot->strategy->on_session_open(*slot->context, day);
}

void Engine::on_session_close(date::year_month_day day) {
  for (auto& slot : strategies_)
    slot->strategy->on_session_close(*slot->context, day);
}

void Engine::on_time() {
  const Timestamp now = clock_.now();
  prices_.on_time(now);
  for (const TimerEvent& timer : timers_.pop_due(now)) {
    auto owner = timer_owner_.find(timer.id);
    if (owner == timer_owner_.end()) continue;
    StrategySlot* slot = owner->second.slot;
    if (!timers_.contains(timer.id)) timer_owner_.erase(owner);  // a one-shot timer is done
    slot->strategy->on_timer(*slot->context, timer);
  }
  risk_.update();
}

Engine::StrategySlot* Engine::find_owner(const ManagedOrder& order) {
  // A linear scan: a process runs a handful of strategies, and comparing a few short ids beats
  // a tree walk.
  for (const auto& slot : strategies_) {
    if (same_bytes(slot->id.value(), order.order.strategy_id.value())) {
      owner_cache_ = OwnerCache{&order, slot.get()};
      return slot.get();
    }
  }
  return nullptr;  // not cached: a strategy of that id may still be added
}

void Engine::choose_order_updates() {
  OrderUpdateInterest read =
      prices_asked_ ? OrderUpdateInterest::kEveryChange : OrderUpdateInterest::kNone;
  for (const auto& slot : strategies_)
    read = wider_interest(read, slot->update_interest);
  orders_.set_update_interest(read);
}

inline void Engine::describe(UpdateRecord& record, const ManagedOrder& order,
                             OrderStatus previous) {
  OrderUpdate& update = record.update;
  if (record.order != &order) {
    // A recorded order keeps its id and contract (ManagedOrder): copied once per run.
    update.client_order_id = order.order.client_order_id;
    // A strategy mostly trades one symbol: its orders' updates leave the symbol as it was.
    if (!same_bytes(update.symbol, order.order.contract.symbol)) {
      update.symbol = order.order.contract.symbol;
    }
    record.order = &order;
  }
  const std::string& reason =
      order.last_decision.allowed() ? order.last_reason : order.last_decision.text;
  if (!reason.empty() || !update.reason.empty()) update.reason = reason;
  update.status = order.status;
  update.previous = previous;
  update.filled = order.filled;
  update.quantity = order.order.quantity;
  // Most updates come before the first fill: no division then.
  update.average_fill_price = order.filled.is_zero() ? Price{} : order.average_fill_price();
}

void Engine::on_order_updated(const ManagedOrder& order, OrderStatus previous) {
  if (prices_.manages_any()) prices_.on_order_updated(order);
  StrategySlot* slot = owner_of(order);
  if (slot == nullptr || !shows_update(slot->update_interest, order.status, previous)) return;
  UpdateRecord& record = update_record();
  describe(record, order, previous);
  // The level is released however the callback ends.
  struct Level {
    std::size_t& depth;
    explicit Level(std::size_t& d) : depth(d) { ++depth; }
    ~Level() { --depth; }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
  } level(update_depth_);
  slot->strategy->on_order_update(*slot->context, record.update);
}

Engine::UpdateRecord& Engine::nested_update_record() {
  const std::size_t index = update_depth_ - 1;
  if (index == nested_updates_.size()) nested_updates_.push_back(std::make_unique<UpdateRecord>());
  return *nested_updates_[index];
}

FillTicket Engine::on_new_fill(const ManagedOrder& order, const Fill& fill) {
  // The order manager has refused a re-sent execution already: the ledger need not look for it.
  auto booked = ledger_.apply_new_fill(fill);
  if (!booked.ok()) {
    error("fill " + fill.execution_id.value() + " not booked: " + booked.error().message);
    return kNoFillTicket;
  }
  set_last_price(fill.symbol, fill.price);
  risk_.update();
  if (StrategySlot* slot = owner_of(order)) slot->strategy->on_fill(*slot->context, fill);
  return booked->entry;
}

void Engine::on_fill_commission(const CommissionUpdate& update, FillTicket ticket) {
  if (ticket != kNoFillTicket) {
    (void)ledger_.apply_commission(BookedFill{ticket}, update.commission);
    return;
  }
  // A fill the ledger refused: the lookup by id gives the ledger's answer, and its error.
  auto booked = ledger_.apply_commission(update.execution_id, update.commission);
  if (!booked.ok()) error("commission not booked: " + booked.error().message);
}

void Engine::on_order_error(const ClientOrderId& client_order_id, const std::string& what) {
  error((client_order_id.value().empty() ? std::string() : client_order_id.value() + ": ") + what);
}

void Engine::error(std::string what) {
  errors_.push_back(EngineError{clock_.now(), std::move(what)});
  if (error_hook_) error_hook_(errors_.back());
}

Quantity Engine::position(const Symbol& symbol) const {
  const LedgerPosition* p = ledger_.position(symbol);
  return p == nullptr ? Quantity{} : p->quantity;
}

Quantity Engine::open_order_quantity(const Symbol& symbol, Side side) const {
  return orders_.open_quantity(symbol, side);
}

std::optional<OrderProgress> Engine::working_order(const ClientOrderId& id) const {
  const ManagedOrder* order = orders_.find(id);
  if (order == nullptr || !is_working(order->status)) return std::nullopt;
  return OrderProgress{order->filled, order->remaining()};
}

std::optional<Price> Engine::last_price(const Symbol& symbol) const {
  const SymbolMarket* record = nullptr;
  if (last_market_ != nullptr && same_bytes(last_market_->first, symbol)) {
    record = &last_market_->second;
  } else if (auto it = markets_.find(symbol); it != markets_.end()) {
    record = &it->second;
  }
  if (record == nullptr || !record->has_price) return std::nullopt;
  return record->last_price;
}

Session Engine::session(Timestamp t) const {
  return calendar_ == nullptr ? Session::kRegular : calendar_->session_of(t);
}

}  // namespace ibtrade::engine
