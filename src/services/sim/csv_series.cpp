#include "services/sim/csv_series.hpp"

#include <algorithm>

#include "adapters/csv/bar_csv.hpp"
#include "adapters/csv/csv_bar_feed.hpp"
#include "engine/market/synthetic_market.hpp"
#include "services/sim/bar_source.hpp"
#include "services/sim/session_schedule.hpp"

namespace ibtrade::sim {
namespace {

Price on_tick(Price p, Price tick) {
  const Price r = p.rounded_to(tick);
  return r.is_positive() ? r : tick;
}

// Rounding is monotone, so a consistent bar stays consistent.
Bar rounded(Bar bar, Price tick) {
  bar.open = on_tick(bar.open, tick);
  bar.high = on_tick(bar.high, tick);
  bar.low = on_tick(bar.low, tick);
  bar.close = on_tick(bar.close, tick);
  return bar;
}

Result<csv::BarCsvReader> open_reader(const CsvInput& input, const csv::BarCsvOptions& options) {
  if (input.text)
    return csv::BarCsvReader::from_text(std::string(*input.text), options, input.source);
  return csv::BarCsvReader::open(input.source, options);
}

}  // namespace

Result<CsvSeries> load_csv_series(const CsvInput& input, const CsvLoadOptions& options) {
  const TradingCalendar& calendar = *options.calendar;
  const date::time_zone& new_york = *options.new_york;
  CsvSeries series;
  series.source = input.source;
  series.symbol = input.symbol ? *input.symbol : csv::symbol_from_file_name(input.source);
  if (series.symbol.empty()) {
    return Error{input.source +
                 ": no symbol in the file name (the name up to its first '-' or '.'); give it "
                 "with --symbol"};
  }
  csv::BarCsvOptions csv_options;
  csv_options.zone = options.zone != nullptr ? options.zone : &new_york;
  auto reader = open_reader(input, csv_options);
  if (!reader) return reader.error();
  series.daily = !reader->has_time();

  for (;;) {
    auto row = reader->next();
    if (!row) return row.error();
    if (!*row) break;
    ++series.rows_read;
    Bar bar = (*row)->bar;
    // A daily row's session is its own date; an intraday row's, the ET date of its instant.
    const date::year_month_day day =
        series.daily ? date::year_month_day{date::floor<date::days>(
                           csv_options.zone->to_local(date::floor<std::chrono::seconds>(bar.time)))}
                     : calendar.market_date(bar.time);
    const auto hours = SessionSchedule::regular_hours(calendar, new_york, day);
    if (!hours || (!series.daily && (bar.time < hours->open || bar.time >= hours->close))) {
      ++series.rows_outside;
      continue;
    }
    if (series.daily) bar.time = hours->open;
    auto [it, added] = series.sessions.try_emplace(day);
    if (added) it->second.hours = *hours;
    it->second.rows.push_back(bar);
  }
  if (series.sessions.empty()) {
    return Error{input.source + ": none of its " + std::to_string(series.rows_read) +
                 " bars falls inside a regular US session (weekdays 09:30-16:00 America/New_York, "
                 "exchange holidays excluded); check --tz"};
  }

  // Ticks follow the previous close as IB's rule does (the first session: its own open).
  std::optional<Price> previous_close;
  std::optional<Nanoseconds> span;
  for (auto& [day, session] : series.sessions) {
    session.tick = tick_for(previous_close ? previous_close : session.rows.front().open);
    for (std::size_t i = 0; i < session.rows.size(); ++i) {
      session.rows[i] = rounded(session.rows[i], session.tick);
      if (i > 0) {
        const Nanoseconds gap = session.rows[i].time - session.rows[i - 1].time;
        span = span ? std::min(*span, gap) : gap;
      }
    }
    session.total = engine::market::aggregate_bars(session.rows);
    session.total.time = session.hours.open;
    previous_close = session.total.close;
  }
  if (!series.daily && span) series.row_span = *span;
  return series;
}

}  // namespace ibtrade::sim
