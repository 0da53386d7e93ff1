// CsvSeries: one symbol's bars read from a bar CSV file (Yahoo daily or generic Date[,Time],
// OHLCV, through csv::BarCsvReader), grouped by the regular US session they fall in, with
// prices rounded to the session's tick. Loading is the only I/O; the result is a plain value.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/market_data.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace ibtrade::sim {

// One CSV input: a file (or, for tests, text named by `source`) and its symbol.
struct CsvInput {
  std::string source;                 // the file's path
  std::optional<std::string> symbol;  // none: csv::symbol_from_file_name(source)
  std::optional<std::string> text;    // read this instead of the file
};

struct CsvLoadOptions {
  const TradingCalendar* calendar = nullptr;  // sessions and hours in its covered years
  const date::time_zone* new_york = nullptr;  // America/New_York
  const date::time_zone* zone = nullptr;      // of the files' Date[,Time]; nullptr: new_york
};

// One symbol's regular session.
struct CsvSession {
  SessionHours hours;
  Price tick;             // IB's tick after the previous session's close
  std::vector<Bar> rows;  // the file's bars in the session, on the tick; a daily file: one
  Bar total;              // the session as one bar (time: the open)
};

struct CsvSeries {
  std::string symbol;
  std::string source;
  bool daily = false;  // no Time column: one row per session
  // How long an intraday row lasts: the smallest gap between rows of one session (1 minute when
  // no session has two rows).
  Nanoseconds row_span = std::chrono::minutes(1);
  std::map<date::year_month_day, CsvSession> sessions;
  std::size_t rows_read = 0;
  std::size_t rows_outside = 0;  // dated outside every regular session: not served
};

// Reads the whole input. Errors name the input and, for a bad row, its line ("x.csv:17: ...");
// an input without a single bar inside a regular session is an error too.
Result<CsvSeries> load_csv_series(const CsvInput& input, const CsvLoadOptions& options);

}  // namespace ibtrade::sim
