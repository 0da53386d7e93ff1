#include "adapters/csv/csv_bar_feed.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace ibtrade::csv {

namespace {

constexpr Nanoseconds kDailyDuration = std::chrono::hours(24);
constexpr Nanoseconds kDefaultIntradayDuration = std::chrono::minutes(1);

}  // namespace

std::string symbol_from_file_name(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  std::string symbol = name.substr(0, name.find_first_of("-."));
  for (char& c : symbol) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return symbol;
}

CsvBarFeed::CsvBarFeed(BarCsvReader reader, engine::Symbol symbol)
    : reader_(std::move(reader)), symbol_(std::move(symbol)) {}

Result<CsvBarFeed> CsvBarFeed::open(const std::filesystem::path& path, CsvBarFeedOptions options) {
  // Opened before `options` is moved on: arguments are evaluated in no fixed order.
  auto reader = BarCsvReader::open(path, options.csv);
  return start(std::move(reader), path.string(), std::move(options));
}

Result<CsvBarFeed> CsvBarFeed::from_text(std::string&& text, std::string source,
                                         CsvBarFeedOptions options) {
  const std::string name = source;
  auto reader = BarCsvReader::from_text(std::move(text), options.csv, std::move(source));
  return start(std::move(reader), name, std::move(options));
}

Result<CsvBarFeed> CsvBarFeed::from_text(std::string_view text, std::string source,
                                         CsvBarFeedOptions options) {
  const std::string name = source;
  auto reader = BarCsvReader::from_text(text, options.csv, std::move(source));
  return start(std::move(reader), name, std::move(options));
}

Result<CsvBarFeed> CsvBarFeed::start(Result<BarCsvReader> reader, std::string_view name,
                                     CsvBarFeedOptions options) {
  if (!reader) return reader.error();
  if (options.duration && *options.duration <= Nanoseconds::zero()) {
    return make_error(std::string(name) + ": the bar duration must be positive");
  }
  engine::Symbol symbol = options.symbol ? *options.symbol : symbol_from_file_name(name);
  if (symbol.empty()) {
    return make_error(std::string(name) +
                      ": no symbol in the file name (the name up to its first '-' or '.'); "
                      "give the symbol explicitly");
  }
  CsvBarFeed feed(std::move(*reader), std::move(symbol));
  feed.probe(options.duration);
  return feed;
}

std::optional<Bar> CsvBarFeed::read() {
  auto row = reader_.next();
  if (!row) {
    status_ = row.error();
    return std::nullopt;
  }
  if (!row->has_value()) return std::nullopt;
  return (*row)->bar;
}

void CsvBarFeed::probe(std::optional<Nanoseconds> duration) {
  if (duration) {
    duration_ = *duration;
    return;
  }
  if (!reader_.has_time()) {
    duration_ = kDailyDuration;
    return;
  }
  ahead_.reserve(kDurationProbeBars);
  while (ahead_.size() < kDurationProbeBars) {
    std::optional<Bar> bar = read();
    if (!bar) break;
    ahead_.push_back(*bar);
  }
  // An error met while probing belongs after the bars read before it. The reader repeats a
  // fatal error on every later call, so it is simply met again once these are delivered.
  status_ = Status{};
  duration_ = kDefaultIntradayDuration;
  for (std::size_t i = 1; i < ahead_.size(); ++i) {
    // The reader guarantees strictly increasing times, so every gap is positive.
    const Nanoseconds gap = ahead_[i].time - ahead_[i - 1].time;
    duration_ = i == 1 ? gap : std::min(duration_, gap);
  }
}

std::optional<engine::MarketBar> CsvBarFeed::next() {
  std::optional<Bar> bar;
  if (ahead_next_ < ahead_.size()) {
    bar = ahead_[ahead_next_++];
    if (ahead_next_ == ahead_.size()) {
      ahead_.clear();  // keeps the capacity of a few bars; nothing grows past it
      ahead_next_ = 0;
    }
  } else if (!done_) {
    bar = read();
    if (!bar) done_ = true;
  }
  if (!bar) return std::nullopt;
  return engine::MarketBar{symbol_, *bar, duration_};
}

}  // namespace ibtrade::csv
