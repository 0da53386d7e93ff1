#include "engine/kernel/simulation.hpp"

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
      venue_(
          [this](VenueMessage&& message) {
            // A message can't be delivered before it is sent.
            const Timestamp at = std::max(time_of(message), clock_.now());
            deliveries_.push(at, next_seq_++, std::move(message));
          },
          clock_, commission, venue_config(config), std::move(fill_model), std::move(latency_model),
          config.seed),
      engine_(clock_, venue_, std::move(config.engine), calendar),
      calendar_(calendar),
      bar_fill_(config.bar_fill) {}

void Simulation::add_feed(BarFeed& feed) {
  FeedSlot& slot = feeds_.emplace_back();
  slot.feed = &feed;
  slot.scratch = std::make_unique<std::array<MarketBar, 2>>();
  read_next(slot);
}

// The per-event path (see simulation.hpp) is forced inline: GCC keeps it out of line otherwise.
[[gnu::always_inline]] inline void Simulation::read_next(FeedSlot& slot) {
  slot.next = slot.feed->next_ref((*slot.scratch)[slot.scratch_turn]);
  if (slot.next == nullptr) {
    slot.next_time = Timestamp::max();
    return;
  }
  // The bar handled now may sit in the other scratch bar: the next read takes the other one.
  if (slot.next == &(*slot.scratch)[slot.scratch_turn]) slot.scratch_turn ^= 1U;
  slot.next_time = slot.next->bar.time;
  // Mostly the same symbol as the feed's previous bar: one comparison, no lookup.
  if (symbols_.empty() || !same_bytes(symbols_[slot.symbol].symbol, slot.next->symbol)) {
    slot.symbol = intern(slot.next->symbol);
  }
}

Simulation::SymbolIndex Simulation::intern(const Symbol& symbol) {
  auto it = symbol_index_.find(symbol);
  if (it != symbol_index_.end()) return it->second;
  const auto index = static_cast<SymbolIndex>(symbols_.size());
  symbols_.push_back(SymbolSlot{symbol, Price{}, false});
  symbol_index_.emplace(symbol, index);
  return index;
}

[[gnu::always_inline]] inline Simulation::NextEvent Simulation::next_source() const {
  // At equal instants: messages and completions already queued go first (a strategy acting on
  // the bar that just completed must reach the venue before the next bar opens), then timers,
  // then commands arriving at the venue, then new market data.
  // Asked first: a call the compiler cannot see into, so nothing is held across it.
  const std::optional<Timestamp> arrival = venue_.next_arrival();
  NextEvent next;
  // The three queues of things already scheduled, in (time, push order). Push order numbers are
  // unique, so the order they are asked in does not matter.
  std::uint64_t seq = std::numeric_limits<std::uint64_t>::max();
  if (!completions_.empty()) {
    next = NextEvent{completions_.front().at, 0, Source::kComplete};
    seq = completions_.front().seq;
  }
  if (!deliveries_.empty()) {
    const auto& front = deliveries_.front();
    if (front.at < next.at || (front.at == next.at && front.seq < seq)) {
      next = NextEvent{front.at, 0, Source::kVenue};
      seq = front.seq;
    }
  }
  if (!queue_.empty()) {
    const Timestamp at = queue_.next_time();
    if (at < next.at || (at == next.at && queue_.next_seq() < seq)) {
      next = NextEvent{at, 0, Source::kQueue};
    }
  }
  if (const Timestamp wakeup = engine_.next_wakeup(); wakeup < next.at) {
    next = NextEvent{wakeup, 0, Source::kWakeup};
  }
  if (arrival && *arrival < next.at) {
    next = NextEvent{*arrival, 0, Source::kArrival};
  }
  for (std::uint32_t i = 0; i < feeds_.size(); ++i) {
    if (feeds_[i].next_time < next.at) next = NextEvent{feeds_[i].next_time, i, Source::kData};
  }
  return next;
}

Timestamp Simulation::next_event_time() const {
  return next_source().at;
}

[[gnu::always_inline]] inline void Simulation::step(NextEvent next) {
  if (next.at > clock_.now()) (void)clock_.advance_to(next.at);
  switch (next.source) {
    case Source::kQueue: {
      Timestamp when;
      dispatch(queue_.pop(when));
      break;
    }
    case Source::kVenue:
      deliveries_.consume_front(
          [this](const VenueMessage& message) { engine_.on_venue_message(message); });
      break;
    case Source::kComplete:
      completions_.consume_front(
          [this](const BarComplete& complete) { complete_bar(complete.symbol, complete.bar); });
      break;
    case Source::kWakeup:
      engine_.on_time();
      break;
    case Source::kArrival:
      venue_.advance_to(next.at);
      break;
    case Source::kData:
      on_data(feeds_[next.feed]);
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
  for (;;) {
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
  }
}

[[gnu::always_inline]] inline void Simulation::on_data(FeedSlot& slot) {
  const SymbolIndex symbol = slot.symbol;
  // Stays valid while the feed's next bar is read (FeedSlot).
  const MarketBar& current = *slot.next;
  const Bar& bar = current.bar;
  const Timestamp complete_at = bar.time + current.duration;
  read_next(slot);
  if (slot.next_time < bar.time) {
    throw std::invalid_argument("bar feed for " + symbols_[symbol].symbol + " goes back in time");
  }
  open_session_if_new(symbol, bar.time);
  session_data_end_ = std::max(session_data_end_, complete_at);
  SymbolSlot& traded = symbols_[symbol];
  venue_.on_bar(traded.symbol, bar);
  traded.last_close = bar.close;
  traded.has_close = true;
  if (completions_.empty() || completions_.back().at <= complete_at) {
    completions_.push(complete_at, next_seq_++, BarComplete{symbol, bar});
  } else {  // a shorter bar ending before a longer one queued earlier
    push(complete_at, BarComplete{symbol, bar});
  }
}

void Simulation::dispatch(const Event& event) {
  if (auto* complete = std::get_if<BarComplete>(&event)) {
    complete_bar(complete->symbol, complete->bar);
  } else if (auto* close = std::get_if<SessionClose>(&event)) {
    if (open_day_ == close->day) close_session(close->day);
  }
}

[[gnu::always_inline]] inline void Simulation::complete_bar(SymbolIndex symbol_index,
                                                            const Bar& bar) {
  ++bars_processed_;
  const Symbol& symbol = symbols_[symbol_index].symbol;
  if (bar_fill_ == BarFill::kClose) {
    const Timestamp now = clock_.now();
    if (bar.volume.is_positive())
      venue_.on_trade(symbol, Trade{ConId{}, now, bar.close, bar.volume});
    venue_.on_quote(symbol, Quote{ConId{}, now, bar.close, bar.close, bar.volume, bar.volume});
  }
  engine_.on_bar(symbol, bar);
}

date::year_month_day Simulation::session_day(Timestamp bar_start) const {
  if (calendar_ != nullptr) return calendar_->market_date(bar_start);
  return date::year_month_day{date::floor<date::days>(bar_start)};
}

// A bar outside the open session's span: the session day is looked up, and a new day closes
// the open session and opens the next.
void Simulation::open_session_for(SymbolIndex symbol, Timestamp t) {
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
  for (const auto& [name, index] : symbol_index_) {
    if (symbols_[index].has_close) venue_.on_session_open(name, t);
  }
  if (!symbols_[symbol].has_close) venue_.on_session_open(symbols_[symbol].symbol, t);
  engine_.on_session_open(day);
  if (calendar_ != nullptr) {
    if (auto hours = calendar_->hours(day); hours && hours->close > clock_.now()) {
      push(hours->close, SessionClose{day});
    }
  }
}

void Simulation::close_session(date::year_month_day day) {
  open_day_.reset();
  open_day_from_ = Timestamp::max();
  open_day_until_ = Timestamp::min();
  const Timestamp cutoff = calendar_ == nullptr ? session_data_end_ : Timestamp::max();
  session_data_end_ = Timestamp::min();
  for (const auto& [name, index] : symbol_index_) {
    const SymbolSlot& slot = symbols_[index];
    if (slot.has_close) venue_.on_session_close(name, slot.last_close, clock_.now(), cutoff);
  }
  engine_.on_session_close(day);
}

}  // namespace ibtrade::engine
