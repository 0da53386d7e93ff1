// The simulated venue: an ExecutionClient that matches the engine's orders against the market
// data it is handed (bars or quotes/trades) and answers through its outbox as IB would, with
// pluggable fill, latency and fee models. Same inputs and seed, same messages. Single-threaded:
// owned by the engine's kernel thread.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/fixed_point.hpp"
#include "core/hash.hpp"
#include "core/ids.hpp"
#include "core/market_data.hpp"
#include "engine/commission.hpp"
#include "engine/sim/fifo.hpp"
#include "engine/sim/fill_model.hpp"
#include "engine/sim/id_table.hpp"
#include "engine/sim/latency_model.hpp"
#include "engine/sim/rng.hpp"
#include "engine/sim/venue_config.hpp"
#include "engine/venue.hpp"

namespace ibtrade::engine {

class SimulatedVenue final : public ExecutionClient {
  struct SymbolState;

 public:
  // A symbol as the venue knows it, for callers that send the symbol's market data often (the
  // simulation loop, on every bar): market data given by handle skips finding the symbol by
  // name, which was most of what a bar cost the venue when the symbol had nothing working.
  // Made by symbol_handle() only (a default one names no symbol); valid as long as the venue.
  class SymbolHandle {
   public:
    SymbolHandle() = default;

   private:
    friend class SimulatedVenue;
    explicit SymbolHandle(SymbolState* state) : state_(state) {}
    SymbolState* state_ = nullptr;
  };

  // Null models mean the defaults: DefaultFillModel and FixedLatency() (zero both ways).
  // `clock` says when each command is sent; `commission` prices every fill. Messages are written
  // into `outbox` (which must outlive the venue), or handed to `sink` through an outbox of the
  // venue's own. Neither may call back into the venue (the engine queues messages), as they run
  // in the middle of matching.
  SimulatedVenue(VenueOutbox& outbox, const Clock& clock, CommissionModel& commission,
                 SimulatedVenueConfig config = {}, std::unique_ptr<FillModel> fill_model = nullptr,
                 std::unique_ptr<LatencyModel> latency_model = nullptr, std::uint64_t seed = 0);
  SimulatedVenue(VenueSink sink, const Clock& clock, CommissionModel& commission,
                 SimulatedVenueConfig config = {}, std::unique_ptr<FillModel> fill_model = nullptr,
                 std::unique_ptr<LatencyModel> latency_model = nullptr, std::uint64_t seed = 0);
  ~SimulatedVenue() override;
  SimulatedVenue(const SimulatedVenue&) = delete;
  SimulatedVenue& operator=(const SimulatedVenue&) = delete;

  void submit(const Order& order) override;
  void modify(const Order& order) override;
  void cancel(const ClientOrderId& client_order_id) override;

  // The handle of `symbol`, the same on every call.
  SymbolHandle symbol_handle(const Symbol& symbol) { return SymbolHandle(&symbol_state(symbol)); }

  // Market data, in time order per symbol (earlier data for a symbol throws). Each input first
  // applies the commands that arrived by its time, then matches the symbol's orders in arrival
  // order. A bar is an event at its start time. The symbol is given by name or by handle.
  void on_bar(const Symbol& symbol, const Bar& bar) {
    if (!well_formed(bar)) [[unlikely]]
      bad_bar(symbol, bar);
    bar_arrives(symbol_state(symbol), bar);
  }
  void on_bar(SymbolHandle symbol, const Bar& bar) {
    if (!well_formed(bar)) [[unlikely]]
      bad_bar(*symbol.state_->name, bar);
    bar_arrives(*symbol.state_, bar);
  }
  // For a caller that checks each bar once where it reads it (the simulation): throws what
  // on_bar throws for a bar that is not is_valid_bar.
  static void check_bar(const Symbol& symbol, const Bar& bar) {
    if (!well_formed(bar)) [[unlikely]]
      bad_bar(symbol, bar);
  }
  // A bar that passed check_bar, no earlier than the symbol's data so far, with every command
  // arriving by its start applied already (advance_to). The simulation's loop keeps these
  // promises for every bar (its feeds go forward in time, and arrivals go before data at the
  // same instant), so only the matching is left: most bars read one flag and find no work.
  void on_bar_in_order(SymbolHandle symbol, const Bar& bar) {
    SymbolState& state = *symbol.state_;
    assert(well_formed(bar) && state.last_data <= bar.time && bar.time < next_arrival_);
    state.last_data = bar.time;
    if (state.bar_work) match_bar(state, bar);
  }
  void on_quote(const Symbol& symbol, const Quote& quote) {
    quote_arrives(symbol_state(symbol), quote);
  }
  void on_quote(SymbolHandle symbol, const Quote& quote) { quote_arrives(*symbol.state_, quote); }
  void on_trade(const Symbol& symbol, const Trade& trade) {
    trade_arrives(symbol_state(symbol), trade);
  }
  void on_trade(SymbolHandle symbol, const Trade& trade) { trade_arrives(*symbol.state_, trade); }
  // The next bar (bar mode) or print (tick mode) of the symbol is its opening auction: OPG
  // orders fill there or are cancelled.
  void on_session_open(const Symbol& symbol, Timestamp at);
  // The closing auction: MOC/LOC fill at `closing_price`, then working DAY orders expire.
  // Orders that arrived at or after `cutoff` (sent once the session's data had ended, such as
  // an order on a daily bar's close) belong to the next session and are left alone.
  void on_session_close(const Symbol& symbol, Price closing_price, Timestamp at,
                        Timestamp cutoff = Timestamp::max());

  // Applies every command that has arrived by `at`. Market data does this too; the engine calls
  // it when no market data is due, so that acknowledgments and cancels are not held back.
  // Promise: no market data earlier than `at` follows.
  void advance_to(Timestamp at);
  // When the next command still in flight reaches the venue, if any.
  std::optional<Timestamp> next_arrival() const {
    if (in_flight_.empty()) return std::nullopt;
    return next_arrival_;
  }
  // The same as a plain time, Timestamp::max() when nothing is in flight: for the simulation
  // loop, which compares it with its other sources on every event (one load, no optional). A
  // command arriving at Timestamp::max() would come before no other source either way.
  Timestamp next_arrival_time() const { return next_arrival_; }
  // Orders sent and not finished (in flight or working).
  std::size_t open_orders() const { return open_count_; }

 private:
  struct SimOrder;

  // Both public constructors: `outbox` if set, else `own_outbox`.
  SimulatedVenue(std::unique_ptr<SinkOutbox> own_outbox, VenueOutbox* outbox, const Clock& clock,
                 CommissionModel& commission, SimulatedVenueConfig config,
                 std::unique_ptr<FillModel> fill_model, std::unique_ptr<LatencyModel> latency_model,
                 std::uint64_t seed);

  // What the venue remembers of an id it was sent: the live order, or once that is finished and
  // its slot reused, only how it ended (enough to answer a late modify or cancel as IB does).
  struct KnownOrder {
    SimOrder* live = nullptr;  // null once finished and released
    VenueOrderState final_state = VenueOrderState::kInactive;

    VenueOrderState state() const;
  };
  using KnownEntry = IdTable<KnownOrder>::Entry;

  // One order as the venue sees it, from submit until it is finished. Lives in a pooled slot
  // (pool_) that is handed to the next order once this one is finished and released. It keeps only
  // what matching, reporting and commissions need: its terms, and pointers to its id (in its
  // known_ entry) and its contract (interned in its symbol's state), not a copy of the Order
  // with its ten strings. Plain data: the next order is constructed in a finished one's slot.
  struct SimOrder {
    SimOrder() = default;  // a pool slot before its first order
    // Member by member: built with designated initializers instead, the aggregate was zeroed
    // whole first (360 bytes, a rep stos of 45 words on every order) and then written again.
    SimOrder(KnownEntry* known_entry, SymbolState* order_symbol, const Contract* order_contract,
             const Order& order, BrokerOrderId broker, Timestamp arrives)
        : known(known_entry),
          symbol(order_symbol),
          contract(order_contract),
          terms(order),
          broker_id(broker),
          arrival(arrives),
          left(order.quantity) {}

    KnownEntry* known = nullptr;         // the order's entry in known_ (entries there are stable)
    SymbolState* symbol = nullptr;       // the order's symbol, looked up once at submit
    const Contract* contract = nullptr;  // the order's contract, interned in `symbol`
    OrderTerms terms{};
    BrokerOrderId broker_id{};
    Timestamp arrival{};
    bool queued = false;  // in its symbol's queue (arrived, and still working then)
    VenueOrderState state =
        VenueOrderState::kPendingSubmit;  // the venue's own; never PendingCancel
    Quantity filled{};
    // terms.quantity - filled, kept where either changes (a fill, a modify): every status report
    // and every fill reads it.
    Quantity left{};
    // Sum of price x quantity, for the average price of a later fill: not kept for an order
    // filled whole by its first fill at an exact price (most orders), which needs none.
    Money filled_value{};
    // As every status report shows it (exact, no trailing zeros; zero before the first fill):
    // worked out once per fill, not once per report.
    Price average_fill_price{};
    MatchState match{};
    OrderAccrual commission{};  // the commission model's running totals for the order's fills
    int cancels_in_flight = 0;  // reported as PendingCancel while positive
    std::uint64_t priority = 0;

    const ClientOrderId& id() const { return known->id; }
    // What a status report says while the order works.
    VenueOrderState working_state() const {
      return cancels_in_flight > 0 ? VenueOrderState::kPendingCancel : state;
    }
    Quantity remaining() const { return left; }
  };

  struct SymbolState {
    const Symbol* name = nullptr;  // its key in symbols_
    Price tick;
    std::vector<SimOrder*> queue;  // working orders by time priority (ascending `priority`)
    std::optional<Quote> book;     // tick mode: last quote, sizes net of our fills
    bool opening_next = false;
    // Bar mode, and an order queued or an auction announced: the symbol's next bar has something
    // to match. One flag, kept by note_bar_work, is what a bar reads to skip matching; most bars
    // find it clear, and reading the mode, the queue's ends and the auction flag cost more.
    bool bar_work = false;
    Timestamp last_data = Timestamp::min();
    // Every distinct contract ordered on the symbol (mostly one), at stable addresses: orders
    // point here instead of each copying its contract's strings.
    std::deque<Contract> contracts;
  };

  enum class CommandKind : std::uint8_t { kSubmit, kDuplicateSubmit, kModify, kCancel };
  // A command on its way to the venue. Plain data, so queueing and taking one copies a few
  // words; what the rarer kinds carry waits in command_details_.
  struct Command {
    CommandKind kind = CommandKind::kSubmit;
    Timestamp arrival;
    SimOrder* order = nullptr;  // kSubmit only: live at least until this command is applied
  };
  // The id of each queued command other than a submit, with a modify's new order, in the order
  // of those commands in in_flight_.
  struct CommandDetail {
    ClientOrderId id;
    std::unique_ptr<Order> modified;  // kModify only
  };

  // Commands.
  Timestamp arrival_for(Timestamp sent);
  // Every market data event and engine step calls this; most find no command due, and pay
  // only this inline comparison (next_arrival_ is the latest time when none is in flight).
  void apply_arrivals(Timestamp up_to) {
    if (next_arrival_ <= up_to) apply_due(up_to);
  }
  [[gnu::always_inline]] void send_command(const Command& command);
  void apply_due(Timestamp up_to);
  // A command other than a submit: its id and content wait in command_details_.
  void apply_detailed(const Command& command);
  void apply_submit(SimOrder& order, Timestamp arrival);
  void apply_modify(const CommandDetail& command, Timestamp arrival);
  void apply_cancel(const CommandDetail& command, Timestamp arrival);
  void match_on_arrival(SimOrder& order, Timestamp at);

  // Market data.
  // Inline: every bar of every symbol comes here, and most find nothing to do on their symbol
  // (no order working, no auction next) and no command due; those cost a few comparisons.
  void bar_arrives(SymbolState& state, const Bar& bar) {
    data_arrives(state, bar.time);
    if (state.bar_work) match_bar(state, bar);
  }
  // Sets state.bar_work again after its queue or its auction flag changed.
  void note_bar_work(SymbolState& state) const {
    state.bar_work =
        config_.fill_mode == FillMode::kBar && (!state.queue.empty() || state.opening_next);
  }
  void quote_arrives(SymbolState& state, const Quote& quote);
  void trade_arrives(SymbolState& state, const Trade& trade);
  // is_valid_bar(bar), with one comparison fewer: low <= open <= high already puts the low at or
  // below the high. Every bar of every symbol is checked here, most of them for nothing else.
  static bool well_formed(const Bar& bar) {
    return bar.low <= bar.open && bar.open <= bar.high && bar.low <= bar.close &&
           bar.close <= bar.high && !bar.volume.is_negative();
  }
  // Every market data event starts here, and most go no further.
  void data_arrives(SymbolState& state, Timestamp at) {
    if (at < state.last_data) [[unlikely]]
      data_went_back(*state.name);
    state.last_data = at;
    apply_arrivals(at);
  }
  // Market data and orders mostly name the symbol of the previous call: that hit is a short
  // comparison of the names (std::map nodes are stable), the map lookup is not inline.
  SymbolState& symbol_state(const Symbol& symbol) {
    if (last_symbol_ != nullptr && same_bytes(last_symbol_->first, symbol)) [[likely]] {
      return last_symbol_->second;
    }
    return find_symbol_state(symbol);
  }
  SymbolState& find_symbol_state(const Symbol& symbol);
  [[noreturn]] static void data_went_back(const Symbol& symbol);
  [[noreturn]] static void bad_bar(const Symbol& symbol, const Bar& bar);
  // Bar mode: the symbol's working orders meet `bar`, and its auction if one was announced.
  void match_bar(SymbolState& state, const Bar& bar);
  static const Contract& intern(SymbolState& state, const Contract& contract);
  static const Contract& intern_other(SymbolState& state, const Contract& contract);
  static bool same_listing(const Contract& a, const Contract& b);
  SimOrder* take_slot();
  MatchContext context_for(const SymbolState& state, const Quote* book) const;
  std::optional<Quantity> bar_budget(const Bar& bar) const;
  Quantity* pool_for(SymbolState& state, Liquidity liquidity, Quantity* bar_or_trade);

  // Fills and the order's end.
  void execute(SimOrder& order, const FillDecision& decision, Quantity* pool, Timestamp at);
  void fill(SimOrder& order, Price price, Quantity quantity, Timestamp at);
  void report_election(SimOrder& order, Timestamp at);
  void end_order(SimOrder& order, VenueOrderState state, Timestamp at, std::string reason);
  // A finished order is let go where it finished, in the pass that finished it: no list of
  // ended orders to sweep afterwards, and no second pass over its symbol's queue to find it.
  // `match` runs on each of the symbol's queued orders in priority order; those it finishes
  // leave the queue in the same pass (the others move up, keeping their order) and are
  // released. `match` must not add to or remove from any queue itself.
  template <class Match>
  void match_queue(SymbolState& state, Match&& match);
  // A finished order outside such a pass: it leaves its symbol's queue (if it joined it), then
  // is released.
  void retire(SimOrder& order);
  // A finished order's id is remembered with its final state only, and its slot is given back
  // for the next order. Called once the order's last message is written.
  void release(SimOrder& order);
  static void remove_from_queue(SymbolState& state, const SimOrder& order);

  // Messages.
  Timestamp stamp(Timestamp at);
  Timestamp deliver_at(Timestamp event);
  // Inline where an order's three usual statuses are sent (submit, arrival, fill): each is a
  // handful of stores and the post, and a call of its own cost a fifth of that again.
  [[gnu::always_inline]] void send_status(const SimOrder& order, VenueOrderState state,
                                          Timestamp at);
  void send_status(const SimOrder& order, VenueOrderState state, Timestamp at, std::string reason);
  static void describe(OrderStatusReport& report, const SimOrder& order, VenueOrderState state,
                       Timestamp at);
  // The outbox's draft as a `Report`, every field to be written, then posted at its time.
  template <class Report>
  Report& draft() {
    return outbox_.draft<Report>();
  }
  void reject(const ClientOrderId& id, int code, std::string reason, bool order_is_dead,
              Timestamp event);
  static Price average_price(const SimOrder& order, Price last_fill);
  static void write_unless_held(std::string& draft_text, const std::string& text);
  std::string_view next_execution_id();
  void write_execution_text();

  std::unique_ptr<SinkOutbox> own_outbox_;  // set when the venue was given a sink
  // Every report is written field by field into the outbox's draft, where it is delivered from:
  // constructing, moving and destroying a VenueMessage and its strings for each of an order's
  // four messages cost more than writing its fields.
  VenueOutbox& outbox_;
  const Clock& clock_;
  CommissionModel& commission_;
  SimulatedVenueConfig config_;
  std::unique_ptr<FillModel> fill_model_;
  std::unique_ptr<LatencyModel> latency_model_;
  // The model when it is the default FixedLatency (a final class): its calls, two or three per
  // order, are then direct and inline.
  FixedLatency* fixed_latency_ = nullptr;
  Rng rng_;
  // The last execution id, "e0d5.0000001.01": at most 4 + 1 + 16 + 3 characters.
  std::array<char, 32> execution_text_{};
  std::size_t execution_size_ = 0;
  std::size_t execution_prefix_size_ = 0;  // "e0d5."

  // Every id sent and not yet forgotten: working orders, and finished ones kept to answer late
  // commands (IB 104/10148) until `finished_orders_kept` newer ones have finished.
  IdTable<KnownOrder> known_;
  std::deque<SimOrder> pool_;          // slots of live orders; a deque keeps SimOrder* stable
  std::vector<SimOrder*> free_slots_;  // slots of released orders, ready for reuse
  std::map<Symbol, SymbolState> symbols_;
  // The last symbol looked up: market data and orders mostly name the same few symbols in a row,
  // and std::map nodes are stable.
  std::pair<const Symbol, SymbolState>* last_symbol_ = nullptr;
  Fifo<Command> in_flight_;  // in arrival order
  // The front command's arrival, or the latest time when none is in flight: every market data
  // event and every round of the simulation loop asks it.
  Timestamp next_arrival_ = Timestamp::max();
  Fifo<CommandDetail> command_details_;
  // Entries of finished ids, oldest first, to forget beyond the limit. Entries of known_ stay
  // put until erased, and one is erased only when it leaves this queue.
  Fifo<KnownEntry*> finished_order_;
  std::size_t open_count_ = 0;

  std::int64_t next_broker_id_;
  std::uint64_t next_priority_ = 0;
  std::uint64_t executions_ = 0;
  Timestamp last_arrival_ = Timestamp::min();
  Timestamp last_delivery_ = Timestamp::min();
};

}  // namespace ibtrade::engine
