#include "adapters/csv/bar_csv.hpp"

#include <chrono>
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

}  // namespace
}  // namespace ibtrade::csv
