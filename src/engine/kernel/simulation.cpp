#include "engine/kernel/simulation.hpp"

#include <cassert>
#include <limits>
#include <stdexcept>

#include "core/hash.hpp"

namespace ibtrade::engine {

namespace {

SimulatedVenueConfig venue_config(SimulationConfig& config) {
  SimulatedVenueConfig venue = std::move(config.venue);
  if (config.bar_fill == BarFill::kClose) {
    venue.fill_mode = FillMode::kTick;
    venue.limit_to_displayed_size = false;
  }
  return venue;
}

}  // namespace

Simulation::Simulation(SimulationConfig config, CommissionModel& commission,
                       const TradingCalendar* calendar, std::unique_ptr<FillModel> fill_model,
                       std::unique_ptr<LatencyModel> latency_model)
    : clock_(config.start),
      venue_(outbox_, clock_, commission, venue_config(config), std::move(fill_model),
             std::move(latency_model), config.seed),
      engine_(clock_, commands_, std::move(config.engine), calendar),
      calendar_(calendar),
      bar_fill_(config.bar_fill) {}

void Simulation::CommandTap::submit(const Order& order) {
  simulation_.venue_.submit(order);
  simulation_.note_command();
}

void Simulation::CommandTap::modify(const Order& order) {
  simulation_.venue_.modify(order);
  simulation_.note_command();
}

void Simulation::CommandTap::cancel(const ClientOrderId& client_order_id) {
  simulation_.venue_.cancel(client_order_id);
  simulation_.note_command();
}

void Simulation::add_feed(BarFeed& feed) {
  FeedSlot& slot = feeds_.emplace_back();
  slot.feed = &feed;
  slot.sole_symbol = feed.sole_symbol();
  single_feed_ = feeds_.size() == 1;
  read_next(slot);
  note_data_due();
}

// The per-event path (see simulation.hpp) is forced inline: GCC keeps it out of line otherwise.
// Within a run (nearly every bar of a feed that keeps its bars in memory) the next bar is a
// pointer step: no pool bar to let go of (bars of a run are never held), and for a feed of one
// symbol no symbol to look at (it was named on the feed's first bar).
[[gnu::always_inline]] inline void Simulation::read_next(FeedSlot& slot) {
  if (slot.run_next != slot.run_end) [[likely]] {
    const MarketBar* const next = slot.run_next++;
    slot.next = next;
    slot.next_time = next->bar.time;
    assert(slot.held == nullptr && slot.symbol != nullptr);
    assert(slot.sole_symbol == nullptr || same_bytes(*slot.sole_symbol, next->symbol));
    if (slot.sole_symbol == nullptr) note_symbol(slot);
    return;
  }
  slot.held = nullptr;
  slot.next = slot.has_runs ? read_run(slot) : read_ref(slot);
  if (slot.next == nullptr) {
    slot.next_time = Timestamp::max();
    return;
  }
  slot.next_time = slot.next->bar.time;
  assert(slot.sole_symbol == nullptr || same_bytes(*slot.sole_symbol, slot.next->symbol));
  if (slot.sole_symbol == nullptr) {
    note_symbol(slot);
  } else if (slot.symbol == nullptr) {
    slot.symbol = &intern(*slot.sole_symbol);
  }
}

// A bar of a feed of several symbols mostly has the same symbol as the feed's previous bar: one
// comparison, no lookup.
[[gnu::always_inline]] inline void Simulation::note_symbol(FeedSlot& slot) {
  if (slot.symbol == nullptr || !same_bytes(slot.symbol->symbol, slot.next->symbol)) {
    slot.symbol = &intern(slot.next->symbol);
  }
}

// The feed's next bar by reference: in place, or read into a pool bar, which then stays with the
// bar until it completes. Null at the end.
[[gnu::always_inline]] inline const MarketBar* Simulation::read_ref(FeedSlot& slot) {
  if (slot.spare == nullptr) slot.spare = take_pool_bar();
  const MarketBar* const next = slot.feed->next_ref(*slot.spare);
  if (next != nullptr && next == slot.spare) {
    slot.held = slot.spare;
    slot.spare = nullptr;
  }
  return next;
}

// The feed's next run, its first bar returned; or, from a feed without runs, its next bar by
// reference from then on. Null at the end.
const MarketBar* Simulation::read_run(FeedSlot& slot) {
  if (const auto run = slot.feed->next_run()) {
    if (run->empty()) return nullptr;
    slot.run_next = run->data() + 1;
    slot.run_end = run->data() + run->size();
    return run->data();
  }
  slot.has_runs = false;
  return read_ref(slot);
}

// The message just written in the draft goes out, stamped, and the next is written in the
// next slot.
VenueMessage& Simulation::DeliveryOutbox::posted(Timestamp at) {
  Simulation& simulation = simulation_;
  // A message can't be delivered before it is sent.
  simulation.deliveries_.push_next(std::max(at, simulation.clock_.now()), simulation.next_seq_++);
  return simulation.deliveries_.next_slot();
}

MarketBar* Simulation::take_pool_bar() {
  if (free_bars_.empty()) return &pool_.emplace_back();
  MarketBar* const bar = free_bars_.back();
  free_bars_.pop_back();
  return bar;
}

void Simulation::note_data_due() {
  data_feed_ = &feeds_.front();
  for (FeedSlot& slot : feeds_) {
    if (slot.next_time < data_feed_->next_time) data_feed_ = &slot;
  }
  data_time_ = data_feed_->next_time;
}

Simulation::SymbolSlot& Simulation::intern(const Symbol& symbol) {
  auto it = symbol_index_.find(symbol);
  if (it != symbol_index_.end()) return *it->second;
  SymbolSlot& slot = symbols_.emplace_back(SymbolSlot{
      symbol, engine_.market_handle(symbol), venue_.symbol_handle(symbol), Price{}, false});
  symbol_index_.emplace(symbol, &slot);
  return slot;
}

[[gnu::always_inline]] inline Simulation::NextEvent Simulation::next_source() const {
  // At equal instants: messages and completions already queued go first (a strategy acting on
  // the bar that just completed must reach the venue before the next bar opens), then timers,
  // then commands arriving at the venue, then new market data.
  NextEvent next;
  // The three queues of things already scheduled, in (time, push order). Push order numbers are
  // unique, so the order they are asked in does not matter.
  std::uint64_t seq = std::numeric_limits<std::uint64_t>::max();
  if (!completions_.empty()) {
    next = NextEvent{completions_.front().at, Source::kComplete};
    seq = completions_.front().seq;
  }
  if (!deliveries_.empty()) {
    const auto& front = deliveries_.front();
    if (front.at < next.at || (front.at == next.at && front.seq < seq)) {
      next = NextEvent{front.at, Source::kVenue};
      seq = front.seq;
    }
  }
  if (!queue_.empty()) {
    const Timestamp at = queue_.next_time();
    if (at < next.at || (at == next.at && queue_.next_seq() < seq)) {
      next = NextEvent{at, Source::kQueue};
    }
  }
  if (const Timestamp wakeup = engine_.next_wakeup(); wakeup < next.at) {
    next = NextEvent{wakeup, Source::kWakeup};
  }
  if (const Timestamp arrival = venue_.next_arrival_time(); arrival < next.at) {
    next = NextEvent{arrival, Source::kArrival};
  }
  if (data_time_ < next.at) next = NextEvent{data_time_, Source::kData};
  return next;
}

Timestamp Simulation::next_event_time() const {
  return next_source().at;
}

void Simulation::note_horizon() {
  horizon_ = std::min({engine_.next_wakeup(), venue_.next_arrival_time(), run_end_});
  if (!queue_.empty()) horizon_ = std::min(horizon_, queue_.next_time());
}

[[gnu::always_inline]] inline void Simulation::advance_clock(Timestamp to) {
  // An event due before now (a timer set in the past) runs at now. clock_ keeps no timers:
  // nothing can set one (it is handed out const).
  if (to > clock_.now()) clock_.move_to(to);
}

// The streams that are in time order of their own (bar completions, venue messages, new data):
// their next event, when it comes before the horizon (which is also before the end of the
// run_until call). False when the full choice (next_source) must be made.
[[gnu::always_inline]] inline bool Simulation::step_ordered() {
  const Timestamp limit = horizon_;
  // Completions and messages by (time, push order); at equal instants both go before new data.
  if (!deliveries_.empty()) [[unlikely]] {
    const auto& message = deliveries_.front();
    if (completions_.empty() || message.at < completions_.front().at ||
        (message.at == completions_.front().at && message.seq < completions_.front().seq)) {
      if (message.at <= data_time_) {
        if (!before_horizon(message.at, limit)) return false;
        advance_clock(message.at);
        deliver_message();
        return true;
      }
      return step_data(limit);  // the data comes first, then the message, then the completion
    }
  }
  if (!completions_.empty() && completions_.front().at <= data_time_) {
    const Timestamp at = completions_.front().at;
    if (!before_horizon(at, limit)) return false;
    advance_clock(at);
    complete_bar(completions_.pop().value);
    return true;
  }
  return step_data(limit);
}

// Whether a message or bar completion due at `at` goes before every event the horizon stands
// for. Those due at the horizon's own instant go after it too: timers and command arrivals
// always do at equal instants, queue_'s events when there are none (they go by push order). So
// the events at an instant a command arrives at (or a timer is due at) need not be chosen one by
// one by next_source. The end of the run_until call is a hard stop.
[[gnu::always_inline]] inline bool Simulation::before_horizon(Timestamp at, Timestamp limit) const {
  return at < limit || (at == limit && queue_.empty() && limit != run_end_);
}

[[gnu::always_inline]] inline bool Simulation::step_data(Timestamp limit) {
  if (data_time_ >= limit) return false;
  // Bars that complete at once (on_data) follow one another here while nothing else comes
  // first: step_ordered would choose the next bar too. No completion is waiting (one that
  // completes at once found none, and only new data queues them), so the messages the engine's
  // and the venue's work may have queued and the horizon, lowered by it, are all to look at.
  do {
    advance_clock(data_time_);
  } while (on_data(*data_feed_) && deliveries_.empty() && data_time_ < horizon_);
  return true;
}

[[gnu::always_inline]] inline void Simulation::deliver_message() {
  deliveries_.consume_front(
      [this](const VenueMessage& message) { engine_.on_venue_message(message); });
  // The strategies may have set timers (their commands lower the horizon as they are sent).
  lower_horizon(engine_.next_wakeup());
}

[[gnu::always_inline]] inline void Simulation::step(NextEvent next) {
  advance_clock(next.at);
  switch (next.source) {
    case Source::kQueue: {
      Timestamp when;
      dispatch(queue_.pop(when));
      break;
    }
    case Source::kVenue:
      deliver_message();
      break;
    case Source::kComplete:
      complete_bar(completions_.pop().value);
      break;
    case Source::kWakeup:
      engine_.on_time();
      break;
    case Source::kArrival:
      venue_.advance_to(next.at);
      break;
    case Source::kData:
      on_data(*data_feed_);
      break;
    case Source::kNone:
      break;
  }
}

void Simulation::run() {
  while (run_until(Timestamp::max())) {
  }
}

bool Simulation::run_until(Timestamp until) {
  if (!started_) {
    started_ = true;
    engine_.start();
  }
  // Worked out afresh: a caller may have acted between calls (or an input thrown out of one).
  // Events at `until` still run.
  run_end_ = until == Timestamp::max() ? until : until + Nanoseconds{1};
  horizon_ = Timestamp::min();
  for (;;) {
    if (step_ordered()) continue;
    const NextEvent next = next_source();
    if (next.source == Source::kNone) {
      if (open_day_) close_session(*open_day_);
      // The closing auction's messages.
      if (!queue_.empty() || !deliveries_.empty() || !completions_.empty()) continue;
      engine_.stop();
      return false;
    }
    if (next.at > until) return true;
    step(next);
    note_horizon();
  }
}

[[gnu::always_inline]] inline bool Simulation::on_data(FeedSlot& slot) {
  SymbolSlot& symbol = *slot.symbol;
  // Stays where it is until its completion is handled (FeedSlot).
  const MarketBar& current = *slot.next;
  MarketBar* const held = slot.held;
  const Bar& bar = current.bar;
  const Timestamp complete_at = bar.time + current.duration;
  read_next(slot);
  // Only this feed's next bar changed: with one feed, it is the earliest.
  if (single_feed_) {
    data_time_ = slot.next_time;
  } else {
    note_data_due();
  }
  if (slot.next_time < bar.time) {
    throw std::invalid_argument("bar feed for " + symbol.symbol + " goes back in time");
  }
  open_session_if_new(symbol, bar.time);
  session_data_end_ = std::max(session_data_end_, complete_at);
  // Checked once, here: the venue then only matches it, and the engine takes it as valid.
  SimulatedVenue::check_bar(symbol.symbol, bar);
  venue_.on_bar_in_order(symbol.venue_symbol, bar);
  symbol.last_close = bar.close;
  symbol.has_close = true;
  // The completion is built in each branch: built once before the choice, it went to memory
  // for the queue's sake and came back from it after the engine's handling of the bar.
  if (completes_next(complete_at)) {
    advance_clock(complete_at);
    complete_bar(BarComplete{&current, held, &symbol});
    return true;
  }
  const BarComplete complete{&current, held, &symbol};
  if (completions_.empty() || completions_.back().at <= complete_at) {
    completions_.push(complete_at, next_seq_++, complete);
  } else {  // a shorter bar ending before a longer one queued earlier
    push(complete_at, complete);
  }
  return false;
}

// Whether a bar whose data was just handled (venue included) completes before anything else
// happens, so that it can complete at once instead of waiting in completions_ for the loop to
// come back to it: one event per bar instead of two. It does when nothing is due before its
// completion, nor at the same instant ahead of it: no venue message (the venue's fills at the
// bar's open were posted at its start), no completion waiting (they go first by push order), no
// queued event, timer or command arrival before the horizon (before_horizon), and no data before
// it (data at the same instant goes after it). The horizon is never after the end of the
// run_until call, so the completion is inside the call's span. A completion that skips the
// queue takes no push-order number: numbers are only compared with each other, and every event
// queued before or after keeps its place relative to every other.
[[gnu::always_inline]] inline bool Simulation::completes_next(Timestamp complete_at) const {
  return complete_at <= data_time_ && before_horizon(complete_at, horizon_) &&
         deliveries_.empty() && completions_.empty();
}

void Simulation::dispatch(const Event& event) {
  if (auto* complete = std::get_if<BarComplete>(&event)) {
    complete_bar(*complete);
  } else if (auto* close = std::get_if<SessionClose>(&event)) {
    if (open_day_ == close->day) close_session(close->day);
  }
}

[[gnu::always_inline]] inline void Simulation::complete_bar(const BarComplete& complete) {
  ++bars_processed_;
  const Bar& bar = complete.bar->bar;
  const SymbolSlot& slot = *complete.symbol;
  if (bar_fill_ == BarFill::kClose) {
    const Timestamp now = clock_.now();
    if (bar.volume.is_positive())
      venue_.on_trade(slot.venue_symbol, Trade{ConId{}, now, bar.close, bar.volume});
    venue_.on_quote(slot.venue_symbol,
                    Quote{ConId{}, now, bar.close, bar.close, bar.volume, bar.volume});
  }
  engine_.on_bar(slot.market, bar);
  // The strategies may have set timers (their orders and the venue's answers lower the horizon
  // as they are sent and queued).
  lower_horizon(engine_.next_wakeup());
  if (complete.held != nullptr) free_bars_.push_back(complete.held);
}

date::year_month_day Simulation::session_day(Timestamp bar_start) const {
  if (calendar_ != nullptr) return calendar_->market_date(bar_start);
  return date::year_month_day{date::floor<date::days>(bar_start)};
}

// A bar outside the open session's span: the session day is looked up, and a new day closes
// the open session and opens the next.
void Simulation::open_session_for(SymbolSlot& symbol, Timestamp t) {
  const date::year_month_day day = session_day(t);
  if (open_day_ == day) return;
  if (open_day_) close_session(*open_day_);
  open_day_ = day;
  // Every instant of that span has this session day: the UTC date, or with a calendar the
  // extended hours (04:00-20:00 ET) of the ET date.
  open_day_from_ = Timestamp::max();
  open_day_until_ = Timestamp::min();
  if (calendar_ == nullptr) {
    open_day_from_ = Timestamp{date::sys_days{day}};
    open_day_until_ = open_day_from_ + date::days{1};
  } else if (auto hours = calendar_->hours(day)) {
    open_day_from_ = hours->pre_open;
    open_day_until_ = hours->post_close;
  }
  // The symbols with bars so far, then this bar's if it is its first.
  for (const auto& [name, slot] : symbol_index_) {
    if (slot->has_close) venue_.on_session_open(name, t);
  }
  if (!symbol.has_close) venue_.on_session_open(symbol.symbol, t);
  engine_.on_session_open(day);
  if (calendar_ != nullptr) {
    if (auto hours = calendar_->hours(day); hours && hours->close > clock_.now()) {
      push(hours->close, SessionClose{day});
    }
  }
  // The strategies' session hooks may have set timers or sent orders.
  note_horizon();
}

void Simulation::close_session(date::year_month_day day) {
  open_day_.reset();
  open_day_from_ = Timestamp::max();
  open_day_until_ = Timestamp::min();
  const Timestamp cutoff = calendar_ == nullptr ? session_data_end_ : Timestamp::max();
  session_data_end_ = Timestamp::min();
  for (const auto& [name, slot] : symbol_index_) {
    if (slot->has_close) venue_.on_session_close(name, slot->last_close, clock_.now(), cutoff);
  }
  engine_.on_session_close(day);
}

}  // namespace ibtrade::engine
