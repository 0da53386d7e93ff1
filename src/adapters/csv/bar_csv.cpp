#include "adapters/csv/bar_csv.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

namespace ibtrade::csv {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Adjusted prices keep at least this many decimals: a split-adjusted 1995 price of a few cents
// must not lose its digits to the 2-decimal precision of a newer export.
constexpr int kMinAdjustedPrecision = 6;
// Timestamp is int64 nanoseconds (1677-09-21 .. 2262-04-11); whole years inside that range keep
// every conversion (including a zone offset of up to a day) from overflowing.
constexpr int kFirstYear = 1678;
constexpr int kLastYear = 2261;

// Where each field sits in a row of the detected format.
struct Layout {
  BarCsvFormat format = BarCsvFormat::kAuto;
  std::size_t fields = 0;
  std::size_t date = 0;
  std::size_t time = kNone;
  std::size_t open = 0;
  std::size_t high = 0;
  std::size_t low = 0;
  std::size_t close = 0;
  std::size_t adj_close = kNone;
  std::size_t volume = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Splits on commas (the formats have no quoting) into `out`, reusing its storage.
void split(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  for (;;) {
    const std::size_t comma = line.find(',');
    out.push_back(trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return;
    line.remove_prefix(comma + 1);
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<Layout> yahoo_layout(const std::vector<std::string>& names) {
  const std::vector<std::string> expected = {"date",  "open",      "high",  "low",
                                             "close", "adj close", "volume"};
  if (names != expected) return std::nullopt;
  return Layout{BarCsvFormat::kYahoo, names.size(), 0, kNone, 1, 2, 3, 4, 5, 6};
}

std::optional<Layout> generic_layout(const std::vector<std::string>& names) {
  std::size_t i = 0;
  const auto next_is = [&](std::string_view name) {
    if (i < names.size() && names[i] == name) {
      ++i;
      return true;
    }
    return false;
  };
  Layout layout;
  layout.format = BarCsvFormat::kGeneric;
  layout.fields = names.size();
  if (!next_is("date")) return std::nullopt;
  if (next_is("time")) layout.time = 1;
  layout.open = i;
  if (!next_is("open")) return std::nullopt;
  layout.high = i;
  if (!next_is("high")) return std::nullopt;
  layout.low = i;
  if (!next_is("low")) return std::nullopt;
  layout.close = i;
  if (!next_is("close")) return std::nullopt;
  layout.volume = i;
  if (!next_is("volume")) return std::nullopt;
  return layout;  // further columns (OpenInterest, ...) are allowed and ignored
}

constexpr std::string_view kYahooHeader = "Date,Open,High,Low,Close,Adj Close,Volume";
constexpr std::string_view kGenericHeader = "Date[,Time],Open,High,Low,Close,Volume[,...]";

Result<Layout> detect_layout(std::string_view header, BarCsvFormat format) {
  std::vector<std::string_view> fields;
  split(header, fields);
  std::vector<std::string> names;
  names.reserve(fields.size());
  for (std::string_view f : fields)
    names.push_back(lower(f));

  if (format != BarCsvFormat::kGeneric) {
    if (auto layout = yahoo_layout(names)) return *layout;
  }
  if (format != BarCsvFormat::kYahoo) {
    if (auto layout = generic_layout(names)) return *layout;
  }
  std::string expected;
  switch (format) {
    case BarCsvFormat::kYahoo:
      expected = "the Yahoo header " + std::string(kYahooHeader);
      break;
    case BarCsvFormat::kGeneric:
      expected = "the generic header " + std::string(kGenericHeader);
      break;
    case BarCsvFormat::kAuto:
      expected = "a header " + std::string(kYahooHeader) + " (Yahoo) or " +
                 std::string(kGenericHeader) + " (generic)";
      break;
  }
  return make_error("unrecognised header \"" + std::string(header) + "\"; expected " + expected);
}

// Parses `digits` decimal digits at the start of `s`.
std::optional<int> number(std::string_view s, std::size_t digits) {
  if (s.size() < digits) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

Result<std::chrono::sys_days> parse_date(std::string_view text) {
  using namespace std::chrono;
  const auto y = number(text, 4);
  const auto m = text.size() == 10 ? number(text.substr(5), 2) : std::nullopt;
  const auto d = text.size() == 10 ? number(text.substr(8), 2) : std::nullopt;
  if (!y || !m || !d || text[4] != '-' || text[7] != '-') {
    return make_error("bad date \"" + std::string(text) + "\": expected YYYY-MM-DD");
  }
  const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)},
                           day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return make_error("bad date \"" + std::string(text) + "\": no such day");
  if (*y < kFirstYear || *y > kLastYear) {
    return make_error("bad date \"" + std::string(text) + "\": outside the years " +
                      std::to_string(kFirstYear) + ".." + std::to_string(kLastYear));
  }
  return sys_days{ymd};
}

Result<std::chrono::seconds> parse_time(std::string_view text) {
  const bool with_seconds = text.size() == 8;
  const auto h = number(text, 2);
  const auto m = text.size() >= 5 ? number(text.substr(3), 2) : std::optional<int>{};
  const auto s = with_seconds ? number(text.substr(6), 2) : std::optional<int>{0};
  if ((text.size() != 5 && !with_seconds) || !h || !m || !s || text[2] != ':' ||
      (with_seconds && text[5] != ':')) {
    return make_error("bad time \"" + std::string(text) + "\": expected HH:MM or HH:MM:SS");
  }
  if (*h > 23 || *m > 59 || *s > 59) {
    return make_error("bad time \"" + std::string(text) + "\": out of range");
  }
  return std::chrono::seconds{*h * 3600 + *m * 60 + *s};
}

Result<Price> parse_price(std::string_view text, std::string_view column) {
  if (text == "null") {
    return make_error(std::string(column) + " is null (a missing value in the export)");
  }
  auto price = Price::parse(text);
  if (!price) return make_error(std::string(column) + ": " + price.error().message);
  if (!price->is_positive()) {
    return make_error(std::string(column) + " " + price->to_string() + " is not positive");
  }
  return *price;
}

Result<Quantity> parse_volume(std::string_view text) {
  if (text == "null") return make_error("Volume is null (a missing value in the export)");
  auto volume = Quantity::parse(text);
  if (!volume) return make_error("Volume: " + volume.error().message);
  return *volume;
}

// The UTC instant of a row's local date and time of day in `zone` (nullptr: the row is UTC).
// `date_text` and `time_text` are the row's own text, for the message only.
Result<Timestamp> to_utc(std::chrono::sys_days day, std::chrono::seconds time_of_day,
                         const date::time_zone* zone, std::string_view date_text,
                         std::string_view time_text) {
  const std::chrono::seconds since_epoch = day.time_since_epoch() + time_of_day;
  if (zone == nullptr) return Timestamp{since_epoch};
  // get_info rather than to_sys: it reports the gap and the overlap as values, where to_sys
  // would throw.
  const date::local_info info = zone->get_info(date::local_seconds{since_epoch});
  if (info.result == date::local_info::nonexistent) {
    return make_error("time " + std::string(date_text) + (time_text.empty() ? "" : " ") +
                      std::string(time_text) + " does not exist in " + zone->name() +
                      " (the clocks skip it when daylight saving time starts)");
  }
  // Unique, or ambiguous in the fall-back hour: `first` is the offset in force before the
  // change, the larger one, so it gives the earlier of the two instants.
  return Timestamp{since_epoch - info.first.offset};
}

// Scales Open/High/Low/Close by adj_close / close in one exact step each (no double).
Status adjust_prices(Bar& bar, Price adj_close) {
  const Price raw_close = bar.close;
  const int precision =
      std::max({kMinAdjustedPrecision, bar.open.precision(), bar.high.precision(),
                bar.low.precision(), bar.close.precision(), adj_close.precision()});
  Price* const prices[] = {&bar.open, &bar.high, &bar.low, &bar.close};
  const std::string_view names[] = {"Open", "High", "Low", "Close"};
  for (std::size_t i = 0; i < 4; ++i) {
    std::int64_t raw = 0;
    try {
      raw = fixed::mul_div_rounded(prices[i]->raw(), adj_close.raw(), raw_close.raw(), precision);
    } catch (const FixedPointOverflow&) {
      return make_error("adjusted " + std::string(names[i]) + " is out of range (Adj Close " +
                        adj_close.to_string() + ", Close " + raw_close.to_string() + ")");
    }
    if (raw <= 0) {
      return make_error("adjusted " + std::string(names[i]) + " rounds to 0 at " +
                        std::to_string(precision) + " decimals");
    }
    *prices[i] = Price::from_raw(raw, precision);
  }
  return {};
}

// One data row, checked on its own (the reader checks the order of rows).
Result<CsvBar> parse_row(const std::vector<std::string_view>& fields, const Layout& layout,
                         const BarCsvOptions& options) {
  if (fields.size() != layout.fields) {
    return make_error("expected " + std::to_string(layout.fields) + " fields, found " +
                      std::to_string(fields.size()));
  }
  CsvBar row;
  auto day = parse_date(fields[layout.date]);
  if (!day) return day.error();
  row.date = fields[layout.date];
  std::chrono::seconds time_of_day{0};
  if (layout.time != kNone) {
    auto t = parse_time(fields[layout.time]);
    if (!t) return t.error();
    time_of_day = *t;
    row.time = fields[layout.time];
  }
  auto time = to_utc(*day, time_of_day, options.zone, row.date, row.time);
  if (!time) return time.error();
  row.bar.time = *time;

  struct PriceField {
    std::size_t index;
    std::string_view column;
    Price* out;
  };
  const PriceField prices[] = {{layout.open, "Open", &row.bar.open},
                               {layout.high, "High", &row.bar.high},
                               {layout.low, "Low", &row.bar.low},
                               {layout.close, "Close", &row.bar.close}};
  for (const PriceField& p : prices) {
    auto price = parse_price(fields[p.index], p.column);
    if (!price) return price.error();
    *p.out = *price;
  }
  auto volume = parse_volume(fields[layout.volume]);
  if (!volume) return volume.error();
  row.bar.volume = *volume;
  // Checked on the file's own prices: an error then quotes numbers the user can find in it.
  if (std::string problem = check_bar(row.bar); !problem.empty()) return make_error(problem);
  if (options.use_adjusted) {
    auto adj_close = parse_price(fields[layout.adj_close], "Adj Close");
    if (!adj_close) return adj_close.error();
    if (Status s = adjust_prices(row.bar, *adj_close); !s) return s.error();
  }
  return row;
}

std::string errno_text() {
  return std::error_code(errno, std::generic_category()).message();
}

std::string where(std::string_view source, std::size_t line) {
  return std::string(source) + ":" + std::to_string(line) + ": ";
}

// Drains a reader into memory.
Result<BarCsv> read_all(Result<BarCsvReader> opened) {
  if (!opened) return opened.error();
  BarCsvReader& reader = *opened;
  BarCsv out;
  out.format = reader.format();
  out.has_time = reader.has_time();
  for (;;) {
    auto row = reader.next();
    if (!row) return row.error();
    if (!row->has_value()) break;
    out.rows.push_back(std::move(**row));
  }
  out.skipped = reader.skipped();
  out.skip_reasons = reader.skip_reasons();
  return out;
}

}  // namespace

struct BarCsvReader::State {
  BarCsvOptions options;
  std::string source;

  // The line source: a file read line by line into `buffer`, or text held by the caller.
  bool from_file = false;
  std::ifstream file;
  std::string buffer;
  std::string owned_text;  // when the reader was given the text to keep
  std::string_view text;
  std::size_t line_number = 0;

  Layout layout;
  std::vector<std::string_view> fields;  // reused for every row
  std::optional<Timestamp> previous_time;
  std::size_t previous_line = 0;
  std::size_t skipped = 0;
  std::vector<std::string> skip_reasons;
  std::optional<Error> failed;  // sticky: the input is not read past a fatal error

  // The next line without its line end, nullopt at the end of the input.
  Result<std::optional<std::string_view>> read_line() {
    std::string_view line;
    if (from_file) {
      if (!std::getline(file, buffer)) {
        if (file.bad()) return make_error("cannot read " + source + ": " + errno_text());
        return std::optional<std::string_view>{};
      }
      line = buffer;
    } else {
      if (text.empty()) return std::optional<std::string_view>{};
      const std::size_t newline = text.find('\n');
      line = text.substr(0, newline);
      text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    }
    ++line_number;
    if (line_number == 1 && line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return std::optional<std::string_view>{line};
  }
};

BarCsvReader::BarCsvReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
BarCsvReader::BarCsvReader(BarCsvReader&&) noexcept = default;
BarCsvReader& BarCsvReader::operator=(BarCsvReader&&) noexcept = default;
BarCsvReader::~BarCsvReader() = default;

Result<BarCsvReader> BarCsvReader::open(const std::filesystem::path& path,
                                        const BarCsvOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return make_error("cannot read " + path.string() + ": it is a directory");
  }
  auto state = std::make_unique<State>();
  state->file.open(path, std::ios::binary);
  if (!state->file) return make_error("cannot open " + path.string() + ": " + errno_text());
  state->from_file = true;
  state->options = options;
  state->source = path.string();
  BarCsvReader reader(std::move(state));
  if (Status s = reader.read_header(); !s) return s.error();
  return reader;
}

Result<BarCsvReader> BarCsvReader::from_text(std::string_view text, const BarCsvOptions& options,
                                             std::string source) {
  auto state = std::make_unique<State>();
  state->text = text;
  state->options = options;
  state->source = std::move(source);
  BarCsvReader reader(std::move(state));
  if (Status s = reader.read_header(); !s) return s.error();
  return reader;
}

Result<BarCsvReader> BarCsvReader::from_text(std::string&& text, const BarCsvOptions& options,
                                             std::string source) {
  auto state = std::make_unique<State>();
  state->owned_text = std::move(text);
  state->text = state->owned_text;  // the state lives on the heap: the view survives moves
  state->options = options;
  state->source = std::move(source);
  BarCsvReader reader(std::move(state));
  if (Status s = reader.read_header(); !s) return s.error();
  return reader;
}

Status BarCsvReader::read_header() {
  State& s = *state_;
  for (;;) {
    auto line = s.read_line();
    if (!line) return line.error();
    if (!line->has_value()) {
      return make_error(s.source + ": empty file; expected a header line such as " +
                        std::string(kYahooHeader));
    }
    if (trim(**line).empty()) continue;
    auto layout = detect_layout(**line, s.options.format);
    if (!layout) return make_error(where(s.source, s.line_number) + layout.error().message);
    if (s.options.use_adjusted && layout->adj_close == kNone) {
      return make_error(where(s.source, s.line_number) +
                        "adjusted prices need the Adj Close column of the Yahoo header " +
                        std::string(kYahooHeader));
    }
    s.layout = *layout;
    return {};
  }
}

Result<std::optional<CsvBar>> BarCsvReader::next() {
  State& s = *state_;
  if (s.failed) return *s.failed;
  for (;;) {
    auto line = s.read_line();
    if (!line) {
      s.failed = line.error();
      return *s.failed;
    }
    if (!line->has_value()) return std::optional<CsvBar>{};
    if (trim(**line).empty()) continue;

    split(**line, s.fields);
    auto row = parse_row(s.fields, s.layout, s.options);
    if (row && s.previous_time && row->bar.time <= *s.previous_time) {
      row = make_error("time " + row->date + (row->time.empty() ? "" : " " + row->time) +
                       " is not after the previous row's (line " + std::to_string(s.previous_line) +
                       ")");
    }
    if (!row) {
      std::string message = where(s.source, s.line_number) + row.error().message;
      if (!s.options.skip_bad_rows) {
        s.failed = make_error(std::move(message));
        return *s.failed;
      }
      ++s.skipped;
      if (s.skip_reasons.size() < kMaxSkipReasons) s.skip_reasons.push_back(std::move(message));
      continue;
    }
    row->line = s.line_number;
    s.previous_time = row->bar.time;
    s.previous_line = s.line_number;
    return std::optional<CsvBar>{std::move(*row)};
  }
}

BarCsvFormat BarCsvReader::format() const {
  return state_->layout.format;
}
bool BarCsvReader::has_time() const {
  return state_->layout.time != kNone;
}
const std::string& BarCsvReader::source() const {
  return state_->source;
}
std::size_t BarCsvReader::skipped() const {
  return state_->skipped;
}
const std::vector<std::string>& BarCsvReader::skip_reasons() const {
  return state_->skip_reasons;
}

std::string_view format_name(BarCsvFormat format) {
  switch (format) {
    case BarCsvFormat::kYahoo:
      return "yahoo";
    case BarCsvFormat::kGeneric:
      return "generic";
    case BarCsvFormat::kAuto:
      break;
  }
  return "auto";
}

Result<BarCsv> parse_bar_csv(std::string_view text, const BarCsvOptions& options,
                             std::string_view source) {
  return read_all(BarCsvReader::from_text(text, options, std::string(source)));
}

Result<BarCsv> read_bar_csv(const std::filesystem::path& path, const BarCsvOptions& options) {
  return read_all(BarCsvReader::open(path, options));
}

}  // namespace ibtrade::csv
