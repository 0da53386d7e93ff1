// CsvBarFeed: an engine::BarFeed streaming one symbol's bars from a bar CSV file through
// BarCsvReader, one row in memory at a time. Single-threaded, like every BarFeed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/csv/bar_csv.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/kernel/bar_feed.hpp"

namespace ibtrade::csv {

struct CsvBarFeedOptions {
  BarCsvOptions csv;
  // The bars' symbol; when unset, symbol_from_file_name of the file (or source) name.
  std::optional<engine::Symbol> symbol;
  // How long each bar lasts; when unset, inferred: 24 hours for a file without a Time column,
  // else the smallest gap between the first kDurationProbeBars bars (1 minute if fewer than 2).
  std::optional<Nanoseconds> duration;
};

// The symbol a file name implies: the name up to its first '-' or '.', upper-cased ASCII
// ("orcl-1995-2014-daily.csv" and "orcl.csv" give "ORCL"); empty when nothing precedes the
// first '-' or '.'. Symbols that contain '-' or '.' themselves (BRK.B) need the explicit option.
std::string symbol_from_file_name(const std::filesystem::path& path);

// BarFeed::next() has no error channel, so a bad row (or read error) ends the feed early and is
// kept in status(), naming file:line; a caller checks status() once next() returns nullopt.
// With csv.skip_bad_rows the feed skips bad rows instead and counts them in skipped().
class CsvBarFeed final : public engine::BarFeed {
 public:
  // Bars read ahead at open to infer the duration of intraday bars.
  static constexpr std::size_t kDurationProbeBars = 8;

  // Opens the file and reads its header; header, file and symbol problems are errors here.
  static Result<CsvBarFeed> open(const std::filesystem::path& path, CsvBarFeedOptions options);
  // Streams CSV text held by the caller (it must outlive the feed); `source` names it in
  // messages and stands in for the file name when the symbol is inferred.
  static Result<CsvBarFeed> from_text(std::string_view text, std::string source,
                                      CsvBarFeedOptions options);
  // The same over a string the feed keeps: a temporary argument cannot dangle.
  static Result<CsvBarFeed> from_text(std::string&& text, std::string source,
                                      CsvBarFeedOptions options);
  // A string literal lives for the whole program: read in place.
  static Result<CsvBarFeed> from_text(const char* text, std::string source,
                                      CsvBarFeedOptions options) {
    return from_text(std::string_view(text), std::move(source), std::move(options));
  }

  std::optional<engine::MarketBar> next() override;
  // Every bar of a file carries the file's one symbol.
  const engine::Symbol* sole_symbol() const override { return &symbol_; }

  // OK until the feed stops at a bad row; then that row's error.
  const Status& status() const { return status_; }
  std::size_t skipped() const { return reader_.skipped(); }
  const std::vector<std::string>& skip_reasons() const { return reader_.skip_reasons(); }
  const engine::Symbol& symbol() const { return symbol_; }
  Nanoseconds duration() const { return duration_; }

 private:
  CsvBarFeed(BarCsvReader reader, engine::Symbol symbol);
  static Result<CsvBarFeed> start(Result<BarCsvReader> reader, std::string_view name,
                                  CsvBarFeedOptions options);
  // Reads the first bars ahead and infers the duration from their gaps.
  void probe(std::optional<Nanoseconds> duration);
  std::optional<Bar> read();

  BarCsvReader reader_;
  engine::Symbol symbol_;
  Nanoseconds duration_{};
  // Bars read ahead by probe(), delivered before reading on; at most kDurationProbeBars.
  std::vector<Bar> ahead_;
  std::size_t ahead_next_ = 0;
  Status status_;
  bool done_ = false;
};

}  // namespace ibtrade::csv
