// Fixed-point decimal quantities: Price, Quantity and Money are int64 raw values at one scale
// (1e-9) plus a display precision. Exact parse/format, half-even rounding on request only,
// overflow checked. Plain value types; no threading rule.
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace ibtrade {

inline constexpr int kFixedPrecision = 9;  // decimal places held by every raw value
inline constexpr std::int64_t kFixedScale = 1'000'000'000;

// Thrown when an arithmetic result does not fit in the raw int64 (|value| > ~9.22e9 units).
// That is a broken invariant for money in this system, not a business outcome.
class FixedPointOverflow : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

std::ostream& detail_write(std::ostream& out, const std::string& text);

namespace fixed {

// Raw-value helpers shared by the three types; all exact or explicitly half-even.
std::int64_t pow10(int exponent);  // 0..18
std::int64_t add(std::int64_t a, std::int64_t b);
std::int64_t sub(std::int64_t a, std::int64_t b);
// a * b / divisor with one rounding, half to even; divisor > 0.
std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t divisor);
// a * b / divisor rounded once, half to even, to `precision` decimals; divisor != 0.
std::int64_t mul_div_rounded(std::int64_t a, std::int64_t b, std::int64_t divisor, int precision);
// Rounds a raw value to `precision` decimal places, half to even.
std::int64_t round_raw(std::int64_t raw, int precision);
// Smallest number of decimals that shows `raw` exactly.
int exact_precision(std::int64_t raw);

struct Parsed {
  std::int64_t raw = 0;
  int precision = 0;
};
// Decimal text: optional sign, digits, optional '.' and up to 9 digits. No exponent, spaces or
// grouping. `what` names the quantity in the error ("price").
Result<Parsed> parse(std::string_view text, std::string_view what);
std::string format(std::int64_t raw, int precision);
// Nearest raw value to `value` at `precision` decimals, half to even; nullopt when not finite
// or out of range.
std::optional<std::int64_t> from_double(double value, int precision);

}  // namespace fixed

// One decimal type per meaning, so that a Price can't be added to a Money by accident.
// Equality and ordering compare values, not precision: 0.30 == 0.3.
template <class Tag>
class Decimal {
 public:
  constexpr Decimal() = default;

  // `raw` in units of 1e-9, rounded half to even to `precision` (0..9) decimals, which is also
  // how many decimals it shows.
  static Decimal from_raw(std::int64_t raw, int precision) {
    return Decimal(fixed::round_raw(raw, clamp(precision)), clamp(precision));
  }
  static Decimal from_units(std::int64_t units, int precision = 0) {
    return Decimal(fixed::mul_div(units, kFixedScale, 1), clamp(precision));
  }
  static Result<Decimal> parse(std::string_view text) {
    auto parsed = fixed::parse(text, Tag::kName);
    if (!parsed) return parsed.error();
    return Decimal(parsed->raw, parsed->precision);
  }
  // For values that arrive as doubles (the TWS wire): rounded once, half to even.
  static std::optional<Decimal> from_double(double value, int precision) {
    auto raw = fixed::from_double(value, clamp(precision));
    if (!raw) return std::nullopt;
    return Decimal(*raw, clamp(precision));
  }

  constexpr std::int64_t raw() const { return raw_; }
  constexpr int precision() const { return precision_; }
  // Only for statistics and indicator math; never accumulate money through it.
  double to_double() const { return static_cast<double>(raw_) / static_cast<double>(kFixedScale); }
  std::string to_string() const { return fixed::format(raw_, precision_); }

  constexpr bool is_zero() const { return raw_ == 0; }
  constexpr bool is_negative() const { return raw_ < 0; }
  constexpr bool is_positive() const { return raw_ > 0; }

  // Rounded to `precision` decimals, half to even; the result shows that many decimals.
  Decimal rounded(int precision) const {
    return Decimal(fixed::round_raw(raw_, clamp(precision)), clamp(precision));
  }
  // Rounded to the nearest multiple of `increment` (a tick size), half to even; shows the
  // increment's decimals.
  Decimal rounded_to(Decimal increment) const {
    if (increment.raw_ <= 0) throw std::invalid_argument("rounding increment must be positive");
    const std::int64_t units = fixed::mul_div(raw_, 1, increment.raw_);
    return Decimal(fixed::mul_div(units, increment.raw_, 1), increment.precision_);
  }
  Decimal abs() const { return raw_ < 0 ? -*this : *this; }

  friend Decimal operator+(Decimal a, Decimal b) {
    return Decimal(fixed::add(a.raw_, b.raw_), std::max(a.precision_, b.precision_));
  }
  friend Decimal operator-(Decimal a, Decimal b) {
    return Decimal(fixed::sub(a.raw_, b.raw_), std::max(a.precision_, b.precision_));
  }
  Decimal operator-() const { return Decimal(fixed::sub(0, raw_), precision_); }
  Decimal& operator+=(Decimal other) { return *this = *this + other; }
  Decimal& operator-=(Decimal other) { return *this = *this - other; }
  // Scaling by a whole number is exact.
  friend Decimal operator*(Decimal a, std::int64_t k) {
    return Decimal(fixed::mul_div(a.raw_, k, 1), a.precision_);
  }
  friend Decimal operator*(std::int64_t k, Decimal a) { return a * k; }

  friend constexpr bool operator==(Decimal a, Decimal b) { return a.raw_ == b.raw_; }
  friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) {
    return a.raw_ <=> b.raw_;
  }

 private:
  constexpr Decimal(std::int64_t raw, int precision) : raw_(raw), precision_(precision) {}
  static constexpr int clamp(int precision) {
    return precision < 0 ? 0 : (precision > kFixedPrecision ? kFixedPrecision : precision);
  }

  std::int64_t raw_ = 0;
  int precision_ = 0;
};

// Streams the decimal text (for test failure messages and logs).
template <class Tag>
std::ostream& operator<<(std::ostream& out, const Decimal<Tag>& value) {
  return detail_write(out, value.to_string());
}

struct PriceTag {
  static constexpr std::string_view kName = "price";
};
struct QuantityTag {
  static constexpr std::string_view kName = "quantity";
};
struct MoneyTag {
  static constexpr std::string_view kName = "money";
};

using Price = Decimal<PriceTag>;
using Quantity = Decimal<QuantityTag>;
using Money = Decimal<MoneyTag>;

// Price x quantity. Exact whenever the product has at most 9 decimals (always for stock prices
// and share counts); otherwise rounded half to even at 1e-9.
Money notional(Price price, Quantity quantity);
// Money / quantity (an average cost), rounded half to even to `precision` decimals.
Price per_unit(Money amount, Quantity quantity, int precision);
// amount x numerator / denominator, rounded half to even to `precision` decimals: fees and
// rates given as exact fractions (e.g. 278 / 10'000'000 for $27.80 per million).
Money scale(Money amount, std::int64_t numerator, std::int64_t denominator, int precision);
// The same decimal value as another meaning, where the domain says so (a per-share amount of
// money is a price, and back).
inline Money money_of(Price price) {
  return Money::from_raw(price.raw(), price.precision());
}
inline Price price_of(Money money) {
  return Price::from_raw(money.raw(), money.precision());
}

}  // namespace ibtrade
