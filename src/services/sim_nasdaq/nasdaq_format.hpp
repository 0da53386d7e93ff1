// Nasdaq's text formats for earnings numbers and dates ("$1.23", "($0.11)", "6/29/2023", ...).
// Pure functions; no threading rule.
#pragma once

#include <cstdint>
#include <string>

#include <date/date.h>

#include "core/fixed_point.hpp"

namespace ibtrade::services::sim_nasdaq {

// Calendar dollars: "$1.33", negatives in parentheses "($0.11)", whole amounts without decimals
// ("$0", "$12"), thousands grouped ("$1,204.50"). Rounded to cents, half to even.
std::string calendar_dollars(Money amount);

// Market capitalisation in whole dollars: "$4,465,201,458".
std::string market_cap_dollars(std::int64_t dollars);

// A plain two-decimal number without a currency sign: "1.31", "-0.15", "0.00".
std::string plain_cents(Money amount);

// Hundredths of a percent as Nasdaq's surprise text, trailing zeros dropped: 698 -> "6.98",
// -17500 -> "-175", 930 -> "9.3". With `group_thousands`, 510000 -> "5,100".
std::string surprise_percent(std::int64_t bps, bool group_thousands = false);

// "6/29/2023", "5/08/2023": month not padded, day padded (the calendar's lastYearRptDt).
std::string month_day_year(date::year_month_day day);

// "Mar/2024" (calendar fiscalQuarterEnding) and "Mar 2024" (surprise and forecast tables).
std::string month_slash_year(date::year_month month);
std::string month_space_year(date::year_month month);

// "Mon, Jul 1, 2024" (the calendar's asOf: day not padded).
std::string weekday_month_day_year(date::year_month_day day);

// "Oct 22, 2026" (the earnings-date announcement).
std::string month_day_comma_year(date::year_month_day day);

}  // namespace ibtrade::services::sim_nasdaq
