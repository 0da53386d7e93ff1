#include "engine/kernel/simulation.hpp"

#include <stdexcept>

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
  FeedSlot slot{&feed, feed.next()};
  feeds_.push_back(std::move(slot));
}

Simulation::Source Simulation::next_source(Timestamp& at) const {
  // At equal instants: messages and completions already queued go first (a strategy acting on
  // the bar that just completed must reach the venue before the next bar opens), then timers,
  // then commands arriving at the venue, then new market data.
  Source best = Source::kNone;
  at = Timestamp::max();
  std::uint64_t seq = 0;
  // The three queues of things already scheduled, in (time, push order).
  auto offer = [&](Timestamp t, std::uint64_t s, Source source) {
    if (best == Source::kNone || t < at || (t == at && s < seq)) {
      at = t;
      seq = s;
      best = source;
    }
  };
  if (!queue_.empty()) offer(queue_.next_time(), queue_.next_seq(), Source::kQueue);
  if (!deliveries_.empty()) offer(deliveries_.front().at, deliveries_.front().seq, Source::kVenue);
  if (!completions_.empty()) {
    offer(completions_.front().at, completions_.front().seq, Source::kComplete);
  }
  auto consider = [&](Timestamp t, Source s) {
    if (t < at) {
      at = t;
      best = s;
    }
  };
  consider(engine_.next_wakeup(), Source::kWakeup);
  if (auto arrival = venue_.next_arrival()) consider(*arrival, Source::kArrival);
  for (const FeedSlot& slot : feeds_) {
    if (slot.next) consider(slot.next->bar.time, Source::kData);
  }
  if (best == Source::kNone && at == Timestamp::max()) return Source::kNone;
  return best;
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
    Timestamp at;
    const Source source = next_source(at);
    if (source == Source::kNone) {
      if (open_day_) close_session(*open_day_);
      // The closing auction's messages.
      if (!queue_.empty() || !deliveries_.empty() || !completions_.empty()) continue;
      engine_.stop();
      return false;
    }
    if (at > until) return true;
    step(source, at);
  }
}

void Simulation::step(Source source, Timestamp at) {
  if (at > clock_.now()) (void)clock_.advance_to(at);
  switch (source) {
    case Source::kQueue: {
      Timestamp when;
      dispatch(queue_.pop(when));
      break;
    }
    case Source::kVenue:
      engine_.on_venue_message(deliveries_.pop());
      break;
    case Source::kComplete: {
      const BarComplete complete = completions_.pop();
      complete_bar(complete.symbol, complete.bar);
      break;
    }
    case Source::kWakeup:
      engine_.on_time();
      break;
    case Source::kArrival:
      venue_.advance_to(at);
      break;
    case Source::kData:
      for (FeedSlot& slot : feeds_) {
        if (slot.next && slot.next->bar.time == at) {
          on_data(slot);
          break;
        }
      }
      break;
    case Source::kNone:
      break;
  }
}

void Simulation::on_data(FeedSlot& slot) {
  MarketBar bar = std::move(*slot.next);
  slot.next = slot.feed->next();
  if (slot.next && slot.next->bar.time < bar.bar.time) {
    throw std::invalid_argument("bar feed for " + bar.symbol + " goes back in time");
  }
  open_session_if_new(bar);
  session_data_end_ = std::max(session_data_end_, bar.bar.time + bar.duration);
  venue_.on_bar(bar.symbol, bar.bar);
  last_close_[bar.symbol] = bar.bar.close;
  const Timestamp complete_at = bar.bar.time + bar.duration;
  if (completions_.empty() || completions_.back().at <= complete_at) {
    completions_.push(complete_at, next_seq_++, BarComplete{std::move(bar.symbol), bar.bar});
  } else {  // a shorter bar ending before a longer one queued earlier
    push(complete_at, BarComplete{std::move(bar.symbol), bar.bar});
  }
}

void Simulation::dispatch(const Event& event) {
  if (auto* complete = std::get_if<BarComplete>(&event)) {
    complete_bar(complete->symbol, complete->bar);
  } else if (auto* close = std::get_if<SessionClose>(&event)) {
    if (open_day_ == close->day) close_session(close->day);
  }
}

void Simulation::complete_bar(const Symbol& symbol, const Bar& bar) {
  ++bars_processed_;
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

void Simulation::open_session_if_new(const MarketBar& bar) {
  const Timestamp t = bar.bar.time;
  if (open_day_ && t >= open_day_from_ && t < open_day_until_) return;
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
  for (const auto& [symbol, price] : last_close_)
    venue_.on_session_open(symbol, bar.bar.time);
  if (!last_close_.contains(bar.symbol)) venue_.on_session_open(bar.symbol, bar.bar.time);
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
  for (const auto& [symbol, price] : last_close_) {
    venue_.on_session_close(symbol, price, clock_.now(), cutoff);
  }
  engine_.on_session_close(day);
}

}  // namespace ibtrade::engine
