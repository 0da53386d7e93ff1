#include "core/fixed_point.hpp"

#include <algorithm>
#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

Price px(std::string_view text) {
  return Price::parse(text).value();
}
Money money(std::string_view text) {
  return Money::parse(text).value();
}
Quantity qty(std::string_view text) {
  return Quantity::parse(text).value();
}

TEST(FixedPoint, DecimalAdditionIsExact) {
  EXPECT_EQ(px("0.1") + px("0.2"), px("0.3"));
  EXPECT_EQ((px("0.1") + px("0.2")).to_string(), "0.3");
  EXPECT_EQ(money("1000000.01") - money("0.02"), money("999999.99"));
}

TEST(FixedPoint, ParseKeepsPrecisionAndFormatsExactly) {
  struct Case {
    const char* text;
    std::int64_t raw;
    int precision;
    const char* shown;
  };
  const Case cases[] = {
      {"0", 0, 0, "0"},
      {"12", 12'000'000'000, 0, "12"},
      {"-0.5", -500'000'000, 1, "-0.5"},
      {"+101.25", 101'250'000'000, 2, "101.25"},
      {"1.50", 1'500'000'000, 2, "1.50"},
      {"0.000000001", 1, 9, "0.000000001"},
      {"-0.0", 0, 1, "0.0"},
      {"0007.10", 7'100'000'000, 2, "7.10"},
      {"9223372036.854775807", std::numeric_limits<std::int64_t>::max(), 9, "9223372036.854775807"},
      {"-9223372036.854775808", std::numeric_limits<std::int64_t>::min(), 9,
       "-9223372036.854775808"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto parsed = Price::parse(c.text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->raw(), c.raw);
    EXPECT_EQ(parsed->precision(), c.precision);
    EXPECT_EQ(parsed->to_string(), c.shown);
  }
}

TEST(FixedPoint, ParseRejectsWithAMessageThatNamesTheProblem) {
  struct Case {
    const char* text;
    const char* message_part;
  };
  const Case cases[] = {
      {"", "empty"},
      {"abc", "expected a decimal number"},
      {"1.2.3", "expected a decimal number"},
      {"1e5", "expected a decimal number"},
      {" 1", "expected a decimal number"},
      {"1 ", "expected a decimal number"},
      {"1,000", "expected a decimal number"},
      {"1.", "digits after the decimal point"},
      {".5", "expected a decimal number"},
      {"-", "expected a decimal number"},
      {"0.0000000001", "more than 9 decimal places"},
      {"9223372037", "out of range"},
      {"9223372036.854775808", "out of range"},
      {"99999999999999999999999999", "out of range"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto parsed = Quantity::parse(c.text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.find(c.message_part), std::string::npos)
        << parsed.error().message;
    EXPECT_NE(parsed.error().message.find("quantity"), std::string::npos);
  }
}

TEST(FixedPoint, RoundingIsHalfToEven) {
  struct Case {
    const char* in;
    int precision;
    const char* out;
  };
  const Case cases[] = {
      {"2.5", 0, "2"},        {"3.5", 0, "4"},      {"-2.5", 0, "-2"},     {"-3.5", 0, "-4"},
      {"2.51", 0, "3"},       {"2.49", 0, "2"},     {"0.125", 2, "0.12"},  {"0.135", 2, "0.14"},
      {"-0.125", 2, "-0.12"}, {"1.005", 2, "1.00"}, {"1.0051", 2, "1.01"}, {"7", 2, "7.00"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.in) + " -> " + std::to_string(c.precision));
    const Price rounded = px(c.in).rounded(c.precision);
    EXPECT_EQ(rounded.to_string(), c.out);
  }
}

TEST(FixedPoint, RoundToTick) {
  EXPECT_EQ(px("101.237").rounded_to(px("0.01")).to_string(), "101.24");
  EXPECT_EQ(px("101.235").rounded_to(px("0.01")).to_string(), "101.24");  // half to even: 10124
  EXPECT_EQ(px("101.225").rounded_to(px("0.01")).to_string(), "101.22");
  EXPECT_EQ(px("10.12").rounded_to(px("0.05")).to_string(), "10.10");
  EXPECT_EQ(px("10.125").rounded_to(px("0.05")).to_string(), "10.10");  // 202.5 ticks -> 202
  EXPECT_THROW((void)px("1").rounded_to(px("0")), std::invalid_argument);
}

TEST(FixedPoint, FromDoubleRoundsOnceToTheRequestedPrecision) {
  EXPECT_EQ(Price::from_double(0.1 + 0.2, 2)->to_string(), "0.30");
  EXPECT_EQ(Price::from_double(123.45, 2)->to_string(), "123.45");
  EXPECT_EQ(Price::from_double(-17.125, 2)->to_string(), "-17.12");  // exactly half: even
  EXPECT_EQ(Price::from_double(2.5, 0)->to_string(), "2");
  EXPECT_FALSE(Price::from_double(std::numeric_limits<double>::quiet_NaN(), 2));
  EXPECT_FALSE(Price::from_double(std::numeric_limits<double>::infinity(), 2));
  EXPECT_FALSE(Price::from_double(1e10, 2));
  EXPECT_FALSE(Price::from_double(std::numeric_limits<double>::max(), 2));  // TWS "unset"
}

TEST(FixedPoint, OverflowIsChecked) {
  const Money big = Money::from_raw(std::numeric_limits<std::int64_t>::max(), 9);
  EXPECT_THROW((void)(big + money("0.000000001")), FixedPointOverflow);
  EXPECT_THROW((void)(-big - money("0.000000002")), FixedPointOverflow);
  EXPECT_THROW((void)(big * 2), FixedPointOverflow);
  EXPECT_THROW((void)-Money::from_raw(std::numeric_limits<std::int64_t>::min(), 9),
               FixedPointOverflow);
  EXPECT_THROW((void)notional(px("1000000"), qty("1000000")), FixedPointOverflow);
}

TEST(FixedPoint, NotionalIsExactForPricesAndShareCounts) {
  EXPECT_EQ(notional(px("101.25"), qty("300")).to_string(), "30375.00");
  EXPECT_EQ(notional(px("0.0001"), qty("12345")).to_string(), "1.2345");
  EXPECT_EQ(notional(px("-3.33"), qty("3")).to_string(), "-9.99");
  EXPECT_EQ(notional(px("19.99"), qty("0.5")).to_string(), "9.995");
}

TEST(FixedPoint, PerUnitAndScaleRoundOnceHalfEven) {
  EXPECT_EQ(per_unit(money("100"), qty("3"), 4).to_string(), "33.3333");
  EXPECT_EQ(per_unit(money("100"), qty("-3"), 2).to_string(), "-33.33");
  EXPECT_EQ(per_unit(money("0.05"), qty("2"), 2).to_string(), "0.02");  // 0.025 -> even
  EXPECT_EQ(per_unit(money("0.07"), qty("2"), 2).to_string(), "0.04");  // 0.035 -> even
  // SEC fee: $27.80 per million of sale proceeds.
  EXPECT_EQ(scale(money("12345.67"), 278, 10'000'000, 2).to_string(), "0.34");
  EXPECT_EQ(scale(money("10"), 1, 8, 2).to_string(), "1.25");
  EXPECT_EQ(scale(money("1"), 1, 8, 2).to_string(), "0.12");  // 0.125 -> even
  EXPECT_THROW((void)per_unit(money("1"), qty("0"), 2), std::invalid_argument);
  EXPECT_THROW((void)scale(money("1"), 1, 0, 2), std::invalid_argument);
}

TEST(FixedPoint, DistinctTypesDoNotMix) {
  static_assert(!std::is_convertible_v<Price, Money>);
  static_assert(!std::is_convertible_v<Money, Quantity>);
  static_assert(sizeof(Price) <= 16);
  EXPECT_EQ(money_of(px("1.25")), money("1.25"));
  EXPECT_EQ(price_of(money("-2")), px("-2"));
}

// ---- Property tests. Seeds are fixed so that a failure reproduces; add any seed that ever
// failed to kRegressionSeeds.
constexpr std::uint64_t kRegressionSeeds[] = {1, 42, 20261121};

std::int64_t random_raw(std::mt19937_64& rng, int precision, std::int64_t max_units) {
  std::uniform_int_distribution<std::int64_t> units(-max_units, max_units);
  std::int64_t unit = 1;
  for (int i = precision; i < kFixedPrecision; ++i)
    unit *= 10;
  return units(rng) / unit * unit;  // a value that shows exactly at `precision`
}

TEST(FixedPointProperty, FormatThenParseRoundTrips) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> precision_of(0, 9);
    for (int i = 0; i < 20'000; ++i) {
      const int precision = precision_of(rng);
      const Money value = Money::from_raw(
          random_raw(rng, precision, std::numeric_limits<std::int64_t>::max()), precision);
      const auto back = Money::parse(value.to_string());
      ASSERT_TRUE(back.ok()) << "seed " << seed << ": " << back.error().message;
      ASSERT_EQ(*back, value) << "seed " << seed << " text " << value.to_string();
      ASSERT_EQ(back->precision(), precision) << "seed " << seed;
    }
  }
}

TEST(FixedPointProperty, AdditionIsExactAssociativeAndInvertible) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 20'000; ++i) {
      // Up to $1e8 with cents: sums of three never overflow.
      const Money a = Money::from_raw(random_raw(rng, 2, 100'000'000'000'000'000), 2);
      const Money b = Money::from_raw(random_raw(rng, 4, 100'000'000'000'000'000), 4);
      const Money c = Money::from_raw(random_raw(rng, 9, 100'000'000'000'000'000), 9);
      ASSERT_EQ((a + b) + c, a + (b + c)) << "seed " << seed;
      ASSERT_EQ(a + b - b, a) << "seed " << seed;
      ASSERT_EQ((a + b).raw(), a.raw() + b.raw()) << "seed " << seed;
      ASSERT_EQ((a + b).precision(), 4);
    }
  }
}

// Half-even rounding checked against decimal-string arithmetic, a different method.
std::string round_half_even_text(const std::string& text, int precision) {
  const bool negative = text[0] == '-';
  std::string digits = negative ? text.substr(1) : text;
  const auto dot = digits.find('.');
  std::string integer = digits.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : digits.substr(dot + 1);
  fraction.resize(9, '0');
  std::string kept = integer + fraction.substr(0, static_cast<std::size_t>(precision));
  const std::string dropped = fraction.substr(static_cast<std::size_t>(precision));
  const std::string half = "5" + std::string(dropped.size() - (dropped.empty() ? 0 : 1), '0');
  bool up = false;
  if (!dropped.empty()) {
    const int cmp = dropped.compare(half);
    up = cmp > 0 || (cmp == 0 && (kept.back() - '0') % 2 == 1);
  }
  if (up) {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<std::size_t>(i)] == '9')
      kept[static_cast<std::size_t>(i--)] = '0';
    if (i < 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[static_cast<std::size_t>(i)];
    }
  }
  std::string out = kept.substr(0, kept.size() - static_cast<std::size_t>(precision));
  out = out.empty() ? "0" : out;
  while (out.size() > 1 && out[0] == '0')
    out.erase(0, 1);
  if (precision > 0) out += "." + kept.substr(kept.size() - static_cast<std::size_t>(precision));
  const bool zero = out.find_first_not_of("0.") == std::string::npos;
  return (negative && !zero ? "-" : "") + out;
}

TEST(FixedPointProperty, RoundingMatchesDecimalTextArithmetic) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> precision_of(0, 8);
    for (int i = 0; i < 20'000; ++i) {
      const Price value = Price::from_raw(random_raw(rng, 9, 1'000'000'000'000'000), 9);
      const int precision = precision_of(rng);
      ASSERT_EQ(value.rounded(precision).to_string(),
                round_half_even_text(value.to_string(), precision))
          << "seed " << seed << " value " << value.to_string() << " precision " << precision;
    }
  }
}

TEST(FixedPointProperty, NotionalMatchesIntegerProduct) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::int64_t> cents(-10'000'000, 10'000'000);  // +-$100k
    std::uniform_int_distribution<std::int64_t> shares(0, 10'000);
    for (int i = 0; i < 20'000; ++i) {
      const std::int64_t c = cents(rng);
      const std::int64_t n = shares(rng);
      const Money m = notional(Price::from_raw(c * 10'000'000, 2), Quantity::from_units(n));
      ASSERT_EQ(m.raw(), c * n * 10'000'000) << "seed " << seed;
      ASSERT_EQ(m.precision(), 2);
    }
  }
}

// mul_div and mul_div_rounded take int64 shortcuts when the product fits or a factor cancels;
// whatever path they take, the answer must be the 128-bit one rounded once, half to even.
__extension__ typedef __int128 Wide;

Wide reference_div_half_even(Wide numerator, Wide divisor) {
  if (divisor < 0) {
    numerator = -numerator;
    divisor = -divisor;
  }
  Wide quotient = numerator / divisor;
  const Wide remainder = numerator % divisor;
  const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
  if (twice > divisor || (twice == divisor && quotient % 2 != 0)) {
    quotient += numerator < 0 ? -1 : 1;
  }
  return quotient;
}

TEST(FixedPointProperty, MulDivMatchesWideArithmeticOnEveryPath) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    // Magnitudes from tiny to near the int64 limit, and divisors that do and do not share
    // factors with b (the scale 1e9, whole quantities, odd numbers).
    const auto magnitude = [&] {
      const int digits = static_cast<int>(rng() % 19);
      const std::int64_t bound = fixed::pow10(digits);
      const auto value = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(bound));
      return rng() % 2 == 0 ? value : -value;
    };
    const std::int64_t kScaleChoices[] = {1, 10, 1'000'000'000, 3, 7, 100'000'000'000};
    for (int i = 0; i < 50'000; ++i) {
      const std::int64_t a = magnitude();
      std::int64_t b = (i % 3 == 0) ? kScaleChoices[rng() % 6] : magnitude();
      std::int64_t d =
          (i % 4 == 0) ? kScaleChoices[rng() % 6] * (1 + static_cast<std::int64_t>(rng() % 1000))
                       : magnitude();
      if (d == 0) d = 1;
      const int precision = static_cast<int>(rng() % 10);
      const Wide unit = fixed::pow10(kFixedPrecision - std::min(precision, kFixedPrecision));
      const Wide expected_rounded =
          reference_div_half_even(Wide{a} * Wide{b}, Wide{d} * unit) * unit;
      if (expected_rounded >= std::numeric_limits<std::int64_t>::min() &&
          expected_rounded <= std::numeric_limits<std::int64_t>::max()) {
        ASSERT_EQ(fixed::mul_div_rounded(a, b, d, precision),
                  static_cast<std::int64_t>(expected_rounded))
            << "seed " << seed << " a " << a << " b " << b << " d " << d << " p " << precision;
      } else {
        ASSERT_THROW((void)fixed::mul_div_rounded(a, b, d, precision), FixedPointOverflow);
      }
      if (d > 0) {
        const Wide expected = reference_div_half_even(Wide{a} * Wide{b}, Wide{d});
        if (expected >= std::numeric_limits<std::int64_t>::min() &&
            expected <= std::numeric_limits<std::int64_t>::max()) {
          ASSERT_EQ(fixed::mul_div(a, b, d), static_cast<std::int64_t>(expected))
              << "seed " << seed << " a " << a << " b " << b << " d " << d;
        }
      }
    }
  }
}

// The division-free multiple test behind round_raw and exact_precision, against `%`.
TEST(FixedPointProperty, MultipleOfPowerOfTenMatchesRemainder) {
  std::mt19937_64 rng(kRegressionSeeds[0]);
  const std::int64_t kEdges[] = {0,
                                 1,
                                 -1,
                                 std::numeric_limits<std::int64_t>::max(),
                                 std::numeric_limits<std::int64_t>::min(),
                                 1'000'000'000,
                                 -5'000'000'000'000'000'000,
                                 9'000'000'000'000'000'000};
  for (int exponent = 0; exponent <= 18; ++exponent) {
    const std::int64_t unit = fixed::pow10(exponent);
    for (std::int64_t value : kEdges) {
      ASSERT_EQ(fixed::is_multiple_of_pow10(value, exponent), value % unit == 0)
          << value << " exponent " << exponent;
    }
    for (int i = 0; i < 20'000; ++i) {
      // Half of them exact multiples, so both answers occur at every exponent.
      std::int64_t value = static_cast<std::int64_t>(rng());
      if (i % 2 == 0) value = value / unit * unit;
      if (i % 4 == 1) value += static_cast<std::int64_t>(rng() % 3) - 1;
      ASSERT_EQ(fixed::is_multiple_of_pow10(value, exponent), value % unit == 0)
          << value << " exponent " << exponent;
    }
  }
}

TEST(FixedPointProperty, ExactPrecisionIsTheFewestDecimalsThatShowTheValue) {
  std::mt19937_64 rng(kRegressionSeeds[0]);
  for (int i = 0; i < 50'000; ++i) {
    const int decimals = static_cast<int>(rng() % 10);
    const std::int64_t raw = static_cast<std::int64_t>(rng() % 1'000'000'000'000'000) /
                             fixed::pow10(kFixedPrecision - decimals) *
                             fixed::pow10(kFixedPrecision - decimals) * (i % 2 == 0 ? 1 : -1);
    int expected = kFixedPrecision;
    for (std::int64_t r = raw; expected > 0 && r % 10 == 0; r /= 10)
      --expected;
    ASSERT_EQ(fixed::exact_precision(raw), expected) << raw;
  }
  EXPECT_EQ(fixed::exact_precision(0), 0);
  EXPECT_EQ(fixed::exact_precision(std::numeric_limits<std::int64_t>::min()), 9);
}

// The inline notional divides the 128-bit product by the scale without a division; every
// precision pair and magnitude must give the rounded-once 128-bit answer or throw.
TEST(FixedPointProperty, NotionalMatchesWideArithmeticAtEveryPrecision) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 50'000; ++i) {
      const int price_precision = static_cast<int>(rng() % 10);
      const int quantity_precision = static_cast<int>(rng() % 10);
      const auto value = [&](int precision) {
        const std::int64_t bound = fixed::pow10(static_cast<int>(rng() % 19));
        const auto magnitude = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(bound));
        return (rng() % 2 == 0 ? magnitude : -magnitude) /
               fixed::pow10(kFixedPrecision - precision) *
               fixed::pow10(kFixedPrecision - precision);
      };
      const Price price = Price::from_raw(value(price_precision), price_precision);
      const Quantity quantity = Quantity::from_raw(value(quantity_precision), quantity_precision);
      const int precision = std::min(price_precision + quantity_precision, kFixedPrecision);
      const Wide unit = fixed::pow10(kFixedPrecision - precision);
      const Wide expected =
          reference_div_half_even(Wide{price.raw()} * Wide{quantity.raw()}, kFixedScale * unit) *
          unit;
      if (expected >= std::numeric_limits<std::int64_t>::min() &&
          expected <= std::numeric_limits<std::int64_t>::max()) {
        const Money m = notional(price, quantity);
        ASSERT_EQ(m.raw(), static_cast<std::int64_t>(expected))
            << "seed " << seed << " " << price << " x " << quantity;
        ASSERT_EQ(m.precision(), precision);
      } else {
        ASSERT_THROW((void)notional(price, quantity), FixedPointOverflow);
      }
    }
  }
}

// The inline per_unit for whole share counts against the general mul_div_rounded.
TEST(FixedPointProperty, PerUnitMatchesMulDivRoundedForWholeAndFractionalQuantities) {
  for (std::uint64_t seed : kRegressionSeeds) {
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 50'000; ++i) {
      const std::int64_t bound = fixed::pow10(static_cast<int>(rng() % 19));
      const auto magnitude = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(bound));
      const Money amount = Money::from_raw(rng() % 2 == 0 ? magnitude : -magnitude, 9);
      const std::int64_t shares = 1 + static_cast<std::int64_t>(rng() % 1'000'000);
      const Quantity quantity = i % 3 == 0   ? Quantity::from_raw(shares * 1'000, 6)
                                : i % 3 == 1 ? Quantity::from_units(shares)
                                             : Quantity::from_units(-shares);
      const int precision = static_cast<int>(rng() % 12) - 1;  // -1..10: clamped
      const int clamped = std::clamp(precision, 0, kFixedPrecision);
      const Wide unit = fixed::pow10(kFixedPrecision - clamped);
      const Wide expected =
          reference_div_half_even(Wide{amount.raw()} * kFixedScale, Wide{quantity.raw()} * unit) *
          unit;
      if (expected >= std::numeric_limits<std::int64_t>::min() &&
          expected <= std::numeric_limits<std::int64_t>::max()) {
        const Price average = per_unit(amount, quantity, precision);
        ASSERT_EQ(average.raw(), static_cast<std::int64_t>(expected))
            << "seed " << seed << " " << amount << " / " << quantity << " p " << precision;
        ASSERT_EQ(average.precision(), clamped);
      } else {
        ASSERT_THROW((void)per_unit(amount, quantity, precision), FixedPointOverflow);
      }
    }
  }
}

}  // namespace
}  // namespace ibtrade
