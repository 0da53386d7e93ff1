#include "core/fixed_point.hpp"

#include <cfenv>
#include <cmath>
#include <limits>
#include <ostream>

namespace ibtrade {

std::ostream& detail_write(std::ostream& out, const std::string& text) {
  return out << text;
}

namespace fixed {
namespace {

__extension__ typedef __int128 Wide;  // holds any product of two raw values

std::int64_t narrow(Wide value, const char* op) {
  if (value > std::numeric_limits<std::int64_t>::max() ||
      value < std::numeric_limits<std::int64_t>::min()) {
    throw FixedPointOverflow(std::string("fixed-point overflow in ") + op);
  }
  return static_cast<std::int64_t>(value);
}

// numerator / divisor rounded half to even; divisor > 0.
Wide div_half_even(Wide numerator, Wide divisor) {
  Wide quotient = numerator / divisor;  // truncates toward zero
  const Wide remainder = numerator % divisor;
  const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
  if (twice > divisor || (twice == divisor && quotient % 2 != 0)) {
    quotient += numerator < 0 ? -1 : 1;
  }
  return quotient;
}

using detail::div_half_even_64;

// Cancels a factor shared by `b` and `divisor` when one divides the other (prices and
// quantities are often whole multiples of the 1e-9 scale), so that a * b fits in int64 more
// often. divisor > 0.
void reduce(std::int64_t& b, std::int64_t& divisor) {
  if (b != 0 && b != std::numeric_limits<std::int64_t>::min() && divisor % b == 0) {
    divisor /= b < 0 ? -b : b;  // stays positive
    b = b < 0 ? -1 : 1;
  } else if (b % divisor == 0) {
    b /= divisor;
    divisor = 1;
  }
}

Error parse_error(std::string_view text, std::string_view what, std::string_view why) {
  return Error{"invalid " + std::string(what) + " \"" + std::string(text) +
               "\": " + std::string(why)};
}

}  // namespace

namespace slow {

void overflow(const char* op) {
  throw FixedPointOverflow(std::string("fixed-point overflow in ") + op);
}

std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t divisor) {
  if (divisor <= 0) throw std::invalid_argument("fixed-point divisor must be positive");
  reduce(b, divisor);
  if (std::int64_t product = 0; !__builtin_mul_overflow(a, b, &product)) {
    return divisor == 1 ? product : div_half_even_64(product, divisor);
  }
  return narrow(div_half_even(Wide{a} * Wide{b}, Wide{divisor}), "*");
}

std::int64_t round_raw(std::int64_t raw, int precision) {
  const std::int64_t unit = kPow10[kFixedPrecision - precision];
  return narrow(div_half_even(Wide{raw}, Wide{unit}) * unit, "rounding");
}

}  // namespace slow

std::int64_t mul_div_rounded(std::int64_t a, std::int64_t b, std::int64_t divisor, int precision) {
  if (divisor == 0) throw std::invalid_argument("fixed-point division by zero");
  if (divisor < 0 && divisor != std::numeric_limits<std::int64_t>::min() &&
      a != std::numeric_limits<std::int64_t>::min()) {
    a = -a;
    divisor = -divisor;
  }
  if (divisor > 0) {
    reduce(b, divisor);
    const std::int64_t unit =
        precision >= kFixedPrecision ? 1 : kPow10[kFixedPrecision - precision];
    std::int64_t product = 0;
    std::int64_t scaled_divisor = 0;
    if (!__builtin_mul_overflow(a, b, &product) &&
        !__builtin_mul_overflow(divisor, unit, &scaled_divisor)) {
      std::int64_t rounded = 0;
      if (__builtin_mul_overflow(div_half_even_64(product, scaled_divisor), unit, &rounded)) {
        slow::overflow("*");
      }
      return rounded;
    }
  }
  Wide numerator = Wide{a} * Wide{b};
  Wide denominator = Wide{divisor};
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const std::int64_t unit = precision >= kFixedPrecision ? 1 : kPow10[kFixedPrecision - precision];
  // One rounding, straight to the requested precision.
  return narrow(div_half_even(numerator, denominator * unit) * unit, "*");
}

Result<Parsed> parse(std::string_view text, std::string_view what) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  Wide integer = 0;
  std::size_t integer_digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++integer_digits) {
    integer = integer * 10 + (text[i] - '0');
    if (integer > std::numeric_limits<std::int64_t>::max() / kFixedScale + 1) {
      return parse_error(text, what, "out of range (at most 9223372036 in magnitude)");
    }
  }
  std::int64_t fraction = 0;
  int precision = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (precision == kFixedPrecision) {
        return parse_error(text, what, "more than 9 decimal places");
      }
      fraction = fraction * 10 + (text[i] - '0');
      ++precision;
    }
    if (precision == 0) return parse_error(text, what, "expected digits after the decimal point");
  }
  if (integer_digits == 0 || i != text.size()) {
    return parse_error(
        text, what,
        text.empty() ? "empty" : "expected a decimal number such as 12, -0.5 or 101.25");
  }
  const Wide magnitude =
      integer * kFixedScale + Wide{fraction} * kPow10[kFixedPrecision - precision];
  const Wide value = negative ? -magnitude : magnitude;
  if (value > std::numeric_limits<std::int64_t>::max() ||
      value < std::numeric_limits<std::int64_t>::min()) {
    return parse_error(text, what, "out of range (at most 9223372036 in magnitude)");
  }
  return Parsed{static_cast<std::int64_t>(value), precision};
}

std::string format(std::int64_t raw, int precision) {
  // Work on the magnitude as unsigned so that INT64_MIN formats too.
  const bool negative = raw < 0;
  const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(raw)
                                           : static_cast<std::uint64_t>(raw);
  const auto scale = static_cast<std::uint64_t>(kFixedScale);
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / scale);
  if (precision > 0) {
    const std::uint64_t unit = static_cast<std::uint64_t>(kPow10[kFixedPrecision - precision]);
    std::string digits = std::to_string((magnitude % scale) / unit);
    out += '.';
    out.append(static_cast<std::size_t>(precision) - digits.size(), '0');
    out += digits;
  }
  return out;
}

std::optional<std::int64_t> from_double(double value, int precision) {
  if (!std::isfinite(value)) return std::nullopt;
  // long double keeps the scaled value's integer part exact for anything that fits in int64.
  const long double scaled =
      static_cast<long double>(value) * static_cast<long double>(kPow10[precision]);
  const long double limit = static_cast<long double>(std::numeric_limits<std::int64_t>::max()) /
                            static_cast<long double>(kPow10[kFixedPrecision - precision]);
  if (std::fabs(scaled) >= limit) return std::nullopt;
  // nearbyintl rounds half to even in the default floating-point environment.
  const auto units = static_cast<std::int64_t>(std::nearbyintl(scaled));
  return units * kPow10[kFixedPrecision - precision];
}

}  // namespace fixed

namespace {
int clamp_precision(int precision) {
  return precision < 0 ? 0 : (precision > kFixedPrecision ? kFixedPrecision : precision);
}
}  // namespace

namespace fixed::slow {

// What the inline notional leaves: more than 9 decimals (rounded once, half to even) or a
// product beyond int64 (throws).
Money notional(Price price, Quantity quantity) {
  const int precision = clamp_precision(price.precision() + quantity.precision());
  return Money::from_raw(
      fixed::mul_div_rounded(price.raw(), quantity.raw(), kFixedScale, precision), precision);
}

}  // namespace fixed::slow

namespace fixed::slow {

// What the inline per_unit leaves: fractional or negative quantities, a precision to clamp,
// zero (throws) and overflow.
Price per_unit(Money amount, Quantity quantity, int precision) {
  if (quantity.is_zero()) throw std::invalid_argument("per_unit of a zero quantity");
  precision = clamp_precision(precision);
  return Price::from_raw(
      fixed::mul_div_rounded(amount.raw(), kFixedScale, quantity.raw(), precision), precision);
}

}  // namespace fixed::slow

Money scale(Money amount, std::int64_t numerator, std::int64_t denominator, int precision) {
  if (denominator == 0) throw std::invalid_argument("scale by a zero denominator");
  precision = clamp_precision(precision);
  return Money::from_raw(fixed::mul_div_rounded(amount.raw(), numerator, denominator, precision),
                         precision);
}

}  // namespace ibtrade
