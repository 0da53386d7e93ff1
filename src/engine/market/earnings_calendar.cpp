#include "engine/market/earnings_calendar.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "engine/market/portable_math.hpp"
#include "engine/market/random_stream.hpp"

namespace ibtrade::engine::market {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kCentRaw = 10'000'000;  // $0.01 in raw units of 1e-9

Money cents(std::int64_t amount) {
  return Money::from_raw(amount * kCentRaw, 2);
}

std::int64_t whole(double value) {
  return static_cast<std::int64_t>(std::floor(value + 0.5));
}

std::int64_t to_cents(double dollars) {
  return whole(dollars * 100.0);
}

date::year_month_day shifted(date::year_month_day day, int days) {
  return date::year_month_day{date::sys_days{day} + date::days{days}};
}

// Half away from zero, in integers: (eps - forecast) * 10'000 / |forecast|.
std::optional<std::int64_t> surprise_bps(std::int64_t eps, std::int64_t forecast) {
  if (forecast == 0 || eps == forecast) return std::nullopt;
  const std::int64_t diff = eps - forecast;
  const std::int64_t base = std::abs(forecast);
  const std::int64_t magnitude = (2 * std::abs(diff) * 10'000 + base) / (2 * base);
  return diff < 0 ? -magnitude : magnitude;
}

}  // namespace

QuarterNumber quarter_number(date::year_month_day day) {
  return static_cast<QuarterNumber>(static_cast<int>(day.year())) * 4 +
         static_cast<QuarterNumber>((static_cast<unsigned>(day.month()) - 1) / 3);
}

EarningsCalendar::EarningsCalendar(std::uint64_t seed, const Universe& universe,
                                   const TradingCalendar& calendar, EarningsConfig config,
                                   date::year_month_day epoch)
    : seed_(seed),
      universe_(&universe),
      calendar_(&calendar),
      config_(config),
      epoch_quarter_(quarter_number(epoch)) {}

std::optional<EarningsReport> EarningsCalendar::quarter_report(std::size_t symbol,
                                                               QuarterNumber quarter) const {
  const SymbolParams& params = universe_->at(symbol);
  const EarningsTraits& traits = params.earnings;
  // Every draw is made, used or not, in this order: the order is part of every seeded path.
  RandomStream random(
      derive_seed(seed_, StreamKind::kEarnings, symbol, static_cast<std::uint64_t>(quarter)));
  const double eps_z = random.normal();
  const int jitter_days = config_.report_lag_jitter_days;
  const auto jitter = static_cast<int>(random.between(-jitter_days, jitter_days));
  const bool hidden_pre_market = random.bernoulli(0.5);
  const double coverage_draw = random.uniform();
  const double analysts_z = random.normal();
  const int thin_estimates = 1 + static_cast<int>(random.below(3));
  const double outcome_draw = random.uniform();
  const double beat_draw = random.uniform();
  const double surprise_z = random.normal();
  const double spread_z = random.normal();
  const double high_draw = random.uniform(0.3, 1.0);
  const double low_draw = random.uniform(0.3, 1.0);

  EarningsReport report;
  report.symbol_index = symbol;
  report.quarter = quarter;
  const int quarter_of_year = static_cast<int>(quarter % 4);
  report.fiscal_quarter_end =
      date::year{static_cast<int>(quarter / 4)} /
      date::month{static_cast<unsigned>(3 * (quarter_of_year + 1) - traits.fiscal_shift)};
  // The fourth fiscal quarter is the one ending in Dec, Nov or Jan.
  report.fiscal_year_end = traits.fiscal_shift == 2 ? quarter_of_year == 0 : quarter_of_year == 3;

  const date::year_month_day quarter_end{report.fiscal_quarter_end / date::last};
  const int lag = traits.report_lag_days + jitter +
                  (report.fiscal_year_end ? config_.year_end_extra_lag_days : 0);
  date::year_month_day day = shifted(quarter_end, lag);
  if (!calendar_->covers(day)) return std::nullopt;
  if (!calendar_->is_trading_day(day)) {
    const auto next = calendar_->next_trading_day(day);
    if (!next) return std::nullopt;
    day = *next;
  }
  const auto hours = calendar_->hours(day);
  if (!hours) return std::nullopt;
  report.report_date = day;
  report.time = traits.habit;
  const ReportTime actual_time =
      traits.habit != ReportTime::kNotSupplied
          ? traits.habit
          : (hidden_pre_market ? ReportTime::kPreMarket : ReportTime::kAfterHours);
  if (actual_time == ReportTime::kPreMarket) {
    report.published_at = hours->open - 2h;
    report.reaction_day = day;
  } else {
    report.published_at = hours->close + 5min;
    report.reaction_day = calendar_->next_trading_day(day);
  }

  // EPS: a trend per profile, measured in quarters from the epoch, plus noise.
  const double n = static_cast<double>(quarter - epoch_quarter_);
  double actual = 0.0;
  switch (traits.profile) {
    case EarningsProfile::kCyclical: {
      const double phase = n / traits.cycle_quarters + traits.cycle_phase;
      const double triangle = 1.0 - 4.0 * std::fabs(phase - std::floor(phase) - 0.5);
      actual = traits.base_eps * (traits.cycle_level + triangle + traits.eps_noise * eps_z);
      break;
    }
    case EarningsProfile::kLossMaker:
      actual = -traits.base_eps * traits.loss_depth * (1.0 + traits.eps_noise * eps_z);
      break;
    default:
      actual = traits.base_eps * portable_exp(n * portable_log(1.0 + traits.growth)) *
               (1.0 + traits.eps_noise * eps_z);
      break;
  }
  const std::int64_t eps = to_cents(actual);
  report.eps = cents(eps);

  switch (traits.profile) {
    case EarningsProfile::kUncovered:
      report.estimates = 0;
      break;
    case EarningsProfile::kThinCoverage:
      report.estimates = coverage_draw < config_.thin_no_estimate_probability ? 0 : thin_estimates;
      break;
    default:
      report.estimates =
          std::max(1, static_cast<int>(std::floor(traits.analysts + 1.2 * analysts_z + 0.5)));
      break;
  }

  bool beat = false;
  bool miss = false;
  if (report.estimates > 0) {
    std::int64_t forecast = eps;
    if (outcome_draw >= config_.in_line_probability) {
      beat = beat_draw < traits.beat_probability;
      miss = !beat;
      const double size = config_.min_surprise + std::fabs(config_.surprise_sd * surprise_z);
      // At least a cent: a beat or miss that rounds away would be "in line".
      const std::int64_t delta =
          std::max<std::int64_t>(1, to_cents(size * std::max(std::fabs(actual), 0.05)));
      forecast = beat ? eps - delta : eps + delta;
    }
    std::int64_t high = forecast;
    std::int64_t low = forecast;
    if (report.estimates >= 2) {
      // In cents: 2 % to ~12 % of the forecast (at least of 5 cents) either side.
      const double spread = (0.02 + std::fabs(0.05 * spread_z)) *
                            std::max(std::fabs(static_cast<double>(forecast)), 5.0);
      high = forecast + std::max<std::int64_t>(1, whole(spread * high_draw));
      low = forecast - std::max<std::int64_t>(1, whole(spread * low_draw));
    }
    report.eps_forecast = cents(forecast);
    report.high_forecast = cents(high);
    report.low_forecast = cents(low);
    report.surprise_bps = surprise_bps(eps, forecast);
  }
  // Revisions lean the way the quarter turns out (the revision-momentum signal).
  const double up_mean = beat ? 1.2 : (miss ? 0.4 : 0.6);
  const double down_mean = beat ? 0.3 : (miss ? 1.0 : 0.6);
  report.revisions_up =
      static_cast<int>(std::min<std::int64_t>(random.poisson(up_mean), report.estimates));
  report.revisions_down = static_cast<int>(
      std::min<std::int64_t>(random.poisson(down_mean), report.estimates - report.revisions_up));
  return report;
}

std::optional<EarningsReport> EarningsCalendar::report(std::size_t symbol,
                                                       QuarterNumber quarter) const {
  auto report = quarter_report(symbol, quarter);
  if (!report) return std::nullopt;
  const auto last_year = quarter_report(symbol, quarter - 4);
  if (last_year && last_year->estimates > 0) {
    report->last_year_report_date = last_year->report_date;
    report->last_year_eps = last_year->eps;
  }
  return report;
}

std::vector<EarningsReport> EarningsCalendar::reports_on(date::year_month_day day) const {
  std::vector<EarningsReport> reports;
  if (!calendar_->is_trading_day(day)) return reports;
  // A report comes 16 to ~60 days after its quarter ends.
  const QuarterNumber first = quarter_number(shifted(day, -100));
  const QuarterNumber last = quarter_number(day);
  for (std::size_t symbol = 0; symbol < universe_->size(); ++symbol) {
    for (QuarterNumber q = first; q <= last; ++q) {
      auto report = quarter_report(symbol, q);
      if (report && report->report_date == day) {
        reports.push_back(*this->report(symbol, q));
        break;
      }
    }
  }
  return reports;
}

std::vector<EarningsReport> EarningsCalendar::history(std::size_t symbol, Timestamp as_of,
                                                      std::size_t count) const {
  std::vector<EarningsReport> reports;
  const QuarterNumber top = quarter_number(calendar_->market_date(as_of));
  for (QuarterNumber q = top;
       reports.size() < count && q > top - static_cast<QuarterNumber>(count) - 4; --q) {
    auto report = this->report(symbol, q);
    if (report && report->published_at <= as_of) reports.push_back(*report);
  }
  return reports;
}

std::vector<EarningsReport> EarningsCalendar::upcoming(std::size_t symbol, Timestamp as_of,
                                                       std::size_t count) const {
  std::vector<EarningsReport> reports;
  const QuarterNumber bottom = quarter_number(shifted(calendar_->market_date(as_of), -100));
  for (QuarterNumber q = bottom;
       reports.size() < count && q < bottom + static_cast<QuarterNumber>(count) + 4; ++q) {
    auto report = this->report(symbol, q);
    if (report && report->published_at > as_of) reports.push_back(*report);
  }
  return reports;
}

std::optional<EarningsReport> EarningsCalendar::next_reaction(std::size_t symbol,
                                                              date::year_month_day day) const {
  const QuarterNumber bottom = quarter_number(shifted(day, -120));
  for (QuarterNumber q = bottom; q < bottom + 6; ++q) {
    auto report = this->report(symbol, q);
    if (report && report->reaction_day && *report->reaction_day >= day) return report;
  }
  return std::nullopt;
}

std::optional<FiscalYearForecast> EarningsCalendar::fiscal_year_forecast(std::size_t symbol,
                                                                         Timestamp as_of) const {
  const auto next = upcoming(symbol, as_of, 1);
  if (next.empty()) return std::nullopt;
  QuarterNumber year_end = next.front().quarter;
  std::optional<EarningsReport> closing = next.front();
  while (closing && !closing->fiscal_year_end) {
    closing = report(symbol, ++year_end);
  }
  if (!closing) return std::nullopt;

  FiscalYearForecast forecast;
  forecast.fiscal_year_end = closing->fiscal_quarter_end;
  forecast.estimates = 0;
  bool first_upcoming = true;
  for (QuarterNumber q = year_end - 3; q <= year_end; ++q) {
    const auto quarter = report(symbol, q);
    if (!quarter) return std::nullopt;
    if (quarter->published_at <= as_of) {
      forecast.consensus += quarter->eps;
      forecast.high += quarter->eps;
      forecast.low += quarter->eps;
      continue;
    }
    if (!quarter->eps_forecast) return std::nullopt;
    forecast.consensus += *quarter->eps_forecast;
    forecast.high += *quarter->high_forecast;
    forecast.low += *quarter->low_forecast;
    forecast.estimates =
        first_upcoming ? quarter->estimates : std::min(forecast.estimates, quarter->estimates);
    first_upcoming = false;
    forecast.revisions_up += quarter->revisions_up;
    forecast.revisions_down += quarter->revisions_down;
  }
  return forecast;
}

}  // namespace ibtrade::engine::market
