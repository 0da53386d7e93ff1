// Bar CSV reader: Yahoo daily exports and generic Date[,Time],Open,High,Low,Close,Volume files,
// parsed exactly into fixed-point bars, one row at a time. A reader is used by one thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "core/market_data.hpp"
#include "core/result.hpp"

namespace ibtrade::csv {

enum class BarCsvFormat {
  kAuto,     // decided by the header
  kYahoo,    // Date,Open,High,Low,Close,Adj Close,Volume (Close is the raw close)
  kGeneric,  // Date[,Time],Open,High,Low,Close,Volume[,anything else...]
};

struct BarCsvOptions {
  BarCsvFormat format = BarCsvFormat::kAuto;
  // Malformed rows are skipped and counted instead of failing the whole file.
  bool skip_bad_rows = false;
  // The zone the Date[,Time] columns are written in (it must outlive the reader); nullptr means
  // UTC. Daily rows stand at 00:00 local time. A local time the zone skips (the spring-forward
  // hour) is an error; one it repeats (the fall-back hour) is taken as the earlier of its two
  // instants, because a file that really spans the repeated hour cannot say which it means.
  const date::time_zone* zone = nullptr;
  // Yahoo only: scale Open/High/Low/Close by Adj Close / Close (splits and dividends), exactly,
  // rounded half to even to the row's price precision (at least 6 decimals). Volume unchanged.
  bool use_adjusted = false;
};

// One data row: the bar, and the row's own date/time text for output.
struct CsvBar {
  Bar bar;  // bar.time is the UTC instant of the row's local Date[,Time]
  std::string date;
  std::string time;      // empty when the file has no Time column
  std::size_t line = 0;  // 1-based line number in the file
};

// A whole file in memory: for small inputs and the `ibtrade indicators` command.
struct BarCsv {
  BarCsvFormat format = BarCsvFormat::kAuto;  // the format found (never kAuto)
  bool has_time = false;
  std::vector<CsvBar> rows;
  std::size_t skipped = 0;                // bad rows skipped (skip_bad_rows only)
  std::vector<std::string> skip_reasons;  // the first few skipped rows' errors
};

// Streams a bar CSV: the header is read on construction, then next() parses one row per call,
// so memory does not grow with the file. Rows come in strictly increasing UTC time; prices are
// positive; blank lines are ignored; CRLF and a UTF-8 BOM are accepted. Errors name the source
// and line ("data.csv:17: high 9 is below low 10"). After an error, next() returns it again.
class BarCsvReader {
 public:
  // How many skipped rows' errors are kept (the count is always exact).
  static constexpr std::size_t kMaxSkipReasons = 5;

  // Opens a file and reads its header; errors name the file.
  static Result<BarCsvReader> open(const std::filesystem::path& path, const BarCsvOptions& options);
  // Reads CSV text held by the caller, which must outlive the reader. `source` names the input
  // in messages.
  static Result<BarCsvReader> from_text(std::string_view text, const BarCsvOptions& options,
                                        std::string source);
  // The same over a string the reader keeps: a temporary argument cannot dangle.
  static Result<BarCsvReader> from_text(std::string&& text, const BarCsvOptions& options,
                                        std::string source);
  // A string literal lives for the whole program: read in place.
  static Result<BarCsvReader> from_text(const char* text, const BarCsvOptions& options,
                                        std::string source) {
    return from_text(std::string_view(text), options, std::move(source));
  }

  BarCsvReader(BarCsvReader&&) noexcept;
  BarCsvReader& operator=(BarCsvReader&&) noexcept;
  ~BarCsvReader();

  // The next good row, nullopt at the end of the input, or the first bad row's error (unless
  // skip_bad_rows, which skips and counts it instead; a read error is never skipped).
  Result<std::optional<CsvBar>> next();

  BarCsvFormat format() const;  // never kAuto
  bool has_time() const;
  const std::string& source() const;
  std::size_t skipped() const;
  const std::vector<std::string>& skip_reasons() const;

 private:
  struct State;
  explicit BarCsvReader(std::unique_ptr<State> state);
  Status read_header();

  // Behind a pointer so that the layout and line-source details stay in the .cpp file.
  std::unique_ptr<State> state_;
};

// Parses CSV text. `source` names the input in messages.
Result<BarCsv> parse_bar_csv(std::string_view text, const BarCsvOptions& options,
                             std::string_view source);

// Reads and parses a file; errors name the file.
Result<BarCsv> read_bar_csv(const std::filesystem::path& path, const BarCsvOptions& options);

// "yahoo" / "generic" / "auto".
std::string_view format_name(BarCsvFormat format);

}  // namespace ibtrade::csv
