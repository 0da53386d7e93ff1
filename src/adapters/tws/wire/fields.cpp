#include "adapters/tws/wire/fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "adapters/tws/wire/frame.hpp"

namespace ibtrade::tws {
namespace {

constexpr std::size_t kQuoteLimit = 40;

// The field text for an error message: quoted, cut at kQuoteLimit, control bytes escaped, so a
// hostile payload can't flood or garble a log line.
std::string quote(std::string_view text) {
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < kQuoteLimit; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (text.size() > kQuoteLimit) out += "...";
  out += "'";
  return out;
}

// The common decimal text of sizes ("100", "0.5", "-12.25": up to 9 digits on either side of
// the point) read straight into a raw value and precision, as fixed::parse reads it; anything
// else (a '+' sign, longer text, an exponent, the sentinels) is left to the full parse.
bool parse_plain_fixed(std::string_view text, std::int64_t& raw, int& precision) {
  static constexpr std::int64_t kScale[] = {
      1'000'000'000, 100'000'000, 10'000'000, 1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::int64_t integer = 0;
  const char* const integer_start = p;
  for (; p != end && *p >= '0' && *p <= '9'; ++p) {
    if (p - integer_start == 9) return false;  // before a 10th digit could overflow
    integer = integer * 10 + (*p - '0');
  }
  if (p == integer_start) return false;
  std::int64_t fraction = 0;
  int decimals = 0;
  if (p != end && *p == '.') {
    const char* const fraction_start = ++p;
    for (; p != end && *p >= '0' && *p <= '9'; ++p) {
      if (p - fraction_start == kFixedPrecision) return false;
      fraction = fraction * 10 + (*p - '0');
    }
    decimals = static_cast<int>(p - fraction_start);
    if (decimals == 0) return false;
  }
  if (p != end) return false;
  const std::int64_t magnitude = integer * kFixedScale + fraction * kScale[decimals];
  raw = negative ? -magnitude : magnitude;
  precision = decimals;
  return true;
}

bool is_unset_long(std::int64_t value) {
  return value == kUnsetInt || value == kUnsetLong;
}

enum class NumberStatus { kOk, kBad, kOverflow };

struct ParsedNumber {
  double value = 0.0;
  NumberStatus status = NumberStatus::kOk;
};

// Whether a numeral that overflowed a double did so upward (huge) rather than downward (tiny):
// the position of its first significant digit relative to the decimal point, after the
// exponent. Only called on text of digits, one '.', one sign and an exponent.
bool is_large_magnitude(std::string_view text) {
  const std::size_t e = text.find_first_of("eE");
  const std::string_view mantissa = text.substr(0, e);
  long long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = text.substr(e + 1);
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    // An exponent too long for 64 bits is certainly out of range in its own direction.
    if (parsed.ec == std::errc::result_out_of_range) return digits.front() != '-';
  }
  long long position = 0;  // digits before the point, or minus the zeros after it
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : mantissa) {
    if (c == '.') {
      seen_point = true;
    } else if (c >= '1' && c <= '9') {
      seen_digit = true;
      if (seen_point) break;
      ++position;
    } else if (c == '0') {
      if (seen_digit && !seen_point) ++position;
      if (!seen_digit && seen_point) --position;
    }
  }
  return position + exponent > 0;
}

// A double as the official clients accept it (Python float()), minus NaN: decimal or exponent
// notation, "Infinity"/"Infinite" (ib_insync 2.x misspells it) for +infinity.
// Plain decimals of up to 15 digits ("187.25", "-0.5", "100"), the usual prices: the digits as
// an integer and the power of ten are both exact doubles, so one division rounds correctly, as
// from_chars would (Clinger's fast path). Anything else is left to from_chars.
bool parse_plain_decimal(std::string_view text, double& value) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::uint64_t digits = 0;
  int count = 0;
  int decimals = 0;
  const char* const integer_start = p;
  for (; p != end && *p >= '0' && *p <= '9'; ++p, ++count) {
    if (count == 15) return false;
    digits = digits * 10 + static_cast<unsigned>(*p - '0');
  }
  if (p == integer_start) return false;
  if (p != end && *p == '.') {
    const char* const fraction_start = ++p;
    for (; p != end && *p >= '0' && *p <= '9'; ++p, ++count) {
      if (count == 15) return false;
      digits = digits * 10 + static_cast<unsigned>(*p - '0');
    }
    decimals = static_cast<int>(p - fraction_start);
    if (decimals == 0) return false;
  }
  if (p != end) return false;
  const double magnitude = static_cast<double>(digits) / kPow10[decimals];
  value = negative ? -magnitude : magnitude;
  return true;
}

ParsedNumber parse_number(std::string_view text) {
  if (double value = 0.0; parse_plain_decimal(text, value)) return {value, NumberStatus::kOk};
  if (text == "Infinity" || text == "Infinite" || text == "inf") {
    return {std::numeric_limits<double>::infinity(), NumberStatus::kOk};
  }
  if (text == "-Infinity" || text == "-Infinite" || text == "-inf") {
    return {-std::numeric_limits<double>::infinity(), NumberStatus::kOk};
  }
  if (text.empty()) return {0.0, NumberStatus::kBad};
  // from_chars also takes "nan" and "infinity" in any case; only plain numerals go through it.
  for (char c : text) {
    const bool ok =
        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    if (!ok) return {0.0, NumberStatus::kBad};
  }
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    if (ptr != last) return {0.0, NumberStatus::kBad};
    // Below the smallest subnormal: zero, as Python reads it.
    if (!is_large_magnitude(text)) return {0.0, NumberStatus::kOk};
    // Beyond Double.MAX_VALUE: a rounded-up sentinel. Only the positive side is IB's sentinel;
    // a huge negative number is garbage.
    if (text.front() == '-') return {0.0, NumberStatus::kBad};
    return {kUnsetDouble, NumberStatus::kOverflow};
  }
  if (ec != std::errc() || ptr != last) return {0.0, NumberStatus::kBad};
  return {value, NumberStatus::kOk};
}

}  // namespace

// --- FieldReader -----------------------------------------------------------------------------

FieldReader::FieldReader(std::string_view payload, std::string_view message)
    : rest_(payload), message_(message) {
  if (!payload.empty() && payload.back() != '\0') {
    fail_at(remaining(), "", "the payload does not end with a NUL, so its last field is cut off");
  }
}

std::size_t FieldReader::remaining() const {
  return static_cast<std::size_t>(std::count(rest_.begin(), rest_.end(), '\0'));
}

void FieldReader::fail_at(std::size_t field, std::string_view name, std::string_view problem) {
  if (failed_) return;
  failed_ = true;
  std::string text(message_);
  text += " field " + std::to_string(field);
  if (!name.empty()) {
    text += " (";
    text += name;
    text += ")";
  }
  text += ": ";
  text += problem;
  error_ = make_error(std::move(text));
}

void FieldReader::fail_last(std::string_view name, std::string_view problem) {
  fail_at(index_ == 0 ? 0 : index_ - 1, name, problem);
}

void FieldReader::fail_missing(std::string_view name) {
  fail_at(index_, name,
          "missing: the message ends after " + std::to_string(index_) +
              (index_ == 1 ? " field" : " fields"));
}

// Defined before the typed reads so that they inline it.
inline std::optional<std::string_view> FieldReader::next(std::string_view name) {
  if (failed_) return std::nullopt;
  if (rest_.empty()) {
    fail_missing(name);
    return std::nullopt;
  }
  // Fields are a few bytes long: an inline scan beats a call to memchr or strlen per field.
  // The payload ends with a NUL, so the scan stops inside it; the bound is there only so that
  // GCC doesn't turn the loop back into a strlen call.
  const char* const begin = rest_.data();
  const char* const limit = begin + rest_.size();
  const char* end = begin;
  while (end != limit && *end != '\0')
    ++end;
  const auto length = static_cast<std::size_t>(end - begin);
  std::string_view field(begin, length);
  rest_.remove_prefix(length + 1);
  ++index_;
  return field;
}

std::string FieldReader::string(std::string_view name) {
  auto field = next(name);
  return field ? std::string(*field) : std::string();
}

void FieldReader::skip(std::string_view name) {
  (void)next(name);
}

// Ids, counts and tick types are short: up to 18 digits can't overflow, so they are summed
// directly; anything else (longer, or not a plain numeral) goes through from_chars and its
// errors. libstdc++'s generic from_chars was the largest single cost of decoding a tick.
inline bool parse_short_integer(std::string_view field, std::int64_t& value) {
  const bool negative = !field.empty() && field.front() == '-';
  const std::string_view digits = negative ? field.substr(1) : field;
  if (digits.empty() || digits.size() > 18) return false;
  std::int64_t sum = 0;
  for (char c : digits) {
    const auto digit = static_cast<unsigned char>(c - '0');
    if (digit > 9) return false;
    sum = sum * 10 + digit;
  }
  value = negative ? -sum : sum;
  return true;
}

std::optional<std::int64_t> FieldReader::parse_integer(std::string_view field,
                                                       std::string_view name) {
  std::int64_t value = 0;
  if (parse_short_integer(field, value)) return value;
  const char* last = field.data() + field.size();
  auto [ptr, ec] = std::from_chars(field.data(), last, value);
  if (ec == std::errc::result_out_of_range) {
    fail_last(name, quote(field) + " is out of range for a 64-bit integer");
    return std::nullopt;
  }
  if (ec != std::errc() || ptr != last) {
    fail_last(name, quote(field) + " is not an integer");
    return std::nullopt;
  }
  return value;
}

int FieldReader::narrow(std::int64_t value, std::string_view name) {
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    fail_last(name, "'" + std::to_string(value) + "' is out of range for a 32-bit integer");
    return 0;
  }
  return static_cast<int>(value);
}

std::int64_t FieldReader::int64(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return 0;
  return parse_integer(*field, name).value_or(0);
}

int FieldReader::int32(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return 0;
  // Up to 9 digits always fit.
  if (std::int64_t value = 0; field->size() <= 9 && parse_short_integer(*field, value)) {
    return static_cast<int>(value);
  }
  auto value = parse_integer(*field, name);
  return value ? narrow(*value, name) : 0;
}

double FieldReader::number(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return 0.0;
  const ParsedNumber parsed = parse_number(*field);
  if (parsed.status == NumberStatus::kBad) {
    fail_last(name, quote(*field) + " is not a number");
    return 0.0;
  }
  return parsed.value;
}

bool FieldReader::boolean(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return false;
  std::int64_t value = 0;
  const char* last = field->data() + field->size();
  auto [ptr, ec] = std::from_chars(field->data(), last, value);
  if (ec != std::errc() || ptr != last) {
    fail_last(name, quote(*field) + " is not a bool (0 or 1)");
    return false;
  }
  return value != 0;
}

std::optional<std::int64_t> FieldReader::optional_int64(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return std::nullopt;
  auto value = parse_integer(*field, name);
  if (!value || is_unset_long(*value)) return std::nullopt;
  return value;
}

std::optional<int> FieldReader::optional_int32(std::string_view name) {
  auto value = optional_int64(name);
  if (!value) return std::nullopt;
  const int narrowed = narrow(*value, name);
  if (failed_) return std::nullopt;
  return narrowed;
}

std::optional<double> FieldReader::optional_number(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return std::nullopt;
  const ParsedNumber parsed = parse_number(*field);
  if (parsed.status == NumberStatus::kBad) {
    fail_last(name, quote(*field) + " is not a number");
    return std::nullopt;
  }
  // Double.MAX_VALUE in any spelling is "unset"; +infinity is a value ("up to mid").
  if (parsed.status == NumberStatus::kOverflow || parsed.value == kUnsetDouble) {
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<bool> FieldReader::optional_boolean(std::string_view name) {
  auto field = next(name);
  if (!field || field->empty()) return std::nullopt;
  std::int64_t value = 0;
  const char* last = field->data() + field->size();
  auto [ptr, ec] = std::from_chars(field->data(), last, value);
  if (ec != std::errc() || ptr != last) {
    fail_last(name, quote(*field) + " is not a bool (0 or 1)");
    return std::nullopt;
  }
  if (is_unset_long(value)) return std::nullopt;
  return value != 0;
}

std::optional<FieldReader::RawDecimal> FieldReader::decimal_raw(std::string_view name,
                                                                bool allow_unset) {
  auto field = next(name);
  if (!field) return std::nullopt;
  if (field->empty()) {
    if (allow_unset) return std::nullopt;
    return RawDecimal{};
  }
  // 9 digits before the point can't spell Integer.MAX_VALUE: no sentinel check needed.
  if (RawDecimal plain; parse_plain_fixed(*field, plain.raw, plain.precision)) return plain;
  auto exact = fixed::parse(*field, "decimal");
  if (exact) {
    // Integer.MAX_VALUE fits a fixed-point value, so the sentinel is recognised by value; a
    // real size of exactly 2147483647 does not occur.
    if (exact->raw == static_cast<std::int64_t>(kUnsetInt) * kFixedScale) {
      if (!allow_unset)
        fail_last(name, quote(*field) + " is the unset sentinel; a value is needed");
      return std::nullopt;
    }
    return RawDecimal{exact->raw, exact->precision};
  }
  const ParsedNumber parsed = parse_number(*field);
  if (parsed.status == NumberStatus::kBad) {
    fail_last(name, quote(*field) + " is not a number");
    return std::nullopt;
  }
  // Long.MAX_VALUE and Double.MAX_VALUE overflow the exact parse and land here.
  const bool sentinel = parsed.status == NumberStatus::kOverflow || parsed.value == kUnsetDouble ||
                        parsed.value == static_cast<double>(kUnsetLong);
  if (sentinel) {
    if (!allow_unset) fail_last(name, quote(*field) + " is the unset sentinel; a value is needed");
    return std::nullopt;
  }
  auto raw = fixed::from_double(parsed.value, kFixedPrecision);
  if (!raw) {
    fail_last(name, quote(*field) + " is out of range for a fixed-point decimal");
    return std::nullopt;
  }
  return RawDecimal{*raw, fixed::exact_precision(*raw)};
}

std::size_t FieldReader::count(std::string_view name, std::size_t fields_per_item) {
  const std::int64_t value = int64(name);
  if (failed_) return 0;
  if (value < 0) {
    fail_last(name, "count " + std::to_string(value) + " is negative");
    return 0;
  }
  const auto items = static_cast<std::uint64_t>(value);
  const std::size_t left = remaining();
  if (fields_per_item > 0 && items > left / fields_per_item) {
    fail_last(name, std::to_string(items) + " items of " + std::to_string(fields_per_item) +
                        " fields can't fit in the " + std::to_string(left) + " fields left");
    return 0;
  }
  return static_cast<std::size_t>(items);
}

int FieldReader::version(std::string_view name, int minimum) {
  const int value = int32(name);
  if (!failed_ && value < minimum) {
    fail_last(name, "version " + std::to_string(value) + " is not supported (need " +
                        std::to_string(minimum) + " or later)");
  }
  return value;
}

Status FieldReader::finish(Trailing trailing) {
  if (failed_) return error_;
  if (trailing == Trailing::kReject && !rest_.empty()) {
    auto field = rest_.substr(0, rest_.find('\0'));
    return make_error(std::string(message_) + ": " + std::to_string(size()) + " fields where " +
                      std::to_string(index_) + " were expected (field " + std::to_string(index_) +
                      " is " + quote(field) + ")");
  }
  return {};
}

// --- FieldWriter -----------------------------------------------------------------------------

namespace {

constexpr std::size_t kMaxNumberText = 32;  // "-2.2250738585072014e-308" is 24

// Decimal digits of `value`; returns the end.
char* write_unsigned(char* out, std::uint64_t value) {
  return std::to_chars(out, out + 20, value).ptr;
}

// Python's repr of a finite double into `out` (kMaxNumberText bytes); returns the end.
char* write_python_repr(char* out, double value) {
  const bool negative = std::signbit(value);
  const double magnitude = std::fabs(value);
  // Fast paths whose output is provably the shortest round trip, so they match the general
  // path below byte for byte (fields_test checks them against it):
  // * whole numbers below 2^53: every neighbour is at most 1 away, so no shorter digit string
  //   reads back as the same double: the integer's digits, then ".0";
  // * at most 4 decimals below 2^32: doubles there are less than 1e-6 apart, so the decimal
  //   text with <= 4 decimals that reads back as the value is unique and no text with more
  //   decimals is as short.
  if (magnitude < 4294967296.0) {
    // The nearest whole number of 1e-4 units (truncating after adding a half: no call into
    // libm, and the check below catches any value that is not such a decimal).
    const auto units = static_cast<std::uint64_t>(magnitude * 1e4 + 0.5);
    if (static_cast<double>(units) / 1e4 == magnitude) {
      if (negative) *out++ = '-';
      out = write_unsigned(out, units / 10000);
      *out++ = '.';
      std::uint64_t fraction = units % 10000;
      if (fraction == 0) {
        *out++ = '0';
        return out;
      }
      for (std::uint64_t unit = 1000; fraction != 0; unit /= 10) {
        *out++ = static_cast<char>('0' + fraction / unit);
        fraction %= unit;
      }
      return out;
    }
  } else if (magnitude < 9007199254740992.0 && magnitude == std::trunc(magnitude)) {
    if (negative) *out++ = '-';
    out = write_unsigned(out, static_cast<std::uint64_t>(magnitude));
    *out++ = '.';
    *out++ = '0';
    return out;
  }
  // Shortest round-trip digits in scientific form ("1.5025e+02"), then laid out the way
  // Python's repr does: positional when the decimal exponent is in [-4, 16), else scientific.
  char sci[kMaxNumberText];
  const char* const sci_end =
      std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific).ptr;
  const char* const sci_begin = sci;
  const char* const e = std::find(sci_begin, sci_end, 'e');
  int exponent = 0;
  std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), sci_end, exponent);
  const int point = exponent + 1;  // digits before the decimal point
  if (point <= -4 || point > 16) return std::copy(sci_begin, sci_end, out);
  char digits[20];
  int ndigits = 0;
  for (const char* p = sci_begin + (negative ? 1 : 0); p != e; ++p) {
    if (*p != '.') digits[ndigits++] = *p;
  }
  if (negative) *out++ = '-';
  if (point <= 0) {
    *out++ = '0';
    *out++ = '.';
    out = std::fill_n(out, -point, '0');
    out = std::copy(digits, digits + ndigits, out);
  } else if (point >= ndigits) {
    out = std::copy(digits, digits + ndigits, out);
    out = std::fill_n(out, point - ndigits, '0');
    *out++ = '.';
    *out++ = '0';
  } else {
    out = std::copy(digits, digits + point, out);
    *out++ = '.';
    out = std::copy(digits + point, digits + ndigits, out);
  }
  return out;
}

// The text of a number field into `out` (kMaxNumberText bytes); returns the end.
char* write_number(char* out, double value) {
  if (std::isnan(value)) throw std::invalid_argument("a TWS field can't hold NaN");
  if (std::isinf(value)) {
    const std::string_view text = value > 0 ? "Infinity" : "-Infinity";
    return std::copy(text.begin(), text.end(), out);
  }
  return write_python_repr(out, value);
}

}  // namespace

void FieldWriter::throw_nul() {
  throw std::invalid_argument("a TWS field can't contain a NUL byte");
}

void FieldWriter::grow(std::size_t n) {
  // Within the capacity when payload() only trimmed the room; else doubling.
  buffer_.resize(std::max({used_ + n, buffer_.capacity(), 2 * buffer_.size()}));
}

FieldWriter& FieldWriter::long_string(std::string_view text) {
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) throw_nul();
  char* const out = room(text.size() + 1);
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return commit(text.size() + 1);
}

FieldWriter& FieldWriter::known_text(std::string_view text) {
  char* const out = room(text.size() + 1);
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return commit(text.size() + 1);
}

FieldWriter& FieldWriter::long_integer(std::int64_t value) {
  char* const out = room(21);  // "-9223372036854775808" and its NUL
  char* const end = std::to_chars(out, out + 20, value).ptr;
  *end = '\0';
  return commit(static_cast<std::size_t>(end - out) + 1);
}

FieldWriter& FieldWriter::number(double value) {
  char* const out = room(kMaxNumberText + 1);
  char* const end = write_number(out, value);
  *end = '\0';
  return commit(static_cast<std::size_t>(end - out) + 1);
}

FieldWriter& FieldWriter::whole_or_number(double value) {
  if (std::isfinite(value) && std::fabs(value) < 1e15 && value == std::trunc(value)) {
    return integer(static_cast<std::int64_t>(value));
  }
  return number(value);
}

FieldWriter& FieldWriter::number_or_unset(std::optional<double> value) {
  if (value) return number(*value);
  return known_text(dialect_ == Dialect::kClient ? "1.7976931348623157e+308"
                                                 : "1.7976931348623157E308");
}

FieldWriter& FieldWriter::fixed_point(std::int64_t raw, int precision) {
  // As fixed::format: the whole units, then `precision` decimals (truncated, zero-padded).
  // The magnitude is unsigned so that INT64_MIN writes too.
  static constexpr std::uint64_t kUnit[] = {
      1'000'000'000, 100'000'000, 10'000'000, 1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};
  const bool negative = raw < 0;
  const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(raw)
                                           : static_cast<std::uint64_t>(raw);
  const auto scale = static_cast<std::uint64_t>(kFixedScale);
  char* const start = room(32);  // sign, 11 digits, point, 9 decimals, NUL
  char* out = start;
  if (negative) *out++ = '-';
  out = write_unsigned(out, magnitude / scale);
  if (precision > 0) {
    *out++ = '.';
    std::uint64_t fraction = magnitude % scale / kUnit[precision];
    for (int i = precision - 1; i >= 0; --i) {
      out[i] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    out += precision;
  }
  *out = '\0';
  return commit(static_cast<std::size_t>(out - start) + 1);
}

std::string FieldWriter::take_frame() && {
  buffer_.resize(used_);
  if (used_ > kMaxFrameLength) {
    throw std::length_error("TWS frame of " + std::to_string(used_) +
                            " bytes exceeds the 16 MiB limit");
  }
  const auto n = static_cast<std::uint32_t>(used_);
  const char prefix[4] = {static_cast<char>((n >> 24) & 0xff), static_cast<char>((n >> 16) & 0xff),
                          static_cast<char>((n >> 8) & 0xff), static_cast<char>(n & 0xff)};
  buffer_.insert(0, prefix, 4);  // moves the payload within the reserved room: no new buffer
  return std::move(buffer_);
}

std::string format_number(double value) {
  char buffer[kMaxNumberText];
  return std::string(buffer, write_number(buffer, value));
}

}  // namespace ibtrade::tws
