#include "engine/market/price_process.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "engine/market/portable_math.hpp"
#include "engine/market/tick_rounding.hpp"

namespace ibtrade::engine::market {
namespace {

constexpr double kSessionsPerYear = 252.0;

std::uint64_t day_serial(date::year_month_day day) {
  return static_cast<std::uint64_t>(date::sys_days{day}.time_since_epoch().count());
}

// Mean of log(1 + u) for u uniform in [low, high]: the antiderivative is (1+u)ln(1+u) - u.
double mean_log_one_plus(double low, double high) {
  const auto f = [](double u) { return (1.0 + u) * portable_log(1.0 + u) - u; };
  return (f(high) - f(low)) / (high - low);
}

// Mean of log(1 - u) for u uniform in [low, high]: the antiderivative is -(1-u)ln(1-u) - u.
double mean_log_one_minus(double low, double high) {
  const auto f = [](double u) { return -(1.0 - u) * portable_log(1.0 - u) - u; };
  return (f(high) - f(low)) / (high - low);
}

int session_minutes(const TradingCalendar& calendar, date::year_month_day day) {
  const Holiday* holiday = calendar.holidays().find(day);
  return holiday != nullptr && holiday->kind == HolidayKind::kEarlyClose ? kEarlyCloseSessionMinutes
                                                                         : kRegularSessionMinutes;
}

}  // namespace

SymbolPath::SymbolPath(const PathContext& context, const SymbolParams& params,
                       date::year_month_day from)
    : context_(&context), params_(&params) {
  const PriceConfig& config = *context.config;
  const double up_mean = mean_log_one_plus(config.big_gap_up_min, config.big_gap_up_max);
  const double down_mean = mean_log_one_minus(config.big_gap_down_min, config.big_gap_down_max);
  const double p = config.big_gap_probability;
  const double share = config.big_gap_up_share;
  big_gap_log_mean_ = p * (share * up_mean + (1.0 - share) * down_mean);
  // Gap and earnings days trade more; dividing by their expected boost keeps the mean session
  // volume at avg_volume. E|normal(0, sd)| = sd sqrt(2 / pi).
  const double abs_normal = std::sqrt(2.0 / 3.14159265358979323846);
  const double ordinary =
      1.0 + config.gap_volume_boost * ((1.0 - p) * params.gap_sd * abs_normal +
                                       p * (share * up_mean - (1.0 - share) * down_mean));
  const double earnings = config.earnings_volume_boost *
                          (1.0 + config.gap_volume_boost * config.earnings_gap_sd * abs_normal);
  constexpr double kEarningsDayShare = 4.0 / kSessionsPerYear;
  volume_normaliser_ = (1.0 - kEarningsDayShare) * ordinary + kEarningsDayShare * earnings;
  next_report_ = context.earnings->next_reaction(params.index, context.epoch_day);
  start_log_ = portable_log(params.start_price);
  low_log_ = portable_log(config.min_price);
  high_log_ = portable_log(config.max_price);

  // The close before the epoch is the symbol's start price; from there, day by day.
  std::optional<date::year_month_day> day = context.epoch_day;
  double previous_close_log = start_log_;
  std::int64_t trading_day = 0;
  while (day) {
    plan_day(*day, trading_day, previous_close_log);
    if (*day >= from) {
      valid_ = true;
      return;
    }
    previous_close_log = plan_.close_log;
    ++trading_day;
    day = context.calendar->next_trading_day(*day);
  }
}

void SymbolPath::plan_day(date::year_month_day day, std::int64_t trading_day,
                          double previous_close_log) {
  const PriceConfig& config = *context_->config;
  const SymbolParams& p = *params_;
  if (next_report_ && next_report_->reaction_day && *next_report_->reaction_day < day) {
    next_report_ = context_->earnings->next_reaction(p.index, day);
  }

  DayPlan plan;
  plan.day = day;
  plan.trading_day = trading_day;
  plan.minutes = session_minutes(*context_->calendar, day);
  plan.previous_close_log = previous_close_log;
  plan.earnings = next_report_ && next_report_->reaction_day == day;
  const double session = static_cast<double>(plan.minutes) / kRegularSessionMinutes;
  const double year_fraction = session / kSessionsPerYear;

  // Every draw is made, used or not, in this order: the order is part of every seeded path.
  RandomStream random(derive_seed(context_->seed, StreamKind::kDay, p.index, day_serial(day)));
  const double gap_z = random.normal();
  const double big_draw = random.uniform();
  const double up_draw = random.uniform();
  const double size_draw = random.uniform();
  const double diffusion_z = random.normal();
  const double volume_z = random.normal();
  const std::int64_t jumps = random.poisson(p.jumps_per_year * year_fraction);
  for (std::int64_t i = 0; i < jumps; ++i) {
    const Jump jump{static_cast<int>(random.below(static_cast<std::uint64_t>(plan.minutes))),
                    p.jump_sd * random.normal()};
    if (plan.jump_count < kMaxJumpsPerDay) plan.jumps[plan.jump_count++] = jump;
  }
  std::stable_sort(plan.jumps.begin(),
                   plan.jumps.begin() + static_cast<std::ptrdiff_t>(plan.jump_count),
                   [](const Jump& a, const Jump& b) { return a.minute < b.minute; });

  if (plan.earnings) {
    const double surprise =
        next_report_->surprise_bps ? static_cast<double>(*next_report_->surprise_bps) / 1e4 : 0.0;
    const double limit = config.earnings_max_surprise_gap;
    plan.gap = std::clamp(config.earnings_surprise_beta * surprise, -limit, limit) +
               config.earnings_gap_sd * gap_z;
  } else if (big_draw < config.big_gap_probability) {
    plan.gap = up_draw < config.big_gap_up_share
                   ? portable_log(1.0 + config.big_gap_up_min +
                                  (config.big_gap_up_max - config.big_gap_up_min) * size_draw)
                   : portable_log(1.0 - config.big_gap_down_min -
                                  (config.big_gap_down_max - config.big_gap_down_min) * size_draw);
  } else {
    plan.gap = p.gap_sd * gap_z;
  }
  plan.open_log = std::clamp(previous_close_log + plan.gap, low_log_, high_log_);

  // Drift towards an anchor growing at the symbol's drift; the big gaps' mean is taken out so
  // that they move prices without lifting the path above its anchor for good.
  const double anchor = start_log_ + p.drift * static_cast<double>(trading_day) / kSessionsPerYear;
  const double drift =
      ((p.drift + config.mean_reversion * (anchor - plan.open_log)) / kSessionsPerYear -
       big_gap_log_mean_) *
      session;
  plan.diffusion = drift + p.volatility * std::sqrt(year_fraction) * diffusion_z;
  double jump_total = 0.0;
  for (std::size_t i = 0; i < plan.jump_count; ++i)
    jump_total += plan.jumps[i].size;
  plan.close_log = std::clamp(plan.open_log + plan.diffusion + jump_total, low_log_, high_log_);
  plan.diffusion = plan.close_log - plan.open_log - jump_total;
  plan.minute_variance = p.volatility * p.volatility / (kSessionsPerYear * kRegularSessionMinutes);

  const double volume_sd = config.daily_volume_sd;
  plan.volume = static_cast<double>(p.avg_volume) * session *
                portable_exp(volume_sd * volume_z - 0.5 * volume_sd * volume_sd) *
                (1.0 + config.gap_volume_boost * std::fabs(plan.gap)) *
                (plan.earnings ? config.earnings_volume_boost : 1.0) / volume_normaliser_;
  plan_ = plan;
  minute_ = 0;
}

Price SymbolPath::open_price() const {
  return to_tick_price(portable_exp(plan_.open_log));
}

Price SymbolPath::close_price() const {
  return to_tick_price(portable_exp(plan_.close_log));
}

void SymbolPath::next_day() {
  if (!valid_) return;
  const auto day = context_->calendar->next_trading_day(plan_.day);
  if (!day) {
    valid_ = false;
    return;
  }
  plan_day(*day, plan_.trading_day + 1, plan_.close_log);
}

void SymbolPath::start_session() {
  const auto hours = context_->calendar->hours(plan_.day);
  if (!hours) throw std::logic_error("synthetic path on a day without a session");
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(hours->close - hours->open).count();
  if (minutes != plan_.minutes) throw std::logic_error("session length disagrees with the plan");
  session_open_ = hours->open;
  profile_ = &context_->profiles->for_minutes(plan_.minutes);
  minute_random_ = RandomStream(
      derive_seed(context_->seed, StreamKind::kMinute, params_->index, day_serial(plan_.day)));
  diffusion_so_far_ = 0.0;
  jumps_so_far_ = 0.0;
  last_log_ = plan_.open_log;
  last_close_ = open_price();
  next_jump_ = 0;
}

std::optional<Bar> SymbolPath::next_minute() {
  if (!valid_ || minute_ >= plan_.minutes) return std::nullopt;
  if (minute_ == 0) start_session();
  const auto j = static_cast<std::size_t>(minute_);
  const bool last = minute_ + 1 == plan_.minutes;
  const double variance = plan_.minute_variance * profile_->variance_weight[j];
  const double remaining = plan_.minute_variance * profile_->variance_remaining[j];

  const double z = minute_random_.normal();
  const double high_draw = minute_random_.uniform_open();
  const double low_draw = minute_random_.uniform_open();
  const double volume_z = minute_random_.normal();

  // Brownian bridge: the next minute given where the session must end, drawn sequentially so
  // that only the current position is kept.
  double diffusion = plan_.diffusion;
  if (!last) {
    const double share = variance / remaining;
    const double mean = (plan_.diffusion - diffusion_so_far_) * share;
    const double bridge_variance = std::max(0.0, variance * (1.0 - share));
    diffusion = diffusion_so_far_ + mean + std::sqrt(bridge_variance) * z;
  }
  while (next_jump_ < plan_.jump_count && plan_.jumps[next_jump_].minute == minute_) {
    jumps_so_far_ += plan_.jumps[next_jump_++].size;
  }
  const double open_log = last_log_;
  const double close_log = last ? plan_.close_log : plan_.open_log + diffusion + jumps_so_far_;

  // Extremes inside the minute from the distribution of a Brownian bridge's maximum and minimum.
  const double move = close_log - open_log;
  const double centre = open_log + close_log;
  const double high_log =
      std::max(0.5 * (centre + std::sqrt(move * move - 2.0 * variance * portable_log(high_draw))),
               std::max(open_log, close_log));
  const double low_log =
      std::min(0.5 * (centre - std::sqrt(move * move - 2.0 * variance * portable_log(low_draw))),
               std::min(open_log, close_log));

  Bar bar;
  bar.time = session_open_ + std::chrono::minutes(minute_);
  bar.open = last_close_;
  bar.close = to_tick_price(portable_exp(close_log));
  bar.high = std::max({to_tick_price(portable_exp(high_log)), bar.open, bar.close});
  bar.low = std::min({to_tick_price(portable_exp(low_log)), bar.open, bar.close});
  const double minute_sd = context_->config->minute_volume_sd;
  const double shares = plan_.volume / static_cast<double>(plan_.minutes) *
                        profile_->volume_weight[j] *
                        portable_exp(minute_sd * volume_z - 0.5 * minute_sd * minute_sd);
  // from_raw, not from_units: the same value without a 128-bit division on the hot path.
  bar.volume =
      Quantity::from_raw(static_cast<std::int64_t>(std::floor(shares + 0.5)) * kFixedScale, 0);

  diffusion_so_far_ = diffusion;
  last_log_ = close_log;
  last_close_ = bar.close;
  ++minute_;
  return bar;
}

}  // namespace ibtrade::engine::market
