#include "adapters/csv/bar_csv.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace ibtrade::csv {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

constexpr std::string_view kYahoo = "Date,Open,High,Low,Close,Adj Close,Volume\n";

Result<BarCsv> parse(std::string_view text, bool skip = false,
                     BarCsvFormat format = BarCsvFormat::kAuto) {
  return parse_bar_csv(text, BarCsvOptions{format, skip}, "data.csv");
}

Result<BarCsv> parse_with(std::string_view text, BarCsvOptions options) {
  return parse_bar_csv(text, options, "data.csv");
}

const date::time_zone* new_york() {
  return date::locate_zone("America/New_York");
}

// A UTC instant written out by hand, never through the zone, so the tests check the reader's
// conversion instead of repeating it.
Timestamp utc(int y, unsigned m, unsigned d, std::chrono::minutes time_of_day) {
  return Timestamp{sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}} +
         time_of_day;
}

Price px(std::string_view text) {
  return Price::parse(text).value();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The error of parsing `text`, or a note that it parsed.
std::string error_of(std::string_view text, BarCsvFormat format = BarCsvFormat::kAuto) {
  auto result = parse(text, false, format);
  return result ? "(parsed)" : result.error().message;
}

TEST(BarCsv, ReadsYahooDailyExactly) {
  auto csv = parse(std::string(kYahoo) +
                   "1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200\n"
                   "1995-01-04,2.123457,2.148148,2.092592,2.135803,1.899776,46051600\n");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->format, BarCsvFormat::kYahoo);
  EXPECT_FALSE(csv->has_time);
  ASSERT_EQ(csv->rows.size(), 2u);
  const CsvBar& first = csv->rows[0];
  EXPECT_EQ(first.date, "1995-01-03");
  EXPECT_EQ(first.time, "");
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(first.bar.time, Timestamp{sys_days{std::chrono::year{1995} / 1 / 3}});
  EXPECT_EQ(first.bar.open.raw(), 2'179'012'000);
  EXPECT_EQ(first.bar.high.raw(), 2'191'358'000);
  EXPECT_EQ(first.bar.low.raw(), 2'117'284'000);
  EXPECT_EQ(first.bar.close.raw(), 2'117'284'000);  // Close, not Adj Close
  EXPECT_EQ(first.bar.close.to_string(), "2.117284");
  EXPECT_EQ(first.bar.volume, Quantity::from_units(36'301'200));
}

TEST(BarCsv, ReadsGenericWithTimeAndExtraColumns) {
  auto csv = parse(
      "Date,Time,Open,High,Low,Close,Volume,OpenInterest\n"
      "2006-01-02,09:01:00,3602.00,3603.00,3597.00,3599.00,5699,0\n"
      "2006-01-02,09:02,3600.00,3601.00,3598.00,3599.00,0,0\n");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->format, BarCsvFormat::kGeneric);
  EXPECT_TRUE(csv->has_time);
  ASSERT_EQ(csv->rows.size(), 2u);
  EXPECT_EQ(csv->rows[0].time, "09:01:00");
  EXPECT_EQ(csv->rows[1].time, "09:02");
  EXPECT_EQ(csv->rows[0].bar.time,
            Timestamp{sys_days{std::chrono::year{2006} / 1 / 2}} + 9h + 1min);
  EXPECT_EQ(csv->rows[0].bar.close.to_string(), "3599.00");
  EXPECT_TRUE(csv->rows[1].bar.volume.is_zero());
}

TEST(BarCsv, ReadsGenericWithoutTimeCaseInsensitively) {
  auto csv = parse("date,OPEN,High,low,Close,volume\n2024-03-01,10,11,9,10.5,1000.5\n");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->format, BarCsvFormat::kGeneric);
  EXPECT_FALSE(csv->has_time);
  EXPECT_EQ(csv->rows[0].bar.volume.to_string(), "1000.5");
}

TEST(BarCsv, ForcedFormatMustMatchTheHeader) {
  const std::string yahoo = std::string(kYahoo) + "2020-01-02,1,2,1,2,2,10\n";
  EXPECT_TRUE(parse(yahoo, false, BarCsvFormat::kYahoo).ok());
  EXPECT_EQ(error_of(yahoo, BarCsvFormat::kGeneric),
            "data.csv:1: unrecognised header \"Date,Open,High,Low,Close,Adj Close,Volume\"; "
            "expected the generic header Date[,Time],Open,High,Low,Close,Volume[,...]");
  EXPECT_NE(error_of("Date,Open,High,Low,Close,Volume\n", BarCsvFormat::kYahoo)
                .find("expected the Yahoo header"),
            std::string::npos);
}

TEST(BarCsv, EmptyAndHeaderOnlyFiles) {
  EXPECT_EQ(error_of(""),
            "data.csv: empty file; expected a header line such as "
            "Date,Open,High,Low,Close,Adj Close,Volume");
  EXPECT_EQ(error_of("\n\r\n"), error_of(""));
  auto header_only = parse(kYahoo);
  ASSERT_TRUE(header_only.ok());
  EXPECT_TRUE(header_only->rows.empty());
  EXPECT_NE(error_of("Symbol,Price\nAAPL,1\n").find("data.csv:1: unrecognised header"),
            std::string::npos);
}

TEST(BarCsv, AcceptsCrlfBomAndBlankLines) {
  auto csv = parse(
      "\xEF\xBB\xBF"
      "Date,Open,High,Low,Close,Adj Close,Volume\r\n"
      "2020-01-02,1.5,2,1,2,2,10\r\n"
      "\r\n"
      "2020-01-03,2,2.5,1.5,2.25,2.25,20\r\n"
      "\n\n");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  ASSERT_EQ(csv->rows.size(), 2u);
  EXPECT_EQ(csv->rows[1].bar.close.to_string(), "2.25");
  EXPECT_EQ(csv->rows[1].line, 4u);
  // No newline at the end of the last row.
  auto unterminated = parse(std::string(kYahoo) + "2020-01-02,1,2,1,2,2,10");
  ASSERT_TRUE(unterminated.ok());
  EXPECT_EQ(unterminated->rows.size(), 1u);
}

TEST(BarCsv, BadRowsNameTheLineAndTheProblem) {
  struct Case {
    const char* row;
    const char* error;
  };
  const Case cases[] = {
      {"2020-01-03,1,2,1,2,10", "data.csv:3: expected 7 fields, found 6"},
      {"2020-01-03,1,2,1,2,2,10,7", "data.csv:3: expected 7 fields, found 8"},
      {"2020-01-03,null,null,null,null,null,null",
       "data.csv:3: Open is null (a missing value in the export)"},
      {"2020-01-03,1,2,1,2,2,null", "data.csv:3: Volume is null (a missing value in the export)"},
      {"2020-01-03,1,2,1,abc,2,10",
       "data.csv:3: Close: invalid price \"abc\": expected a decimal number such as 12, -0.5 or "
       "101.25"},
      {"2020-01-03,1,2,1,1.0000000001,2,10",
       "data.csv:3: Close: invalid price \"1.0000000001\": more than 9 decimal places"},
      {"2020-01-03,1,2,1,,2,10", "data.csv:3: Close: invalid price \"\": empty"},
      {"2020-01-03,1,1,2,1,1,10", "data.csv:3: high 1 is below low 2"},
      {"2020-01-03,3,2,1,2,2,10", "data.csv:3: open 3 is outside the bar's range [1, 2]"},
      {"2020-01-03,1,2,1,2,2,-5", "data.csv:3: volume -5 is negative"},
      {"2020-01-03,0,2,0,2,2,10", "data.csv:3: Open 0 is not positive"},
      {"2020-13-03,1,2,1,2,2,10", "data.csv:3: bad date \"2020-13-03\": no such day"},
      {"2021-02-29,1,2,1,2,2,10", "data.csv:3: bad date \"2021-02-29\": no such day"},
      {"20200103,1,2,1,2,2,10", "data.csv:3: bad date \"20200103\": expected YYYY-MM-DD"},
      {"2020-01-02,1,2,1,2,2,10",
       "data.csv:3: time 2020-01-02 is not after the previous row's (line 2)"},
      {"2019-12-31,1,2,1,2,2,10",
       "data.csv:3: time 2019-12-31 is not after the previous row's (line 2)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.row);
    EXPECT_EQ(error_of(std::string(kYahoo) + "2020-01-02,1,2,1,2,2,10\n" + c.row + "\n"), c.error);
  }
}

TEST(BarCsv, BadTimes) {
  const std::string header = "Date,Time,Open,High,Low,Close,Volume\n";
  EXPECT_EQ(error_of(header + "2020-01-02,24:00:00,1,2,1,2,10\n"),
            "data.csv:2: bad time \"24:00:00\": out of range");
  EXPECT_EQ(error_of(header + "2020-01-02,9:30,1,2,1,2,10\n"),
            "data.csv:2: bad time \"9:30\": expected HH:MM or HH:MM:SS");
  EXPECT_EQ(error_of(header + "2020-01-02,09:30,1,2,1,2,10\n2020-01-02,09:29,1,2,1,2,10\n"),
            "data.csv:3: time 2020-01-02 09:29 is not after the previous row's (line 2)");
}

TEST(BarCsv, SkipModeCountsBadRowsAndKeepsTheRest) {
  auto csv = parse(std::string(kYahoo) +
                       "2020-01-02,1,2,1,2,2,10\n"
                       "2020-01-03,null,null,null,null,null,null\n"
                       "2020-01-06,1,2,1,2,2\n"
                       "2020-01-01,1,2,1,2,2,10\n"  // out of order against the last good row
                       "2020-01-07,1,2,1,1.5,1.5,10\n",
                   /*skip=*/true);
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->skipped, 3u);
  ASSERT_EQ(csv->rows.size(), 2u);
  EXPECT_EQ(csv->rows[1].date, "2020-01-07");
  EXPECT_EQ(csv->rows[1].line, 6u);
  ASSERT_EQ(csv->skip_reasons.size(), 3u);
  EXPECT_EQ(csv->skip_reasons[0], "data.csv:3: Open is null (a missing value in the export)");
  // A bad header is never skippable.
  EXPECT_FALSE(parse("nonsense\n", /*skip=*/true).ok());
}

TEST(BarCsv, ReadsTheTestDataFiles) {
  auto daily = read_bar_csv(IBTRADE_DATA_DIR "/orcl-1995-2014-daily.csv", {});
  ASSERT_TRUE(daily.ok()) << daily.error().message;
  EXPECT_EQ(daily->format, BarCsvFormat::kYahoo);
  EXPECT_EQ(daily->rows.size(), 5036u);
  auto intraday = read_bar_csv(IBTRADE_DATA_DIR "/index-2006-1min.csv", {});
  ASSERT_TRUE(intraday.ok()) << intraday.error().message;
  EXPECT_TRUE(intraday->has_time);
  EXPECT_EQ(intraday->rows.size(), 30889u);
}

TEST(BarCsv, MissingFileIsAClearError) {
  auto csv = read_bar_csv("/nonexistent/bars.csv", {});
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().message, "cannot open /nonexistent/bars.csv: No such file or directory");
  auto dir = read_bar_csv(IBTRADE_DATA_DIR, {});
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.error().message.find("is a directory"), std::string::npos);
}

TEST(BarCsv, DatesOutsideTheTimestampRangeAreErrors) {
  EXPECT_EQ(error_of(std::string(kYahoo) + "1600-01-03,1,2,1,2,2,10\n"),
            "data.csv:2: bad date \"1600-01-03\": outside the years 1678..2261");
  EXPECT_EQ(error_of(std::string(kYahoo) + "2262-12-31,1,2,1,2,2,10\n"),
            "data.csv:2: bad date \"2262-12-31\": outside the years 1678..2261");
}

// --- time zones ---

TEST(BarCsvZone, EasternOpenIsUtcFiveHoursLaterInWinterAndFourInSummer) {
  BarCsvOptions options;
  options.zone = new_york();
  auto csv = parse_with(
      "Date,Time,Open,High,Low,Close,Volume\n"
      "2026-01-15,09:30,10,11,9,10,100\n"
      "2026-07-15,09:30,10,11,9,10,100\n"
      "2026-07-15,16:00:00,10,11,9,10,100\n",
      options);
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  ASSERT_EQ(csv->rows.size(), 3u);
  EXPECT_EQ(csv->rows[0].bar.time, utc(2026, 1, 15, 14h + 30min));  // EST, UTC-5
  EXPECT_EQ(csv->rows[1].bar.time, utc(2026, 7, 15, 13h + 30min));  // EDT, UTC-4
  EXPECT_EQ(csv->rows[2].bar.time, utc(2026, 7, 15, 20h));
  // The text stays as written in the file.
  EXPECT_EQ(csv->rows[0].time, "09:30");
  // Without a zone the same text is UTC, as before.
  auto as_utc = parse("Date,Time,Open,High,Low,Close,Volume\n2026-01-15,09:30,10,11,9,10,100\n");
  ASSERT_TRUE(as_utc.ok());
  EXPECT_EQ(as_utc->rows[0].bar.time, utc(2026, 1, 15, 9h + 30min));
}

TEST(BarCsvZone, DailyRowsAreLocalMidnight) {
  BarCsvOptions options;
  options.zone = new_york();
  auto csv = parse_with(std::string(kYahoo) +
                            "2020-01-02,1,2,1,2,2,10\n"
                            "2020-07-01,1,2,1,2,2,10\n",
                        options);
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->rows[0].bar.time, utc(2020, 1, 2, 5h));
  EXPECT_EQ(csv->rows[1].bar.time, utc(2020, 7, 1, 4h));
}

TEST(BarCsvZone, SpringForwardGapIsAnErrorNamingTheLine) {
  BarCsvOptions options;
  options.zone = new_york();
  const std::string text =
      "Date,Time,Open,High,Low,Close,Volume\n"
      "2026-03-08,01:59,10,11,9,10,100\n"
      "2026-03-08,02:30,10,11,9,10,100\n"
      "2026-03-08,03:00,10,11,9,10,100\n";
  auto csv = parse_with(text, options);
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().message,
            "data.csv:3: time 2026-03-08 02:30 does not exist in America/New_York (the clocks "
            "skip it when daylight saving time starts)");
  // Skippable like any bad row; 03:00 EDT follows 01:59 EST by one minute.
  options.skip_bad_rows = true;
  auto skipped = parse_with(text, options);
  ASSERT_TRUE(skipped.ok()) << skipped.error().message;
  EXPECT_EQ(skipped->skipped, 1u);
  ASSERT_EQ(skipped->rows.size(), 2u);
  EXPECT_EQ(skipped->rows[0].bar.time, utc(2026, 3, 8, 6h + 59min));
  EXPECT_EQ(skipped->rows[1].bar.time, utc(2026, 3, 8, 7h));
}

TEST(BarCsvZone, FallBackOverlapTakesTheEarlierInstant) {
  BarCsvOptions options;
  options.zone = new_york();
  auto csv = parse_with(
      "Date,Time,Open,High,Low,Close,Volume\n"
      "2026-11-01,00:59,10,11,9,10,100\n"
      "2026-11-01,01:30,10,11,9,10,100\n"
      "2026-11-01,02:00,10,11,9,10,100\n",
      options);
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->rows[0].bar.time, utc(2026, 11, 1, 4h + 59min));  // EDT
  EXPECT_EQ(csv->rows[1].bar.time, utc(2026, 11, 1, 5h + 30min));  // EDT, not EST's 06:30
  EXPECT_EQ(csv->rows[2].bar.time, utc(2026, 11, 1, 7h));          // EST
  // The second pass through the repeated hour cannot be told apart: it reads as going back.
  auto repeated = parse_with(
      "Date,Time,Open,High,Low,Close,Volume\n"
      "2026-11-01,01:30,10,11,9,10,100\n"
      "2026-11-01,01:10,10,11,9,10,100\n",
      options);
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.error().message,
            "data.csv:3: time 2026-11-01 01:10 is not after the previous row's (line 2)");
}

// --- adjusted prices ---

TEST(BarCsvAdjusted, ScalesRealOrclRowsByAdjCloseOverClose) {
  BarCsvOptions options;
  options.use_adjusted = true;
  auto adjusted = read_bar_csv(IBTRADE_DATA_DIR "/orcl-1995-2014-daily.csv", options);
  ASSERT_TRUE(adjusted.ok()) << adjusted.error().message;
  auto raw = read_bar_csv(IBTRADE_DATA_DIR "/orcl-1995-2014-daily.csv", {});
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(adjusted->rows.size(), 5036u);
  ASSERT_EQ(raw->rows.size(), adjusted->rows.size());

  // Line 2: 1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200
  //   open  2.179012 x 1.883304 / 2.117284 = 1.938210469... -> 1.938210
  //   high  2.191358 x 1.883304 / 2.117284 = 1.949192119... -> 1.949192
  //   low = close = 2.117284, so both become Adj Close 1.883304 exactly.
  const Bar& first = adjusted->rows[0].bar;
  EXPECT_EQ(first.open.to_string(), "1.938210");
  EXPECT_EQ(first.high.to_string(), "1.949192");
  EXPECT_EQ(first.low, px("1.883304"));
  EXPECT_EQ(first.close, px("1.883304"));
  EXPECT_EQ(first.volume, Quantity::from_units(36'301'200));
  EXPECT_EQ(first.time, raw->rows[0].bar.time);

  // Line 1265: 2000-01-03,31.156250,31.296875,27.906250,29.531250,26.267759,98114800
  //   open  31.156250 x 26.267759 / 29.531250 = 27.713180659... -> 27.713181
  //   high  31.296875 x 26.267759 / 29.531250 = 27.838265225... -> 27.838265
  //   low   27.906250 x 26.267759 / 29.531250 = 24.822337340... -> 24.822337
  const CsvBar& y2k = adjusted->rows[1263];
  ASSERT_EQ(y2k.date, "2000-01-03");
  EXPECT_EQ(y2k.line, 1265u);
  EXPECT_EQ(y2k.bar.open.to_string(), "27.713181");
  EXPECT_EQ(y2k.bar.high.to_string(), "27.838265");
  EXPECT_EQ(y2k.bar.low.to_string(), "24.822337");
  EXPECT_EQ(y2k.bar.close.to_string(), "26.267759");
  EXPECT_EQ(y2k.bar.volume, Quantity::from_units(98'114'800));

  // Every row: still a valid bar, the same time and volume, and never above the raw prices
  // (ORCL only ever paid dividends and split, so Adj Close <= Close).
  for (std::size_t i = 0; i < adjusted->rows.size(); ++i) {
    const Bar& a = adjusted->rows[i].bar;
    const Bar& r = raw->rows[i].bar;
    ASSERT_EQ(check_bar(a), "") << adjusted->rows[i].date;
    ASSERT_EQ(a.time, r.time);
    ASSERT_EQ(a.volume, r.volume);
    ASSERT_LE(a.close, r.close) << adjusted->rows[i].date;
    ASSERT_GE(a.close.precision(), 6);
  }
}

TEST(BarCsvAdjusted, RoundsHalfToEvenAtTheRowPrecisionOfAtLeastSixDecimals) {
  BarCsvOptions options;
  options.use_adjusted = true;
  // Factor 1/2: 1.000001 -> 0.5000005 (tie, to even 0.500000); 1.000003 -> 0.5000015 (tie, to
  // even 0.500002). A 2-decimal row still gets 6 decimals; a 7-decimal row keeps 7.
  auto csv = parse_with(std::string(kYahoo) +
                            "2020-01-02,1.000001,2,1,2,1,10\n"
                            "2020-01-03,1.000003,2,1,2,1,10\n"
                            "2020-01-06,10.00,12.00,9.00,11.00,5.50,100\n"
                            "2020-01-07,1.0000001,2,1,2,1,10\n",
                        options);
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->rows[0].bar.open.to_string(), "0.500000");
  EXPECT_EQ(csv->rows[1].bar.open.to_string(), "0.500002");
  EXPECT_EQ(csv->rows[1].bar.high.to_string(), "1.000000");
  EXPECT_EQ(csv->rows[2].bar.open.to_string(), "5.000000");
  EXPECT_EQ(csv->rows[2].bar.high.to_string(), "6.000000");
  EXPECT_EQ(csv->rows[2].bar.low.to_string(), "4.500000");
  EXPECT_EQ(csv->rows[2].bar.close.to_string(), "5.500000");
  EXPECT_EQ(csv->rows[3].bar.open.to_string(), "0.5000000");  // 0.50000005: tie, to even
  // Without the option, Adj Close is ignored.
  auto plain = parse(std::string(kYahoo) + "2020-01-02,1.000001,2,1,2,1,10\n");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->rows[0].bar.open.to_string(), "1.000001");
}

TEST(BarCsvAdjusted, MissingAdjCloseOrZeroCloseIsAnError) {
  BarCsvOptions options;
  options.use_adjusted = true;
  const auto error = [&](const std::string& text) {
    auto csv = parse_with(text, options);
    return csv ? "(parsed)" : csv.error().message;
  };
  EXPECT_EQ(error("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,2,10\n"),
            "data.csv:1: adjusted prices need the Adj Close column of the Yahoo header "
            "Date,Open,High,Low,Close,Adj Close,Volume");
  EXPECT_EQ(error(std::string(kYahoo) + "2020-01-02,1,2,1,2,null,10\n"),
            "data.csv:2: Adj Close is null (a missing value in the export)");
  EXPECT_EQ(error(std::string(kYahoo) + "2020-01-02,1,2,1,2,,10\n"),
            "data.csv:2: Adj Close: invalid price \"\": empty");
  EXPECT_EQ(error(std::string(kYahoo) + "2020-01-02,1,2,1,0,1,10\n"),
            "data.csv:2: Close 0 is not positive");
  EXPECT_EQ(error(std::string(kYahoo) + "2020-01-02,1,2,1,2,0,10\n"),
            "data.csv:2: Adj Close 0 is not positive");
  // A factor so small that a price vanishes at the row's precision.
  EXPECT_EQ(error(std::string(kYahoo) + "2020-01-02,1,2,1,2,0.000001,10\n"),
            "data.csv:2: adjusted Open rounds to 0 at 6 decimals");
}

// --- streaming ---

// Every row of a reader, checking each against `expected` in turn.
void expect_same_rows(BarCsvReader& reader, const BarCsv& expected) {
  std::size_t i = 0;
  for (;;) {
    auto row = reader.next();
    ASSERT_TRUE(row.ok()) << row.error().message;
    if (!row->has_value()) break;
    ASSERT_LT(i, expected.rows.size());
    const CsvBar& want = expected.rows[i];
    const CsvBar& got = **row;
    ASSERT_EQ(got.bar, want.bar) << "row " << i;
    ASSERT_EQ(got.date, want.date);
    ASSERT_EQ(got.time, want.time);
    ASSERT_EQ(got.line, want.line);
    ++i;
  }
  EXPECT_EQ(i, expected.rows.size());
  EXPECT_EQ(reader.format(), expected.format);
  EXPECT_EQ(reader.has_time(), expected.has_time);
}

TEST(BarCsvReader, StreamsTheSameRowsFromAFileAsParseBarCsvFromItsText) {
  for (const char* name : {"orcl-1995-2014-daily.csv", "index-2006-1min.csv"}) {
    SCOPED_TRACE(name);
    const std::string path = std::string(IBTRADE_DATA_DIR) + "/" + name;
    const std::string text = read_file(path);
    auto whole = parse_bar_csv(text, {}, path);
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    ASSERT_GT(whole->rows.size(), 5000u);
    auto reader = BarCsvReader::open(path, {});  // line by line from the file
    ASSERT_TRUE(reader.ok()) << reader.error().message;
    EXPECT_EQ(reader->source(), path);
    expect_same_rows(*reader, *whole);
    // At the end it stays at the end.
    auto after = reader->next();
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after->has_value());
  }
}

TEST(BarCsvReader, FileWithBomCrlfAndNoFinalNewlineReadsLikeItsText) {
  const std::string text =
      "\xEF\xBB\xBF"
      "Date,Time,Open,High,Low,Close,Volume\r\n"
      "\r\n"
      "2020-01-02,09:30,1.5,2,1,2,10\r\n"
      "2020-01-02,09:31,2,2.5,1.5,2.25,20";
  const std::string path = ::testing::TempDir() + "ibtrade_bar_csv_reader_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  auto whole = parse_bar_csv(text, {}, path);
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  ASSERT_EQ(whole->rows.size(), 2u);
  EXPECT_EQ(whole->rows[1].line, 4u);
  auto reader = BarCsvReader::open(path, {});
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  expect_same_rows(*reader, *whole);
  std::remove(path.c_str());
}

TEST(BarCsvReader, CountsSkippedRowsAndKeepsTheFirstFewReasons) {
  std::string text = std::string(kYahoo) + "2020-01-01,1,2,1,2,2,10\n";
  for (int i = 0; i < 7; ++i)
    text += "2020-01-0" + std::to_string(2 + i) + ",1,2,1,2,2\n";  // 6 fields: bad
  text += "2020-01-10,1,2,1,2,2,10\n";
  BarCsvOptions options;
  options.skip_bad_rows = true;
  auto reader = BarCsvReader::from_text(text, options, "data.csv");
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto first = reader->next();
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ(reader->skipped(), 0u);
  auto second = reader->next();  // skips lines 3..9 on the way
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->date, "2020-01-10");
  EXPECT_EQ((*second)->line, 10u);
  EXPECT_EQ(reader->skipped(), 7u);
  ASSERT_EQ(reader->skip_reasons().size(), BarCsvReader::kMaxSkipReasons);
  EXPECT_EQ(reader->skip_reasons()[0], "data.csv:3: expected 7 fields, found 6");
  EXPECT_EQ(reader->skip_reasons()[4], "data.csv:7: expected 7 fields, found 6");
  auto end = reader->next();
  ASSERT_TRUE(end.ok());
  EXPECT_FALSE(end->has_value());
  // parse_bar_csv reports the same.
  auto whole = parse_bar_csv(text, options, "data.csv");
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->skipped, 7u);
  EXPECT_EQ(whole->skip_reasons, reader->skip_reasons());
  EXPECT_EQ(whole->rows.size(), 2u);
}

TEST(BarCsvReader, StopsAtTheFirstBadRowAndRepeatsItsError) {
  auto reader = BarCsvReader::from_text(std::string(kYahoo) +
                                            "2020-01-02,1,2,1,2,2,10\n"
                                            "2020-01-03,1,1,2,1,1,10\n"
                                            "2020-01-06,1,2,1,2,2,10\n",
                                        {}, "data.csv");
  ASSERT_TRUE(reader.ok());
  auto good = reader->next();
  ASSERT_TRUE(good.ok() && good->has_value());
  for (int i = 0; i < 2; ++i) {
    auto bad = reader->next();
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "data.csv:3: high 1 is below low 2");
  }
}

TEST(BarCsvReader, HeaderProblemsFailAtOpen) {
  EXPECT_EQ(BarCsvReader::from_text("\n\n", {}, "x.csv").error().message,
            "x.csv: empty file; expected a header line such as "
            "Date,Open,High,Low,Close,Adj Close,Volume");
  EXPECT_NE(BarCsvReader::from_text("a,b\n", {}, "x.csv")
                .error()
                .message.find("x.csv:1: unrecognised header"),
            std::string::npos);
  EXPECT_EQ(BarCsvReader::open("/nonexistent/bars.csv", {}).error().message,
            "cannot open /nonexistent/bars.csv: No such file or directory");
}

}  // namespace
}  // namespace ibtrade::csv
