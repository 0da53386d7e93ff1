// Fixed-point decimal quantities: Price, Quantity and Money are int64 raw values at one scale
// (1e-9) plus a display precision. Exact parse/format, half-even rounding on request only,
// overflow checked. Plain value types; no threading rule.
#pragma once

#include <array>
#include <bit>
#include <climits>
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

// The arithmetic below runs on every order, fill and bar, so the common paths are inline and
// division-free; what is rare (an overflow, an inexact rounding, a 128-bit product) is out of
// line in fixed_point.cpp.

inline constexpr std::int64_t kPow10[] = {1,
                                          10,
                                          100,
                                          1'000,
                                          10'000,
                                          100'000,
                                          1'000'000,
                                          10'000'000,
                                          100'000'000,
                                          1'000'000'000,
                                          10'000'000'000,
                                          100'000'000'000,
                                          1'000'000'000'000,
                                          10'000'000'000'000,
                                          100'000'000'000'000,
                                          1'000'000'000'000'000,
                                          10'000'000'000'000'000,
                                          100'000'000'000'000'000,
                                          1'000'000'000'000'000'000};

namespace slow {
[[noreturn]] void overflow(const char* op);  // throws FixedPointOverflow naming `op`
std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t divisor);
std::int64_t round_raw(std::int64_t raw, int precision);  // raw not a multiple of the unit
}  // namespace slow

namespace detail {
// The inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits).
constexpr std::uint64_t inverse_mod_2_64(std::uint64_t odd) {
  std::uint64_t inverse = odd;  // correct to 3 bits: odd * odd == 1 (mod 8)
  for (int i = 0; i < 5; ++i)
    inverse *= 2 - odd * inverse;
  return inverse;
}
struct MultipleTest {
  std::uint64_t inverse_of_odd_part;  // 5^k's inverse modulo 2^64
  std::uint64_t max_quotient;         // UINT64_MAX / 10^k
};
constexpr auto kMultipleTests = [] {
  std::array<MultipleTest, 19> tests{};
  std::uint64_t five_to_k = 1;
  for (std::size_t k = 0; k < tests.size(); ++k) {
    tests[k] = {inverse_mod_2_64(five_to_k), UINT64_MAX / static_cast<std::uint64_t>(kPow10[k])};
    five_to_k *= 5;
  }
  return tests;
}();

// numerator / divisor rounded half to even, in int64; divisor > 0.
inline std::int64_t div_half_even_64(std::int64_t numerator, std::int64_t divisor) {
  std::int64_t quotient = numerator / divisor;
  const std::int64_t remainder = numerator % divisor;
  const std::uint64_t twice = (remainder < 0 ? 0ULL - static_cast<std::uint64_t>(remainder)
                                             : static_cast<std::uint64_t>(remainder)) *
                              2U;
  const auto unsigned_divisor = static_cast<std::uint64_t>(divisor);
  if (twice > unsigned_divisor || (twice == unsigned_divisor && quotient % 2 != 0)) {
    quotient += numerator < 0 ? -1 : 1;
  }
  return quotient;
}
}  // namespace detail

// Whether raw is a multiple of 10^exponent (0..18), without a division: n is a multiple of
// 2^k x odd exactly when n x odd^-1 (mod 2^64), rotated right by k bits, is at most
// UINT64_MAX / (2^k x odd) (the test compilers emit for `n % constant == 0`).
inline bool is_multiple_of_pow10(std::int64_t raw, int exponent) {
  const auto magnitude = raw < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(raw)
                                 : static_cast<std::uint64_t>(raw);
  const detail::MultipleTest& test = detail::kMultipleTests[static_cast<std::size_t>(exponent)];
  return std::rotr(magnitude * test.inverse_of_odd_part, exponent) <= test.max_quotient;
}

// Raw-value helpers shared by the three types; all exact or explicitly half-even.
inline std::int64_t pow10(int exponent) {  // 0..18
  return kPow10[exponent];
}
inline std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) slow::overflow("+");
  return out;
}
inline std::int64_t sub(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) slow::overflow("-");
  return out;
}
// a * b / divisor with one rounding, half to even; divisor > 0.
inline std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t divisor) {
  // Scaling by a whole number (divisor 1) is the common call: one checked multiplication.
  if (std::int64_t product = 0; divisor == 1 && !__builtin_mul_overflow(a, b, &product)) {
    return product;
  }
  return slow::mul_div(a, b, divisor);
}
// a * b / divisor rounded once, half to even, to `precision` decimals; divisor != 0.
std::int64_t mul_div_rounded(std::int64_t a, std::int64_t b, std::int64_t divisor, int precision);
// Rounds a raw value to `precision` decimal places, half to even.
inline std::int64_t round_raw(std::int64_t raw, int precision) {
  if (precision >= kFixedPrecision) return raw;
  // Already shows exactly: the common case, nothing to round.
  if (is_multiple_of_pow10(raw, kFixedPrecision - precision)) return raw;
  return slow::round_raw(raw, precision);
}
// Smallest number of decimals that shows `raw` exactly.
inline int exact_precision(std::int64_t raw) {
  int precision = 0;
  while (precision < kFixedPrecision && !is_multiple_of_pow10(raw, kFixedPrecision - precision))
    ++precision;
  return precision;
}

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

struct PriceTag;
struct QuantityTag;
struct MoneyTag;

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
  constexpr int precision() const { return static_cast<int>(precision_); }
  // Only for statistics and indicator math; never accumulate money through it.
  double to_double() const { return static_cast<double>(raw_) / static_cast<double>(kFixedScale); }
  std::string to_string() const { return fixed::format(raw_, precision()); }

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
  Decimal& operator+=(Decimal other) {
    raw_ = fixed::add(raw_, other.raw_);
    precision_ = std::max(precision_, other.precision_);
    return *this;
  }
  Decimal& operator-=(Decimal other) {
    raw_ = fixed::sub(raw_, other.raw_);
    precision_ = std::max(precision_, other.precision_);
    return *this;
  }
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
  // Builds its exact product straight from the raw value: it is a multiple of its display unit
  // by construction, so from_raw's rounding test would be wasted on every order and bar.
  friend Decimal<MoneyTag> notional(Decimal<PriceTag> price, Decimal<QuantityTag> quantity);

  constexpr Decimal(std::int64_t raw, std::int64_t precision) : raw_(raw), precision_(precision) {}
  static constexpr int clamp(int precision) {
    return precision < 0 ? 0 : (precision > kFixedPrecision ? kFixedPrecision : precision);
  }

  std::int64_t raw_ = 0;
  // As wide as the raw value, though it is 0..9: a Decimal passed by value travels in two
  // registers, and a full-width second word is used as it is (an int would be masked into the
  // padded half and unpacked again at every call).
  std::int64_t precision_ = 0;
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

namespace fixed::slow {
Money notional(Price price, Quantity quantity);  // any precisions; overflow throws
}  // namespace fixed::slow

// Price x quantity. Exact whenever the product has at most 9 decimals (always for stock prices
// and share counts); otherwise rounded half to even at 1e-9.
inline Money notional(Price price, Quantity quantity) {
  __extension__ using Wide = __int128;
  // 1e9 = 2^9 x 5^9: an exact division by it is a shift and a multiplication by 5^9's inverse.
  constexpr std::uint64_t kInverseOfFiveTo9 = fixed::detail::inverse_mod_2_64(1'953'125);
  constexpr Wide kMaxProduct = Wide{INT64_MAX} * kFixedScale;
  constexpr Wide kMinProduct = Wide{INT64_MIN} * kFixedScale;
  const int precision = price.precision() + quantity.precision();
  if (precision <= kFixedPrecision) {
    // Each raw is a whole multiple of its display unit (10^(9 - precision), an invariant of
    // Decimal), so the raw product is a multiple of 10^(18 - precision) and dividing it by the
    // scale is exact. In range, its low 64 bits give the quotient without a 128-bit division.
    const Wide product = Wide{price.raw()} * quantity.raw();
    if (product >= kMinProduct && product <= kMaxProduct) {
      const auto shifted = static_cast<std::uint64_t>(product >> 9);
      return Money(static_cast<std::int64_t>(shifted * kInverseOfFiveTo9), precision);
    }
  }
  return fixed::slow::notional(price, quantity);
}
namespace fixed::slow {
Price per_unit(Money amount, Quantity quantity, int precision);
}  // namespace fixed::slow

// Money / quantity (an average cost), rounded half to even to `precision` decimals.
inline Price per_unit(Money amount, Quantity quantity, int precision) {
  // A whole positive share count n: amount / (n x the rounding unit), rounded once. This is
  // what mul_div_rounded reduces the general case to, without its call and factor search.
  if (quantity.is_positive() && precision >= 0 && precision <= kFixedPrecision &&
      fixed::is_multiple_of_pow10(quantity.raw(), kFixedPrecision)) {
    const std::int64_t unit = fixed::kPow10[kFixedPrecision - precision];
    std::int64_t divisor = 0;
    std::int64_t raw = 0;
    if (!__builtin_mul_overflow(quantity.raw() / kFixedScale, unit, &divisor) &&
        !__builtin_mul_overflow(fixed::detail::div_half_even_64(amount.raw(), divisor), unit,
                                &raw)) {
      return Price::from_raw(raw, precision);
    }
  }
  return fixed::slow::per_unit(amount, quantity, precision);
}
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
