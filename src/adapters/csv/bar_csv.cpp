#include "adapters/csv/bar_csv.hpp"

#include <cerrno>
#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace ibtrade::csv {

namespace {

constexpr std::size_t kMaxSkipReasons = 5;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

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
  return Layout{BarCsvFormat::kYahoo, names.size(), 0, kNone, 1, 2, 3, 4, 6};
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

// One data row, checked on its own (the caller checks the order of rows).
Result<CsvBar> parse_row(const std::vector<std::string_view>& fields, const Layout& layout) {
  if (fields.size() != layout.fields) {
    return make_error("expected " + std::to_string(layout.fields) + " fields, found " +
                      std::to_string(fields.size()));
  }
  CsvBar row;
  auto day = parse_date(fields[layout.date]);
  if (!day) return day.error();
  std::chrono::seconds time_of_day{0};
  if (layout.time != kNone) {
    auto t = parse_time(fields[layout.time]);
    if (!t) return t.error();
    time_of_day = *t;
    row.time = fields[layout.time];
  }
  row.date = fields[layout.date];
  row.bar.time = Timestamp{*day} + time_of_day;

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
  if (std::string problem = check_bar(row.bar); !problem.empty()) return make_error(problem);
  return row;
}

std::string errno_text() {
  return std::error_code(errno, std::generic_category()).message();
}

std::string where(std::string_view source, std::size_t line) {
  return std::string(source) + ":" + std::to_string(line) + ": ";
}

}  // namespace

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
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

  BarCsv out;
  std::optional<Layout> layout;
  std::vector<std::string_view> fields;
  std::size_t line_number = 0;
  std::size_t previous_line = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;

    if (!layout) {
      auto detected = detect_layout(line, options.format);
      if (!detected) return make_error(where(source, line_number) + detected.error().message);
      layout = *detected;
      out.format = layout->format;
      out.has_time = layout->time != kNone;
      continue;
    }

    split(line, fields);
    auto row = parse_row(fields, *layout);
    if (row && !out.rows.empty() && row->bar.time <= out.rows.back().bar.time) {
      row = make_error("time " + row->date + (row->time.empty() ? "" : " " + row->time) +
                       " is not after the previous row's (line " + std::to_string(previous_line) +
                       ")");
    }
    if (!row) {
      std::string message = where(source, line_number) + row.error().message;
      if (!options.skip_bad_rows) return make_error(std::move(message));
      ++out.skipped;
      if (out.skip_reasons.size() < kMaxSkipReasons) out.skip_reasons.push_back(std::move(message));
      continue;
    }
    row->line = line_number;
    previous_line = line_number;
    out.rows.push_back(std::move(*row));
  }
  if (!layout) {
    return make_error(std::string(source) + ": empty file; expected a header line such as " +
                      std::string(kYahooHeader));
  }
  return out;
}

Result<BarCsv> read_bar_csv(const std::filesystem::path& path, const BarCsvOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return make_error("cannot read " + path.string() + ": it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot open " + path.string() + ": " + errno_text());
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return make_error("cannot read " + path.string() + ": " + errno_text());
  return parse_bar_csv(content.str(), options, path.string());
}

}  // namespace ibtrade::csv
