// A simulated run: the real engine and the simulated venue driven by one discrete-event loop
// on a TestClock, always taking the earliest event. Backtests and the simulator use it.
// Single-threaded; deterministic for the same feeds, configuration and seed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include <date/date.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/clock.hpp"
#include "engine/commission.hpp"
#include "engine/kernel/bar_feed.hpp"
#include "engine/kernel/engine.hpp"
#include "engine/kernel/event_queue.hpp"
#include "engine/sim/simulated_venue.hpp"

namespace ibtrade::engine {

// Which prices orders meet in a bar-driven run.
enum class BarFill : std::uint8_t {
  // The venue matches each order against the bars after it arrives (its fill model: a market
  // order fills at the next bar's open).
  kNextOpen,
  // Orders meet the market only at bar closes: when a bar completes, the venue first sees a
  // print and a quote at its close, then the strategies run, so a market order sent on a bar
  // fills at that bar's close. Stops trigger and limits fill on closes only. The venue runs in
  // tick mode, without the displayed-size limit.
  kClose,
};

struct SimulationConfig {
  EngineConfig engine;
  BarFill bar_fill = BarFill::kNextOpen;
  SimulatedVenueConfig venue;
  std::uint64_t seed = 0;
  Timestamp start{};  // the clock's first instant; must not be after the first bar
};

class Simulation {
 public:
  // `calendar` null: a session is a UTC date of the bars; it opens with the first bar of the
  // date and closes when the next date's first bar arrives (or at the end of the data).
  // `commission` and `calendar` must outlive the simulation.
  Simulation(SimulationConfig config, CommissionModel& commission,
             const TradingCalendar* calendar = nullptr,
             std::unique_ptr<FillModel> fill_model = nullptr,
             std::unique_ptr<LatencyModel> latency_model = nullptr);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  void add_strategy(const StrategyId& id, Strategy& strategy) {
    engine_.add_strategy(id, strategy);
  }
  // Feeds are merged by bar start time; ties go to the feed added first. The feed must outlive
  // the run.
  void add_feed(BarFeed& feed);

  // Runs every event to the end of the data (and the last session close), then stops the
  // strategies.
  void run();
  // Runs the events due at or before `until`; returns false once nothing is left.
  bool run_until(Timestamp until);
  // When the next event is due (data, message, timer or command arrival); Timestamp::max()
  // when nothing is left.
  Timestamp next_event_time() const;

  Engine& engine() { return engine_; }
  const Engine& engine() const { return engine_; }
  SimulatedVenue& venue() { return venue_; }
  const TestClock& clock() const { return clock_; }
  std::uint64_t bars_processed() const { return bars_processed_; }

 private:
  // Symbols are interned when their bars are read: events point to the symbol's slot, so a
  // bar's symbol string is compared once on arrival and never copied or looked up along the
  // loop, by the simulation or by the engine.
  struct SymbolSlot {
    Symbol symbol;
    Engine::MarketHandle market;                // the engine's record for the symbol
    SimulatedVenue::SymbolHandle venue_symbol;  // the venue's
    Price last_close;                           // latest bar close, for the closing auction
    bool has_close = false;
  };
  // The engine's way to the venue: each command goes on to the venue, and the horizon is lowered
  // to the arrival of what is then in flight, so the loop never has to ask after a bar.
  class CommandTap final : public ExecutionClient {
   public:
    explicit CommandTap(Simulation& simulation) : simulation_(simulation) {}
    void submit(const Order& order) override;
    void modify(const Order& order) override;
    void cancel(const ClientOrderId& client_order_id) override;

   private:
    Simulation& simulation_;
  };
  // The venue's outbox: the venue writes each message straight into the deliveries_ slot it is
  // delivered from, and posting it stamps it. The next message's slot is handed out with each
  // post: one call per message, and no message is moved, visited or passed through a
  // std::function on its way from the venue to the engine.
  class DeliveryOutbox final : public VenueOutbox {
   public:
    explicit DeliveryOutbox(Simulation& simulation)
        : VenueOutbox(simulation.deliveries_.next_slot()), simulation_(simulation) {}

   private:
    VenueMessage& posted(Timestamp at) override;
    Simulation& simulation_;
  };
  // A bar that started and is yet to complete. The bar is referenced where it was read, never
  // copied: in the feed's memory, or in a pool bar (`held`) that the completion gives back.
  struct BarComplete {
    const MarketBar* bar = nullptr;
    MarketBar* held = nullptr;
    SymbolSlot* symbol = nullptr;
  };
  struct SessionClose {
    date::year_month_day day;
  };
  using Event = std::variant<BarComplete, SessionClose>;
  // A feed and its pending bar. The bar is read in place where the feed keeps its bars in
  // memory: stepped through by pointer where the feed hands them out in runs
  // (BarFeed::next_run), else one by one (BarFeed::next_ref); or it is read into a pool bar that
  // stays with it until it completes.
  struct FeedSlot {
    // next->bar.time, or Timestamp::max() at the end.
    Timestamp next_time = Timestamp::max();
    const MarketBar* next = nullptr;  // null at the end
    MarketBar* held = nullptr;        // the pool bar `next` was read into, or null
    MarketBar* spare = nullptr;       // a pool bar for the next read, or null
    SymbolSlot* symbol = nullptr;     // next->symbol's slot; valid when next is set
    // The rest of the feed's current run, [run_next, run_end).
    const MarketBar* run_next = nullptr;
    const MarketBar* run_end = nullptr;
    bool has_runs = true;  // false once the feed said it has none
    // The feed's sole symbol (BarFeed::sole_symbol), if it has one: its bars' own symbols are
    // then never compared.
    const Symbol* sole_symbol = nullptr;
    BarFeed* feed = nullptr;
  };

  enum class Source : std::uint8_t { kNone, kQueue, kVenue, kComplete, kWakeup, kArrival, kData };
  // Sixteen bytes: returned in registers.
  struct NextEvent {
    Timestamp at = Timestamp::max();
    Source source = Source::kNone;  // kData: the bar of data_feed_
  };
  // The per-event path, defined inline in simulation.cpp (the only place that calls them) and
  // folded into run_until's loop: calls cost more than most of what these do for a bar.
  inline NextEvent next_source() const;
  inline void step(NextEvent next);
  inline bool step_ordered();
  inline bool before_horizon(Timestamp at, Timestamp limit) const;
  inline bool step_data(Timestamp limit);
  inline void deliver_message();
  inline void advance_clock(Timestamp to);
  void note_horizon();
  void lower_horizon(Timestamp at) { horizon_ = std::min(horizon_, at); }
  void note_command() { lower_horizon(venue_.next_arrival_time()); }
  inline void read_next(FeedSlot& slot);
  inline void note_symbol(FeedSlot& slot);
  inline const MarketBar* read_ref(FeedSlot& slot);
  const MarketBar* read_run(FeedSlot& slot);
  // True when the bar completed at once (completes_next).
  inline bool on_data(FeedSlot& slot);
  inline bool completes_next(Timestamp complete_at) const;
  inline void complete_bar(const BarComplete& complete);
  void note_data_due();
  SymbolSlot& intern(const Symbol& symbol);
  MarketBar* take_pool_bar();
  void dispatch(const Event& event);
  // Built in place (BarComplete or SessionClose): no moves of the variant.
  template <class E>
  void push(Timestamp at, E&& event) {
    queue_.emplace(at, next_seq_++, std::forward<E>(event));
    lower_horizon(at);
  }
  // Inline: a bar inside the open session's span (nearly every bar) costs two comparisons. With
  // no session open the span is empty.
  void open_session_if_new(SymbolSlot& symbol, Timestamp bar_start) {
    if (bar_start >= open_day_from_ && bar_start < open_day_until_) return;
    open_session_for(symbol, bar_start);
  }
  void open_session_for(SymbolSlot& symbol, Timestamp bar_start);
  void close_session(date::year_month_day day);
  date::year_month_day session_day(Timestamp bar_start) const;

  TestClock clock_;
  EventQueue<Event> queue_;
  // The venue's channel is first in first out (its stamps never go back), so its messages need
  // no heap; nor do bar completions while they come in time order (bars of one length). Both
  // are merged with queue_ by (time, push order). The venue writes each message in the slot it
  // is delivered from (outbox_): slots are reused, so their strings keep their storage, and no
  // message is moved or destroyed after it is handled.
  StampedFifo<VenueMessage> deliveries_;
  StampedRing<BarComplete> completions_;
  std::uint64_t next_seq_ = 0;  // shared by queue_, deliveries_ and completions_
  // No event other than a bar completion, a venue message or new data is due before this
  // instant: queue_'s events, the engine's wakeups and the commands in flight to the venue all
  // come at or after it. It may be earlier than the truth (a timer cancelled since), never
  // later. So while the next completion, message or bar comes before it (a completion or
  // message also at it, see before_horizon), that is the next event, found by comparing the
  // fronts of those three ordered streams without asking the other sources (step_ordered). Lowered
  // where they gain an earlier event: queue_ pushes and commands (CommandTap) as they are queued,
  // timers after each bar or message the engine handles on that path; worked out afresh after any
  // other event. Never after run_end_.
  Timestamp horizon_ = Timestamp::min();
  // The instant the current run_until call stops before (its `until` plus one nanosecond): the
  // horizon is never after it, so the ordered streams need no separate check against `until`.
  Timestamp run_end_ = Timestamp::max();
  DeliveryOutbox outbox_{*this};  // after deliveries_, which it reserves a slot of
  SimulatedVenue venue_;
  // The engine's commands reach venue_ through this, which lowers the horizon to their arrival.
  CommandTap commands_{*this};
  Engine engine_;
  const TradingCalendar* calendar_;
  BarFill bar_fill_;
  std::vector<FeedSlot> feeds_;
  // The earliest pending bar over the feeds (ties to the feed added first), kept as the feeds
  // are read: the loop compares it on every event, a feed only moves on its own data event.
  Timestamp data_time_ = Timestamp::max();
  FeedSlot* data_feed_ = nullptr;
  bool single_feed_ = false;
  // Bars read from feeds that do not keep them in memory, each held from its read until its
  // completion is handled; then it is free for another read. A deque: bars never move.
  std::deque<MarketBar> pool_;
  std::vector<MarketBar*> free_bars_;
  std::deque<SymbolSlot> symbols_;  // in order of first appearance; slots never move
  // Sessions open and close the symbols in this (name) order.
  std::map<Symbol, SymbolSlot*, std::less<>> symbol_index_;
  std::optional<date::year_month_day> open_day_;
  // Bars starting in [open_day_from_, open_day_until_) belong to open_day_ without asking the
  // calendar again (a time zone conversion per bar).
  Timestamp open_day_from_ = Timestamp::max();
  Timestamp open_day_until_ = Timestamp::min();
  // Without a calendar: when the open session's last bar so far completes. Orders sent at or
  // after it were sent after the session's data ended and belong to the next session.
  Timestamp session_data_end_ = Timestamp::min();
  std::uint64_t bars_processed_ = 0;
  bool started_ = false;
};

}  // namespace ibtrade::engine
