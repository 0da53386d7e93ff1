#include "services/sim/csv_bar_source.hpp"

#include <map>
#include <set>

#include <spdlog/spdlog.h>

#include "engine/market/random_stream.hpp"
#include "services/sim/minute_path.hpp"

namespace ibtrade::sim {
namespace {

constexpr Nanoseconds kMinute = std::chrono::minutes(1);
constexpr std::size_t kAverageSessions = 20;

// FNV-1a: a symbol's seed must not depend on the process or the order of the files.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

void merge(std::optional<Bar>& slot, const Bar& bar) {
  if (!slot) {
    slot = bar;
    return;
  }
  slot->high = std::max(slot->high, bar.high);
  slot->low = std::min(slot->low, bar.low);
  slot->close = bar.close;
  slot->volume += bar.volume;
}

std::string describe(const CsvSeries& s) {
  return s.symbol + " (" + s.source + ", " + (s.daily ? "daily" : "intraday") + ", " +
         std::to_string(s.sessions.size()) + " sessions " + to_iso_date(s.sessions.begin()->first) +
         ".." + to_iso_date(s.sessions.rbegin()->first) + ")";
}

}  // namespace

Result<std::unique_ptr<CsvBarSource>> CsvBarSource::load(std::span<const CsvInput> inputs,
                                                         const CsvLoadOptions& options,
                                                         std::uint64_t seed) {
  if (inputs.empty()) return Error{"no CSV file to replay"};
  std::vector<CsvSeries> all;
  std::map<std::string, std::string> seen;  // symbol -> source
  std::set<date::year_month_day> days;
  for (const CsvInput& input : inputs) {
    auto series = load_csv_series(input, options);
    if (!series) return series.error();
    if (auto [it, added] = seen.emplace(series->symbol, input.source); !added) {
      return Error{input.source + ": symbol " + series->symbol + " is already read from " +
                   it->second + " (one file per symbol; name them with --symbol)"};
    }
    if (series->rows_outside > 0) {
      spdlog::info("sim: {}: {} of {} rows lie outside regular sessions and are not served",
                   input.source, series->rows_outside, series->rows_read);
    }
    spdlog::info("sim: replaying {}", describe(*series));
    for (const auto& [day, session] : series->sessions)
      days.insert(day);
    all.push_back(std::move(*series));
  }
  SessionSchedule sessions(*options.calendar, *options.new_york, std::move(days));
  return std::unique_ptr<CsvBarSource>(new CsvBarSource(std::move(all), std::move(sessions), seed));
}

CsvBarSource::CsvBarSource(std::vector<CsvSeries> series, SessionSchedule sessions,
                           std::uint64_t seed)
    : series_(std::move(series)), sessions_(std::move(sessions)), seed_(seed) {
  for (const CsvSeries& s : series_)
    symbols_.push_back(SourceSymbol{s.symbol, s.symbol + " (CSV replay)"});
}

std::uint64_t CsvBarSource::seed_of(std::size_t symbol, std::uint64_t salt) const {
  return engine::market::derive_seed(seed_, engine::market::StreamKind::kMinute,
                                     fnv1a(series_[symbol].symbol), salt);
}

std::vector<Bar> CsvBarSource::minute_bars(std::size_t symbol, date::year_month_day day) const {
  if (symbol >= series_.size()) return {};
  const CsvSeries& s = series_[symbol];
  auto it = s.sessions.find(day);
  if (it == s.sessions.end()) return {};
  const CsvSession& session = it->second;
  const Timestamp open = session.hours.open;
  const auto n = static_cast<std::size_t>((session.hours.close - open) / kMinute);
  if (s.daily) {
    const auto salt = static_cast<std::uint64_t>(date::sys_days(day).time_since_epoch().count());
    return minute_path(session.total, n, open, session.tick, seed_of(symbol, salt));
  }
  std::vector<std::optional<Bar>> slots(n);
  const std::int64_t span_minutes = (s.row_span + kMinute - Nanoseconds(1)) / kMinute;
  for (const Bar& row : session.rows) {
    const auto first = static_cast<std::size_t>((row.time - open) / kMinute);
    const Timestamp start = open + kMinute * static_cast<std::int64_t>(first);
    if (span_minutes <= 1) {
      Bar bar = row;
      bar.time = start;
      merge(slots[first], bar);
      continue;
    }
    // A row longer than a minute: spread over its minutes, cut at the close.
    const std::size_t length = std::min(static_cast<std::size_t>(span_minutes), n - first);
    const auto salt = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(row.time.time_since_epoch()).count());
    const auto parts = minute_path(row, length, start, session.tick, seed_of(symbol, salt));
    for (std::size_t k = 0; k < parts.size(); ++k)
      merge(slots[first + k], parts[k]);
  }
  // Minutes without a row: flat at the price then, no volume (before the first row: its open).
  std::vector<Bar> out(n);
  std::optional<Price> last;
  for (std::size_t i = 0; i < n; ++i) {
    if (slots[i]) {
      out[i] = *slots[i];
      last = out[i].close;
      continue;
    }
    Price price = last.value_or(session.rows.front().open);
    out[i] =
        Bar{open + kMinute * static_cast<std::int64_t>(i), price, price, price, price, Quantity{}};
  }
  return out;
}

std::optional<Bar> CsvBarSource::session_bar(std::size_t symbol, date::year_month_day day) const {
  if (symbol >= series_.size()) return std::nullopt;
  const CsvSeries& s = series_[symbol];
  auto it = s.sessions.find(day);
  if (it == s.sessions.end()) return std::nullopt;
  return it->second.total;
}

std::optional<Price> CsvBarSource::close_price(std::size_t symbol, date::year_month_day day) const {
  if (symbol >= series_.size()) return std::nullopt;
  const CsvSeries& s = series_[symbol];
  auto it = s.sessions.upper_bound(day);
  if (it == s.sessions.begin()) return std::nullopt;
  return std::prev(it)->second.total.close;
}

Price CsvBarSource::tick(std::size_t symbol, date::year_month_day day) const {
  if (symbol < series_.size()) {
    const CsvSeries& s = series_[symbol];
    if (auto it = s.sessions.find(day); it != s.sessions.end()) return it->second.tick;
  }
  return tick_for(close_price(symbol, day));
}

std::optional<std::int64_t> CsvBarSource::avg_volume(std::size_t symbol,
                                                     date::year_month_day day) const {
  if (symbol >= series_.size()) return std::nullopt;
  const CsvSeries& s = series_[symbol];
  auto it = s.sessions.lower_bound(day);
  std::int64_t total = 0;
  std::int64_t count = 0;
  while (it != s.sessions.begin() && count < static_cast<std::int64_t>(kAverageSessions)) {
    --it;
    total += it->second.total.volume.raw() / kFixedScale;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return total / count;
}

std::optional<Timestamp> CsvBarSource::first_bar_time() const {
  std::optional<Timestamp> first;
  for (const CsvSeries& s : series_) {
    const Timestamp t = s.sessions.begin()->second.rows.front().time;
    if (!first || t < *first) first = t;
  }
  return first;
}

std::string CsvBarSource::description() const {
  std::string out = "CSV replay of ";
  for (std::size_t i = 0; i < series_.size(); ++i)
    out += (i == 0 ? "" : ", ") + describe(series_[i]);
  return out;
}

}  // namespace ibtrade::sim
