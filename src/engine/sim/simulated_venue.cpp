#include "engine/sim/simulated_venue.hpp"

#include <algorithm>
#include <array>
#include <new>
#include <stdexcept>
#include <utility>
#include <variant>

#include "engine/sim/default_fill_model.hpp"
#include "engine/venue_state_names.hpp"

namespace ibtrade::engine {
namespace {

bool is_terminal(VenueOrderState state) {
  return state == VenueOrderState::kFilled || state == VenueOrderState::kCancelled ||
         state == VenueOrderState::kApiCancelled || state == VenueOrderState::kInactive;
}

// Stops wait at the venue (IB: PreSubmitted) until elected.
bool needs_election(OrderType type) {
  return type == OrderType::kStop || type == OrderType::kStopLimit ||
         type == OrderType::kTrailingStop;
}

bool on_close(OrderType type) {
  return type == OrderType::kMarketOnClose || type == OrderType::kLimitOnClose;
}

// Auction orders never meet the continuous market.
bool continuous(const OrderTerms& order) {
  return !on_close(order.type) && order.tif != TimeInForce::kOpg;
}

std::string_view state_name(VenueOrderState state) {
  return ib_status_name(state);
}

bool on_grid(const std::optional<Price>& price, Price tick) {
  return !price || price->raw() % tick.raw() == 0;
}

bool on_tick(const OrderTerms& order, Price tick) {
  return on_grid(order.limit_price, tick) && on_grid(order.stop_price, tick);
}

// Why a price of `order` is not on the tick grid, or empty.
std::string off_tick(const OrderTerms& order, Price tick) {
  if (on_tick(order, tick)) return {};
  const auto check = [&](const std::optional<Price>& price, std::string_view what) -> std::string {
    if (on_grid(price, tick)) return {};
    return "The price does not conform to the minimum price variation for this security: " +
           std::string(what) + " " + price->to_string() + ", tick " + tick.to_string();
  };
  std::string problem = check(order.limit_price, "limit");
  if (problem.empty()) problem = check(order.stop_price, "stop");
  return problem;
}

// Writes `value` in lower-case hex, at least `min_digits` digits, at `out`; returns the end.
char* write_hex(char* out, std::uint64_t value, int min_digits) {
  static constexpr std::array<char, 16> kDigits{'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  int digits = 1;
  while (digits < 16 && (value >> (4U * static_cast<unsigned>(digits))) != 0)
    ++digits;
  digits = std::max(digits, min_digits);
  for (int i = digits - 1; i >= 0; --i) {
    out[i] = kDigits[value & 0xFU];
    value >>= 4U;
  }
  return out + digits;
}

__extension__ typedef __int128 Wide;  // holds any product of two raw values

// fixed::exact_precision(raw) for a raw that a Price showing `at_most` decimals holds: the fewest
// decimals that show it, tried from none up, as quoted prices mostly end in zeros (index points
// are whole numbers). Multiplications, no division (is_multiple_of_pow10), and inline where it
// is used, as every fill's average price asks this.
[[gnu::always_inline]] inline int exact_precision_at_most(std::int64_t raw, int at_most) {
  for (int precision = 0; precision < at_most; ++precision) {
    if (fixed::is_multiple_of_pow10(raw, kFixedPrecision - precision)) return precision;
  }
  if (!fixed::is_multiple_of_pow10(raw, kFixedPrecision - at_most)) {
    return fixed::exact_precision(raw);
  }
  return at_most;
}

// Ids the venue's table makes room for up front: 8,192 index slots (128 KB), enough for the
// orders of a long backtest, which then never rehashes the table as it fills (ids of finished
// orders stay until `finished_orders_kept` newer ones have finished).
constexpr std::size_t kIdsReserved = 4'096;

// `price` without trailing zeros.
inline Price shown_exactly(Price price) {
  return Price::from_raw(price.raw(), exact_precision_at_most(price.raw(), price.precision()));
}

Nanoseconds not_negative(Nanoseconds span) {
  return std::max(span, Nanoseconds::zero());
}

}  // namespace

SimulatedVenue::SimulatedVenue(VenueOutbox& outbox, const Clock& clock, CommissionModel& commission,
                               SimulatedVenueConfig config, std::unique_ptr<FillModel> fill_model,
                               std::unique_ptr<LatencyModel> latency_model, std::uint64_t seed)
    : SimulatedVenue(nullptr, &outbox, clock, commission, std::move(config), std::move(fill_model),
                     std::move(latency_model), seed) {}

SimulatedVenue::SimulatedVenue(VenueSink sink, const Clock& clock, CommissionModel& commission,
                               SimulatedVenueConfig config, std::unique_ptr<FillModel> fill_model,
                               std::unique_ptr<LatencyModel> latency_model, std::uint64_t seed)
    : SimulatedVenue(std::make_unique<SinkOutbox>(std::move(sink)), nullptr, clock, commission,
                     std::move(config), std::move(fill_model), std::move(latency_model), seed) {}

SimulatedVenue::SimulatedVenue(std::unique_ptr<SinkOutbox> own_outbox, VenueOutbox* outbox,
                               const Clock& clock, CommissionModel& commission,
                               SimulatedVenueConfig config, std::unique_ptr<FillModel> fill_model,
                               std::unique_ptr<LatencyModel> latency_model, std::uint64_t seed)
    : own_outbox_(std::move(own_outbox)),
      outbox_(outbox != nullptr ? *outbox : *own_outbox_),
      clock_(clock),
      commission_(commission),
      config_(std::move(config)),
      fill_model_(fill_model ? std::move(fill_model) : std::make_unique<DefaultFillModel>()),
      latency_model_(latency_model ? std::move(latency_model) : std::make_unique<FixedLatency>()),
      fixed_latency_(dynamic_cast<FixedLatency*>(latency_model_.get())),
      rng_(seed),
      next_broker_id_(config_.first_broker_order_id) {
  if (config_.slippage_ticks < 0) throw std::invalid_argument("slippage_ticks must be >= 0");
  if (!config_.default_tick_size.is_positive()) {
    throw std::invalid_argument("default_tick_size must be positive");
  }
  for (const auto& [symbol, tick] : config_.tick_sizes) {
    if (!tick.is_positive()) throw std::invalid_argument("tick size of " + symbol + " must be > 0");
  }
  if (!config_.lot_size.is_positive()) throw std::invalid_argument("lot_size must be positive");
  if (config_.max_volume_share && (!config_.max_volume_share->is_positive() ||
                                   *config_.max_volume_share > Percent::from_units(100))) {
    throw std::invalid_argument("max_volume_share must be in (0, 100]");
  }
  // Execution ids are shaped like IB's ("0000e0d5.6543a1b2.01.01": run, sequence, correction)
  // but shorter, "e0d5.0000001.01", so that they fit a std::string's inline buffer: a fill's
  // id is copied into the order manager, the ledger and the messages, and heap copies there
  // were a measurable share of an order's round trip. The first part names the run.
  known_.reserve(std::min(config_.finished_orders_kept, kIdsReserved));
  finished_order_.reserve(std::min(config_.finished_orders_kept, kIdsReserved));
  std::uint64_t mix = seed ^ 0x5EEDULL;
  std::array<char, 17> prefix{};
  char* end = write_hex(prefix.data(), splitmix64(mix) & 0xFFFFULL, 4);
  *end++ = '.';
  execution_prefix_size_ = static_cast<std::size_t>(end - prefix.data());
  std::copy(prefix.data(), end, execution_text_.data());
  write_execution_text();
}

SimulatedVenue::~SimulatedVenue() = default;

VenueOrderState SimulatedVenue::KnownOrder::state() const {
  return live != nullptr ? live->state : final_state;
}

// ---- Commands -------------------------------------------------------------------------------

// Latencies and the stamps they give: inline, as every order asks them three or four times,
// and with the default FixedLatency each latency is a load.

// The venue-to-engine channel is first in first out too: stamps never go backwards.
inline Timestamp SimulatedVenue::stamp(Timestamp at) {
  last_delivery_ = std::max(last_delivery_, at);
  return last_delivery_;
}

inline Timestamp SimulatedVenue::deliver_at(Timestamp event) {
  const Nanoseconds latency = fixed_latency_ != nullptr
                                  ? fixed_latency_->response_latency(event, rng_)
                                  : latency_model_->response_latency(event, rng_);
  return stamp(event + not_negative(latency));
}

inline Timestamp SimulatedVenue::arrival_for(Timestamp sent) {
  // One channel, first in first out, like the TWS socket: a command never overtakes another.
  const Nanoseconds latency = fixed_latency_ != nullptr ? fixed_latency_->entry_latency(sent, rng_)
                                                        : latency_model_->entry_latency(sent, rng_);
  const Timestamp arrival = sent + not_negative(latency);
  last_arrival_ = std::max(last_arrival_, arrival);
  return last_arrival_;
}

// The symbol's contracts share its name, so only the other fields are compared: the numbers
// first, then the short texts ("SMART", "USD") inline, without a memcmp call. Flattened: left
// to itself the compiler calls same_bytes for each text, three calls on every order.
[[gnu::flatten]] inline bool SimulatedVenue::same_listing(const Contract& a, const Contract& b) {
  return a.sec_type == b.sec_type && a.con_id == b.con_id && same_bytes(a.exchange, b.exchange) &&
         same_bytes(a.primary_exchange, b.primary_exchange) && same_bytes(a.currency, b.currency);
}

// Inline in submit: a symbol is mostly ordered as one contract, its first, which is compared
// here; walking the others and adding a new one is a call.
inline const Contract& SimulatedVenue::intern(SymbolState& state, const Contract& contract) {
  if (!state.contracts.empty() && same_listing(state.contracts.front(), contract)) [[likely]] {
    return state.contracts.front();
  }
  return intern_other(state, contract);
}

const Contract& SimulatedVenue::intern_other(SymbolState& state, const Contract& contract) {
  for (const Contract& known : state.contracts) {
    if (same_listing(known, contract)) return known;
  }
  return state.contracts.emplace_back(contract);
}

void SimulatedVenue::submit(const Order& order) {
  const Timestamp sent = clock_.now();
  const Timestamp arrival = arrival_for(sent);
  auto [known, added_now] = known_.try_emplace(order.client_order_id);
  if (!added_now) {  // working, or finished and still remembered
    send_command(Command{CommandKind::kDuplicateSubmit, arrival});
    command_details_.emplace_back(CommandDetail{order.client_order_id, nullptr});
    return;
  }
  ++open_count_;
  SymbolState& symbol = symbol_state(order.contract.symbol);
  // Built in its slot, every field once: resetting a reused slot and then filling it in wrote
  // most of it twice. SimOrder is plain data, so a finished order's slot is simply reused.
  SimOrder& added = *::new (take_slot()) SimOrder(known, &symbol, &intern(symbol, order.contract),
                                                  order, BrokerOrderId{next_broker_id_++}, arrival);
  known->record.live = &added;
  send_status(added, VenueOrderState::kPendingSubmit, stamp(sent));
  send_command(Command{CommandKind::kSubmit, arrival, &added});
}

// Storage for the next order: a released order's slot, or a new one.
SimulatedVenue::SimOrder* SimulatedVenue::take_slot() {
  if (free_slots_.empty()) return &pool_.emplace_back();
  SimOrder* slot = free_slots_.back();
  free_slots_.pop_back();
  return slot;
}

void SimulatedVenue::modify(const Order& order) {
  const Timestamp arrival = arrival_for(clock_.now());
  send_command(Command{CommandKind::kModify, arrival});
  command_details_.emplace_back(
      CommandDetail{order.client_order_id, std::make_unique<Order>(order)});
}

void SimulatedVenue::cancel(const ClientOrderId& client_order_id) {
  const Timestamp sent = clock_.now();
  const Timestamp arrival = arrival_for(sent);
  if (const KnownEntry* known = known_.find(client_order_id);
      known != nullptr && known->record.live != nullptr &&
      !is_terminal(known->record.live->state)) {
    SimOrder& order = *known->record.live;
    ++order.cancels_in_flight;
    send_status(order, VenueOrderState::kPendingCancel, stamp(sent));
  }
  send_command(Command{CommandKind::kCancel, arrival});
  command_details_.emplace_back(CommandDetail{client_order_id, nullptr});
}

void SimulatedVenue::advance_to(Timestamp at) {
  apply_arrivals(at);
}

// Arrivals never go backwards (arrival_for), so the front command is the next to arrive.
inline void SimulatedVenue::send_command(const Command& command) {
  if (in_flight_.empty()) next_arrival_ = command.arrival;
  in_flight_.emplace_back(command);
}

void SimulatedVenue::apply_due(Timestamp up_to) {
  while (!in_flight_.empty() && next_arrival_ <= up_to) {
    const Command command = in_flight_.front();
    in_flight_.pop_front();
    next_arrival_ = in_flight_.empty() ? Timestamp::max() : in_flight_.front().arrival;
    if (command.kind == CommandKind::kSubmit) {
      apply_submit(*command.order, command.arrival);
    } else {
      apply_detailed(command);
    }
  }
}

void SimulatedVenue::apply_detailed(const Command& command) {
  const CommandDetail detail = std::move(command_details_.front());
  command_details_.pop_front();
  switch (command.kind) {
    case CommandKind::kSubmit:
      return;  // apply_due applies submits itself
    case CommandKind::kDuplicateSubmit:
      reject(detail.id, 103, "Duplicate order id", false, command.arrival);
      return;
    case CommandKind::kModify:
      apply_modify(detail, command.arrival);
      return;
    case CommandKind::kCancel:
      apply_cancel(detail, command.arrival);
      return;
  }
}

void SimulatedVenue::apply_submit(SimOrder& order, Timestamp arrival) {
  SymbolState& symbol = *order.symbol;
  if (!on_tick(order.terms, symbol.tick)) [[unlikely]] {
    order.state = VenueOrderState::kInactive;
    reject(order.id(), 110, off_tick(order.terms, symbol.tick), true, arrival);
    release(order);
    return;
  }
  order.priority = next_priority_++;
  order.state = needs_election(order.terms.type) ? VenueOrderState::kPreSubmitted
                                                 : VenueOrderState::kSubmitted;
  send_status(order, order.working_state(), deliver_at(arrival));
  // Bar mode matches nothing on arrival: no call for every order there.
  if (config_.fill_mode == FillMode::kTick) match_on_arrival(order, arrival);
  // Only an order still working joins the queue (with the newest priority, so the queue stays
  // sorted): one that filled or was cancelled on arrival never enters it, nor has to leave it.
  if (is_terminal(order.state)) {
    release(order);
    return;
  }
  symbol.queue.push_back(&order);
  order.queued = true;
  note_bar_work(symbol);
}

void SimulatedVenue::apply_modify(const CommandDetail& command, Timestamp arrival) {
  const KnownEntry* known = known_.find(command.id);
  if (known == nullptr || is_terminal(known->record.state())) {
    const std::optional<VenueOrderState> finished =
        known == nullptr ? std::nullopt : std::optional(known->record.state());
    if (finished) {
      reject(command.id, 104,
             "Cannot modify a finished order (state: " + std::string(state_name(*finished)) + ")",
             false, arrival);
    } else {
      reject(command.id, 135, "Can't find order with id " + command.id.value(), false, arrival);
    }
    return;
  }
  SimOrder& order = *known->record.live;
  const Order& next = *command.modified;
  const OrderTerms& now = order.terms;
  if (next.side != now.side || next.type != now.type || next.tif != now.tif ||
      next.contract != *order.contract) {
    reject(command.id, 105,
           "Order being modified does not match original order: only quantity and prices change",
           false, arrival);
    return;
  }
  SymbolState& symbol = *order.symbol;
  if (std::string problem = off_tick(OrderTerms(next), symbol.tick); !problem.empty()) {
    reject(command.id, 110, std::move(problem), false, arrival);
    return;
  }
  if (next.quantity <= order.filled) {
    reject(command.id, 0,
           "New quantity " + next.quantity.to_string() + " must exceed the filled quantity " +
               order.filled.to_string(),
           false, arrival);
    return;
  }
  // A new price or a larger size goes to the back of the queue, as at an exchange.
  const bool loses_place = next.limit_price != now.limit_price ||
                           next.stop_price != now.stop_price || next.quantity > now.quantity;
  const bool trail_changed =
      next.trail_amount != now.trail_amount || next.trail_percent != now.trail_percent;
  const bool stop_changed = next.stop_price != now.stop_price;
  order.terms.quantity = next.quantity;
  order.left = order.terms.quantity - order.filled;
  order.terms.limit_price = next.limit_price;
  order.terms.stop_price = next.stop_price;
  order.terms.trail_amount = next.trail_amount;
  order.terms.trail_percent = next.trail_percent;
  if (now.type == OrderType::kTrailingStop && !order.match.triggered && order.match.trail_stop) {
    // A new distance re-bases the stop on the best price so far; a new stop price replaces it.
    if (trail_changed) {
      order.match.trail_stop =
          trailing_stop_from(order.terms, *order.match.trail_extreme, symbol.tick);
    }
    if (stop_changed && next.stop_price) order.match.trail_stop = next.stop_price;
  }
  if (loses_place) {
    remove_from_queue(symbol, order);
    order.priority = next_priority_++;
    symbol.queue.push_back(&order);
  }
  send_status(order, order.working_state(), deliver_at(arrival));
  match_on_arrival(order, arrival);
  if (is_terminal(order.state)) retire(order);
}

void SimulatedVenue::apply_cancel(const CommandDetail& command, Timestamp arrival) {
  const KnownEntry* known = known_.find(command.id);
  if (known != nullptr && !is_terminal(known->record.state())) {
    SimOrder& order = *known->record.live;
    order.cancels_in_flight = std::max(order.cancels_in_flight - 1, 0);
    end_order(order, VenueOrderState::kCancelled, arrival, "Cancelled by request");
    retire(order);
    return;
  }
  if (known != nullptr) {
    reject(command.id, 10148,
           "OrderId " + command.id.value() +
               " that needs to be cancelled cannot be cancelled, state: " +
               std::string(state_name(known->record.state())),
           false, arrival);
  } else {
    reject(command.id, 10147,
           "OrderId " + command.id.value() + " that needs to be cancelled is not found", false,
           arrival);
  }
}

// Tick mode: an order that arrives (or changes) meets the book as it stands at that instant.
void SimulatedVenue::match_on_arrival(SimOrder& order, Timestamp at) {
  if (config_.fill_mode != FillMode::kTick || !continuous(order.terms)) return;
  SymbolState& symbol = *order.symbol;
  if (symbol.book) {
    const MatchContext context = context_for(symbol, &*symbol.book);
    if (auto decision = fill_model_->match_book(order.terms, order.match, context, rng_)) {
      execute(order, *decision, pool_for(symbol, decision->liquidity, nullptr), at);
    }
  }
  // Immediate or cancel: what the book gave at arrival is all it gets.
  if (order.terms.tif == TimeInForce::kIoc && !is_terminal(order.state)) {
    end_order(order, VenueOrderState::kCancelled, at, "IOC remainder cancelled");
  }
}

// ---- Market data ----------------------------------------------------------------------------

SimulatedVenue::SymbolState& SimulatedVenue::find_symbol_state(const Symbol& symbol) {
  auto [it, added] = symbols_.try_emplace(symbol);
  if (added) {
    it->second.name = &it->first;
    const auto tick = config_.tick_sizes.find(symbol);
    it->second.tick = tick != config_.tick_sizes.end() ? tick->second : config_.default_tick_size;
  }
  last_symbol_ = &*it;
  return it->second;
}

void SimulatedVenue::data_went_back(const Symbol& symbol) {
  throw std::invalid_argument("market data for " + symbol + " went back in time");
}

MatchContext SimulatedVenue::context_for(const SymbolState& state, const Quote* book) const {
  return MatchContext{state.tick, config_.slippage_ticks, config_.fill_on_touch, book};
}

std::optional<Quantity> SimulatedVenue::bar_budget(const Bar& bar) const {
  if (!config_.max_volume_share) return std::nullopt;
  const std::int64_t share =
      fixed::mul_div(bar.volume.raw(), config_.max_volume_share->raw(), 100 * kFixedScale);
  const std::int64_t lot = config_.lot_size.raw();
  return Quantity::from_raw(share / lot * lot, kFixedPrecision);
}

Quantity* SimulatedVenue::pool_for(SymbolState& state, Liquidity liquidity,
                                   Quantity* bar_or_trade) {
  if (config_.fill_mode == FillMode::kBar) return bar_or_trade;  // every bar fill shares the bar
  if (!config_.limit_to_displayed_size) return nullptr;
  switch (liquidity) {
    case Liquidity::kAsk:
      return state.book ? &state.book->ask_size : nullptr;
    case Liquidity::kBid:
      return state.book ? &state.book->bid_size : nullptr;
    case Liquidity::kTrade:
    case Liquidity::kBar:
      return bar_or_trade;
    case Liquidity::kAuction:
      return nullptr;
  }
  return nullptr;
}

void SimulatedVenue::bad_bar(const Symbol& symbol, const Bar& bar) {
  throw std::invalid_argument("bad bar for " + symbol + ": " + describe_bar_problem(bar));
}

void SimulatedVenue::match_bar(SymbolState& state, const Bar& bar) {
  const bool opening = std::exchange(state.opening_next, false);
  if (state.queue.empty()) {  // the announced auction finds no order
    note_bar_work(state);
    return;
  }
  // Nothing traded, so nothing can have filled, triggered or moved a trailing stop.
  const bool traded = bar.volume.is_positive();
  std::optional<Quantity> budget = bar_budget(bar);
  Quantity* pool = budget ? &*budget : nullptr;
  const MatchContext context = context_for(state, nullptr);
  match_queue(state, [&](SimOrder& order) {
    if (order.arrival > bar.time || on_close(order.terms.type)) return;
    if (order.terms.tif == TimeInForce::kOpg) {
      if (!opening) return;
      if (traded) {
        if (auto decision = fill_model_->match_auction(order.terms, bar.open, context, rng_)) {
          execute(order, *decision, pool, bar.time);
        }
      }
      if (!is_terminal(order.state)) {
        end_order(order, VenueOrderState::kCancelled, bar.time, "OPG order not filled at the open");
      }
      return;
    }
    if (traded) {
      const bool was_elected = order.match.triggered;
      const auto decision = fill_model_->match_bar(order.terms, order.match, bar, context, rng_);
      if (!was_elected && order.match.triggered) report_election(order, bar.time);
      if (decision) execute(order, *decision, pool, bar.time);
    }
    if (order.terms.tif == TimeInForce::kIoc && !is_terminal(order.state)) {
      end_order(order, VenueOrderState::kCancelled, bar.time, "IOC remainder cancelled");
    }
  });
}

void SimulatedVenue::quote_arrives(SymbolState& state, const Quote& quote) {
  data_arrives(state, quote.time);
  if (config_.fill_mode != FillMode::kTick) return;
  state.book = quote;
  const MatchContext context = context_for(state, &*state.book);
  match_queue(state, [&](SimOrder& order) {
    if (order.arrival > quote.time || !continuous(order.terms)) return;
    const bool was_elected = order.match.triggered;
    const auto decision = fill_model_->match_book(order.terms, order.match, context, rng_);
    if (!was_elected && order.match.triggered) report_election(order, quote.time);
    if (decision)
      execute(order, *decision, pool_for(state, decision->liquidity, nullptr), quote.time);
  });
}

void SimulatedVenue::trade_arrives(SymbolState& state, const Trade& trade) {
  data_arrives(state, trade.time);
  if (config_.fill_mode != FillMode::kTick) return;
  const bool opening = std::exchange(state.opening_next, false);
  Quantity print_left = trade.size;
  const MatchContext context = context_for(state, state.book ? &*state.book : nullptr);
  match_queue(state, [&](SimOrder& order) {
    if (order.arrival > trade.time || on_close(order.terms.type)) return;
    if (order.terms.tif == TimeInForce::kOpg) {
      if (!opening) return;
      if (auto decision = fill_model_->match_auction(order.terms, trade.price, context, rng_)) {
        execute(order, *decision, nullptr, trade.time);
      }
      if (!is_terminal(order.state)) {
        end_order(order, VenueOrderState::kCancelled, trade.time,
                  "OPG order not filled at the open");
      }
      return;
    }
    const bool was_elected = order.match.triggered;
    const auto decision = fill_model_->match_trade(order.terms, order.match, trade, context, rng_);
    if (!was_elected && order.match.triggered) report_election(order, trade.time);
    if (decision) {
      execute(order, *decision, pool_for(state, decision->liquidity, &print_left), trade.time);
    }
  });
}

void SimulatedVenue::on_session_open(const Symbol& symbol, Timestamp at) {
  SymbolState& state = symbol_state(symbol);
  data_arrives(state, at);
  state.opening_next = true;
  note_bar_work(state);
}

void SimulatedVenue::on_session_close(const Symbol& symbol, Price closing_price, Timestamp at,
                                      Timestamp cutoff) {
  SymbolState& state = symbol_state(symbol);
  data_arrives(state, at);
  const MatchContext context = context_for(state, nullptr);
  match_queue(state, [&](SimOrder& order) {
    if (order.arrival > at || order.arrival >= cutoff || !on_close(order.terms.type)) return;
    if (auto decision = fill_model_->match_auction(order.terms, closing_price, context, rng_)) {
      execute(order, *decision, nullptr, at);
    }
    if (!is_terminal(order.state)) {
      end_order(order, VenueOrderState::kCancelled, at, "LOC limit not reached at the close");
    }
  });
  match_queue(state, [&](SimOrder& order) {
    if (order.arrival > at || order.arrival >= cutoff || order.terms.tif != TimeInForce::kDay) {
      return;
    }
    end_order(order, VenueOrderState::kCancelled, at, "DAY order expired at the session close");
  });
}

// ---- Fills and the order's end --------------------------------------------------------------

void SimulatedVenue::execute(SimOrder& order, const FillDecision& decision, Quantity* pool,
                             Timestamp at) {
  Quantity quantity = order.remaining();
  if (decision.max_quantity) quantity = std::min(quantity, *decision.max_quantity);
  if (pool != nullptr) quantity = std::min(quantity, *pool);
  if (!quantity.is_positive()) return;
  if (pool != nullptr) *pool -= quantity;
  fill(order, decision.price, quantity, at);
}

void SimulatedVenue::fill(SimOrder& order, Price price, Quantity quantity, Timestamp at) {
  // A fill means the order works at the venue, whatever a custom fill model decided.
  if (order.state == VenueOrderState::kPreSubmitted) order.state = VenueOrderState::kSubmitted;
  const bool first_fill = !order.filled.is_positive();
  order.filled += quantity;
  order.left = order.terms.quantity - order.filled;
  // An order's first fill, priced exactly (the usual whole shares at a quoted price), averages
  // its own price: nothing to compare or divide. Its value is summed only for a later fill's
  // average, so not for an order this fill completes.
  if (first_fill && price.precision() + quantity.precision() <= kFixedPrecision) {
    if (order.left.is_positive()) order.filled_value = notional(price, quantity);
    order.average_fill_price = shown_exactly(price);
  } else {
    order.filled_value += notional(price, quantity);
    order.average_fill_price = average_price(order, price);
  }
  const Money fee = commission_.commission(
      CommissionInput{order.terms.side, quantity, price, at, &order.id(), &order.commission});
  const bool in_fill = config_.commission_reporting != CommissionReporting::kSeparate;
  const bool separate = config_.commission_reporting != CommissionReporting::kInFill;
  const Timestamp when = deliver_at(at);
  const std::string_view execution_id = next_execution_id();
  // Written field by field (every field) into the outbox's draft: a Fill built first would be
  // moved into it, string by string. The ids are written over the draft's previous ones, which
  // mostly have the same length: a copy of their bytes in the draft's own strings.
  ExecutionReport& report = draft<ExecutionReport>();
  report.fill.client_order_id.assign(order.id().value());
  report.fill.execution_id.assign(execution_id);
  write_unless_held(report.fill.symbol, order.contract->symbol);
  report.fill.side = order.terms.side;
  report.fill.quantity = quantity;
  report.fill.price = price;
  report.fill.commission = in_fill ? fee : Money{};
  report.fill.time = when;
  report.broker_order_id = order.broker_id;
  outbox_.post(when);
  if (!order.remaining().is_positive()) order.state = VenueOrderState::kFilled;
  send_status(order, is_terminal(order.state) ? order.state : order.working_state(), when);
  if (separate) {
    CommissionUpdate& update = draft<CommissionUpdate>();
    update.execution_id.assign(execution_id);
    update.commission = fee;
    update.time = when;
    outbox_.post(when);
  }
}

void SimulatedVenue::report_election(SimOrder& order, Timestamp at) {
  order.state = VenueOrderState::kSubmitted;
  send_status(order, order.working_state(), deliver_at(at));
}

void SimulatedVenue::end_order(SimOrder& order, VenueOrderState state, Timestamp at,
                               std::string reason) {
  order.state = state;
  send_status(order, state, deliver_at(at), std::move(reason));
}

void SimulatedVenue::remove_from_queue(SymbolState& state, const SimOrder& order) {
  // Orders mostly finish in the order they came: the newest (a lone order is both) and the
  // oldest are checked before searching, and the newest leaves without moving the others.
  if (!state.queue.empty() && state.queue.back() == &order) {
    state.queue.pop_back();
    return;
  }
  if (!state.queue.empty() && state.queue.front() == &order) {
    state.queue.erase(state.queue.begin());
    return;
  }
  const auto it = std::lower_bound(
      state.queue.begin(), state.queue.end(), order.priority,
      [](const SimOrder* queued, std::uint64_t priority) { return queued->priority < priority; });
  if (it != state.queue.end() && *it == &order) state.queue.erase(it);
}

// Compacts the queue as it goes: an order kept moves up to the next free place, so the queue
// keeps its priority order, and the finished ones are released where they finished.
template <class Match>
void SimulatedVenue::match_queue(SymbolState& state, Match&& match) {
  auto kept = state.queue.begin();
  for (SimOrder* order : state.queue) {
    match(*order);
    if (is_terminal(order->state)) {
      release(*order);
    } else {
      *kept++ = order;
    }
  }
  if (kept == state.queue.end()) return;  // every order still works
  state.queue.erase(kept, state.queue.end());
  if (state.queue.empty()) note_bar_work(state);  // else its flag stays as it was: set
}

void SimulatedVenue::retire(SimOrder& order) {
  if (order.queued) {
    SymbolState& symbol = *order.symbol;
    remove_from_queue(symbol, order);
    if (symbol.queue.empty()) note_bar_work(symbol);  // else its flag stays as it was: set
  }
  release(order);
}

void SimulatedVenue::release(SimOrder& order) {
  order.known->record = KnownOrder{nullptr, order.state};
  finished_order_.emplace_back(order.known);
  commission_.order_closed(order.id());
  --open_count_;
  free_slots_.push_back(&order);
  if (finished_order_.size() > config_.finished_orders_kept) [[unlikely]] {
    known_.erase(finished_order_.front());
    finished_order_.pop_front();
  }
}

// ---- Messages -------------------------------------------------------------------------------

// Reports are written field by field into the outbox's draft: nothing is built first and then
// moved into it (a move per string), and most have no reason to carry.
inline void SimulatedVenue::send_status(const SimOrder& order, VenueOrderState state,
                                        Timestamp at) {
  OrderStatusReport& report = draft<OrderStatusReport>();
  describe(report, order, state, at);
  report.reason.clear();
  outbox_.post(at);
}

void SimulatedVenue::send_status(const SimOrder& order, VenueOrderState state, Timestamp at,
                                 std::string reason) {
  OrderStatusReport& report = draft<OrderStatusReport>();
  describe(report, order, state, at);
  report.reason = std::move(reason);
  outbox_.post(at);
}

inline void SimulatedVenue::describe(OrderStatusReport& report, const SimOrder& order,
                                     VenueOrderState state, Timestamp at) {
  report.client_order_id.assign(order.id().value());  // in place, as in fill()
  report.broker_order_id = order.broker_id;
  report.state = state;
  report.filled = order.filled;
  report.remaining = order.remaining();
  report.average_fill_price = order.average_fill_price;
  report.time = at;
}

// Exact at 1e-9 and shown without trailing zeros, as IB reports it. Most orders fill at one
// price: the last fill's price is checked exactly against the totals first, which spares the
// rounding division of per_unit.
Price SimulatedVenue::average_price(const SimOrder& order, Price last_fill) {
  if (!order.filled.is_positive()) return Price{};
  if (Wide{last_fill.raw()} * order.filled.raw() == Wide{order.filled_value.raw()} * kFixedScale) {
    return shown_exactly(last_fill);
  }
  const Price exact = per_unit(order.filled_value, order.filled, kFixedPrecision);
  return Price::from_raw(exact.raw(), fixed::exact_precision(exact.raw()));
}

// A draft is a reused slot, and the execution reports of a symbol mostly find its name there
// already from an earlier one: comparing it costs less than writing it again.
inline void SimulatedVenue::write_unless_held(std::string& draft_text, const std::string& text) {
  if (!same_bytes(draft_text, text)) draft_text = text;
}

void SimulatedVenue::reject(const ClientOrderId& id, int code, std::string reason,
                            bool order_is_dead, Timestamp event) {
  const Timestamp at = deliver_at(event);
  CommandRejected& rejected = draft<CommandRejected>();
  rejected.client_order_id = id;
  rejected.code = code;
  rejected.reason = std::move(reason);
  rejected.order_is_dead = order_is_dead;
  rejected.time = at;
  outbox_.post(at);
}

// "e0d5.0000001.01": the run's prefix, the execution's number in at least 7 hex digits and the
// correction; short enough for std::string's inline storage. The number counts in the text of
// the previous id, as an odometer does: usually only the last digit changes. The text is a plain
// array (no string bounds or size reads); the result views it, valid until the next call, and is
// written straight into the messages' ids (no string made for it).
std::string_view SimulatedVenue::next_execution_id() {
  ++executions_;
  constexpr std::size_t kCorrection = 3;  // ".01"
  char* const first = execution_text_.data() + execution_prefix_size_;
  for (char* digit = execution_text_.data() + execution_size_ - kCorrection; digit != first;) {
    --digit;
    if (*digit == 'f') {
      *digit = '0';  // carry on to the next digit
      continue;
    }
    *digit = *digit == '9' ? 'a' : static_cast<char>(*digit + 1);
    return {execution_text_.data(), execution_size_};
  }
  write_execution_text();  // every digit carried: the number needs one digit more
  return {execution_text_.data(), execution_size_};
}

void SimulatedVenue::write_execution_text() {
  char* end = write_hex(execution_text_.data() + execution_prefix_size_, executions_, 7);
  end = std::copy_n(".01", 3, end);
  execution_size_ = static_cast<std::size_t>(end - execution_text_.data());
}

}  // namespace ibtrade::engine
