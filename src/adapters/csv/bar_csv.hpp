// Bar CSV reader: Yahoo daily exports and generic Date[,Time],Open,High,Low,Close,Volume files,
// parsed exactly into fixed-point bars. Pure functions plus one file read; no shared state.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

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
};

// One data row: the bar, and the row's own date/time text for output.
struct CsvBar {
  Bar bar;
  std::string date;
  std::string time;      // empty when the file has no Time column
  std::size_t line = 0;  // 1-based line number in the file
};

struct BarCsv {
  BarCsvFormat format = BarCsvFormat::kAuto;  // the format found (never kAuto)
  bool has_time = false;
  std::vector<CsvBar> rows;
  std::size_t skipped = 0;                // bad rows skipped (skip_bad_rows only)
  std::vector<std::string> skip_reasons;  // the first few skipped rows' errors
};

// Parses CSV text. `source` names the input in messages ("data.csv:17: high 9 is below low
// 10"). Times are taken as UTC: the files carry no zone. Rows must be in strictly increasing
// time; prices must be positive; blank lines are ignored; CRLF and a UTF-8 BOM are accepted.
Result<BarCsv> parse_bar_csv(std::string_view text, const BarCsvOptions& options,
                             std::string_view source);

// Reads and parses a file; errors name the file.
Result<BarCsv> read_bar_csv(const std::filesystem::path& path, const BarCsvOptions& options);

// "yahoo" / "generic" / "auto".
std::string_view format_name(BarCsvFormat format);

}  // namespace ibtrade::csv
