#!/usr/bin/env python3
"""Prints the rows of the built-in US equity holiday table (src/core/calendar/us_equity_holidays.cpp).

The NYSE/Nasdaq schedule follows fixed rules plus rare unscheduled closures. This script applies the
rules (NYSE Rule 7.2 and the published calendars) for a range of years and merges the irregular
dates listed below, so the C++ table can be extended by re-running it and pasting the output.
The printed table is what ships; check new years against NYSE's own release before committing.

Usage: scripts/us_equity_holidays.py [first_year last_year]   (default 2020 2030)
"""

import datetime as dt
import sys

CLOSED, EARLY = "kClosed", "kEarlyClose"

# Closures and early closes no rule predicts (mourning days, weather). Date -> (kind, reason).
IRREGULAR = {
    dt.date(2025, 1, 9): (CLOSED, "National Day of Mourning (Carter)"),
}


def easter(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year, month, weekday, n):
    """n-th (1-based) weekday (Mon=0) of the month; n=-1 means the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def observed(day):
    """Saturday -> Friday before, Sunday -> Monday after."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def add_fixed(out, day, name):
    """A fixed-date holiday on the day it is observed, saying so when it moved."""
    when = observed(day)
    out[when] = (CLOSED, name if when == day else f"{name} (observed)")


def year_entries(year):
    out = {}
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() != 5:  # NYSE Rule 7.2: a Saturday Jan 1 is not observed
        add_fixed(out, new_year, "New Year's Day")
    out[nth_weekday(year, 1, 0, 3)] = (CLOSED, "Martin Luther King Jr. Day")
    out[nth_weekday(year, 2, 0, 3)] = (CLOSED, "Washington's Birthday")
    out[easter(year) - dt.timedelta(days=2)] = (CLOSED, "Good Friday")
    out[nth_weekday(year, 5, 0, -1)] = (CLOSED, "Memorial Day")
    if year >= 2022:
        add_fixed(out, dt.date(year, 6, 19), "Juneteenth")
    july4 = observed(dt.date(year, 7, 4))
    add_fixed(out, dt.date(year, 7, 4), "Independence Day")
    out[nth_weekday(year, 9, 0, 1)] = (CLOSED, "Labor Day")
    thanksgiving = nth_weekday(year, 11, 3, 4)
    out[thanksgiving] = (CLOSED, "Thanksgiving Day")
    add_fixed(out, dt.date(year, 12, 25), "Christmas Day")

    july3 = dt.date(year, 7, 3)
    if july3.weekday() <= 3 and july3 != july4:  # Mon-Thu (Wed since 2013), not itself the holiday
        out[july3] = (EARLY, "Day before Independence Day")
    out[thanksgiving + dt.timedelta(days=1)] = (EARLY, "Day after Thanksgiving")
    dec24 = dt.date(year, 12, 24)
    if dec24.weekday() <= 3:  # Mon-Thu; a Friday Dec 24 is the observed Christmas
        out[dec24] = (EARLY, "Christmas Eve")

    for day, entry in IRREGULAR.items():
        if day.year == year:
            out[day] = entry
    return out


def main(argv):
    first, last = (int(argv[1]), int(argv[2])) if len(argv) == 3 else (2020, 2030)
    for year in range(first, last + 1):
        entries = year_entries(year)
        weekdays = sum(1 for n in range(366 if year % 4 == 0 else 365)
                       if (dt.date(year, 1, 1) + dt.timedelta(days=n)).weekday() < 5)
        closed = sum(1 for kind, _ in entries.values() if kind == CLOSED)
        print(f"    // {year}: {weekdays - closed} sessions")
        for day in sorted(entries):
            kind, reason = entries[day]
            assert day.weekday() < 5, day
            print(f'    {{{day.year}_y / {day.month} / {day.day}, {kind}, "{reason}"}},  // {day:%a}')


if __name__ == "__main__":
    main(sys.argv)
