// TWS date/time texts: every form the doc lists, to UTC instants with an explicit zone.
#include "adapters/tws/tws_time.hpp"

#include <gtest/gtest.h>

namespace ibtrade::tws {
namespace {

using namespace std::chrono_literals;

Timestamp utc(int y, unsigned m, unsigned d, std::chrono::seconds time_of_day) {
  return Timestamp{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} + time_of_day;
}

const date::time_zone* new_york() {
  return date::locate_zone("America/New_York");
}

Timestamp instant(std::string_view text, const date::time_zone* zone) {
  auto parsed = parse_tws_time(text);
  EXPECT_TRUE(parsed.ok()) << text;
  auto ts = to_timestamp(*parsed, zone);
  EXPECT_TRUE(ts.ok()) << text << ": " << ts.error().message;
  return *ts;
}

TEST(TwsTime, ParsesEveryForm) {
  // EST in December: UTC-5.
  EXPECT_EQ(instant("20231207  09:35:01", new_york()), utc(2023, 12, 7, 14h + 35min + 1s));
  EXPECT_EQ(instant("20231207 09:35:01", new_york()), utc(2023, 12, 7, 14h + 35min + 1s));
  EXPECT_EQ(instant("20231207-09:35:01", nullptr), utc(2023, 12, 7, 9h + 35min + 1s));
  EXPECT_EQ(instant("1701950000", nullptr), Timestamp{1701950000s});
  EXPECT_EQ(instant("20231206", new_york()), utc(2023, 12, 6, 5h));
  // EDT in July: UTC-4.
  EXPECT_EQ(instant("20250701 10:46:26 America/New_York", new_york()),
            utc(2025, 7, 1, 14h + 46min + 26s));
}

TEST(TwsTime, KeepsTheNamedZoneForTheCallerToLookUp) {
  auto t = parse_tws_time("20260130 10:46:26 America/New_York");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->kind, TwsTime::Kind::kLocal);
  EXPECT_EQ(t->zone, "America/New_York");
  auto d = parse_tws_time("20231206");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->date_only);
  EXPECT_TRUE(d->zone.empty());
}

TEST(TwsTime, RefusesGarbage) {
  for (std::string_view bad : {"", "2023120x", "20231307", "20231207 25:00:00", "20231207 9:35",
                               "20231207x09:35:01", "20231207 09:35:01 ", "1234567890123"}) {
    EXPECT_FALSE(parse_tws_time(bad).ok()) << bad;
  }
}

TEST(TwsTime, LocalTimesNeedAZoneAndMustExist) {
  auto local = parse_tws_time("20240310 02:30:00");  // skipped by the spring-forward change
  ASSERT_TRUE(local.ok());
  EXPECT_FALSE(to_timestamp(*local, nullptr).ok());
  EXPECT_FALSE(to_timestamp(*local, new_york()).ok());
  // The repeated fall-back hour: the earlier instant (EDT).
  EXPECT_EQ(instant("20241103 01:30:00", new_york()), utc(2024, 11, 3, 5h + 30min));
}

TEST(TwsTime, FormatsWithTheZoneName) {
  EXPECT_EQ(format_tws_time(utc(2023, 12, 7, 14h + 35min + 1s), *new_york()),
            "20231207 09:35:01 America/New_York");
  const Timestamp t = utc(2025, 7, 1, 14h + 46min + 26s);
  EXPECT_EQ(instant(format_tws_time(t, *new_york()), new_york()), t);
}

}  // namespace
}  // namespace ibtrade::tws
