#include "adapters/tws/wire/fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

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
ParsedNumber parse_number(std::string_view text) {
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
  count_ = static_cast<std::size_t>(std::count(payload.begin(), payload.end(), '\0'));
  if (!payload.empty() && payload.back() != '\0') {
    fail_at(count_, "", "the payload does not end with a NUL, so its last field is cut off");
  }
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

std::optional<std::string_view> FieldReader::next(std::string_view name) {
  if (failed_) return std::nullopt;
  if (index_ >= count_) {
    fail_at(index_, name,
            "missing: the message ends after " + std::to_string(count_) +
                (count_ == 1 ? " field" : " fields"));
    return std::nullopt;
  }
  // Fields are a few bytes long: an inline scan beats a memchr call per field. count_ says a
  // NUL is ahead, so the scan stops inside the payload.
  std::size_t end = 0;
  while (rest_[end] != '\0')
    ++end;
  std::string_view field = rest_.substr(0, end);
  rest_.remove_prefix(end + 1);
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

std::optional<std::int64_t> FieldReader::parse_integer(std::string_view field,
                                                       std::string_view name) {
  // Ids, counts and tick types are short: up to 18 digits can't overflow, so they are summed
  // directly; anything else (longer, or not a plain numeral) goes through from_chars and its
  // errors. libstdc++'s generic from_chars was the largest single cost of decoding a tick.
  const bool negative = !field.empty() && field.front() == '-';
  const std::string_view digits = negative ? field.substr(1) : field;
  if (!digits.empty() && digits.size() <= 18) {
    std::int64_t sum = 0;
    bool plain = true;
    for (char c : digits) {
      const auto digit = static_cast<unsigned char>(c - '0');
      if (digit > 9) {
        plain = false;
        break;
      }
      sum = sum * 10 + digit;
    }
    if (plain) return negative ? -sum : sum;
  }
  std::int64_t value = 0;
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
  if (trailing == Trailing::kReject && index_ < count_) {
    auto field = rest_.substr(0, rest_.find('\0'));
    return make_error(std::string(message_) + ": " + std::to_string(count_) + " fields where " +
                      std::to_string(index_) + " were expected (field " + std::to_string(index_) +
                      " is " + quote(field) + ")");
  }
  return {};
}

// --- FieldWriter -----------------------------------------------------------------------------

FieldWriter& FieldWriter::string(std::string_view text) {
  if (text.empty()) {  // most fields of an order are unset
    payload_.push_back('\0');
    ++count_;
    return *this;
  }
  if (text.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("a TWS field can't contain a NUL byte");
  }
  payload_.append(text);
  payload_.push_back('\0');
  ++count_;
  return *this;
}

FieldWriter& FieldWriter::integer(std::int64_t value) {
  char buffer[24];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;
  return string(std::string_view(buffer, static_cast<std::size_t>(ptr - buffer)));
}

FieldWriter& FieldWriter::number(double value) {
  return string(format_number(value));
}

FieldWriter& FieldWriter::whole_or_number(double value) {
  if (std::isfinite(value) && std::fabs(value) < 1e15 && value == std::trunc(value)) {
    return integer(static_cast<std::int64_t>(value));
  }
  return number(value);
}

FieldWriter& FieldWriter::optional_int(std::optional<std::int64_t> value) {
  return value ? integer(*value) : empty();
}

FieldWriter& FieldWriter::optional_number(std::optional<double> value) {
  return value ? number(*value) : empty();
}

FieldWriter& FieldWriter::optional_boolean(std::optional<bool> value) {
  return value ? boolean(*value) : empty();
}

FieldWriter& FieldWriter::int_or_unset(std::optional<int> value) {
  return integer(value ? *value : kUnsetInt);
}

FieldWriter& FieldWriter::number_or_unset(std::optional<double> value) {
  if (value) return number(*value);
  return string(dialect_ == Dialect::kClient ? "1.7976931348623157e+308"
                                             : "1.7976931348623157E308");
}

std::string format_number(double value) {
  if (std::isnan(value)) throw std::invalid_argument("a TWS field can't hold NaN");
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  // Shortest round-trip digits in scientific form ("1.5025e+02"), then laid out the way
  // Python's repr does: positional when the decimal exponent is in [-4, 16), else scientific.
  char buffer[40];
  auto [ptr, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  (void)ec;
  const std::string_view sci(buffer, static_cast<std::size_t>(ptr - buffer));
  const std::size_t e = sci.find('e');
  std::string_view mantissa = sci.substr(0, e);
  int exponent = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+' ? 1 : 0), sci.data() + sci.size(),
                  exponent);
  std::string sign;
  if (!mantissa.empty() && mantissa.front() == '-') {
    sign = "-";
    mantissa.remove_prefix(1);
  }
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  const int point = exponent + 1;  // digits before the decimal point
  if (point <= -4 || point > 16) return std::string(sci);
  const auto ndigits = static_cast<int>(digits.size());
  std::string out = sign;
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out += digits;
  } else if (point >= ndigits) {
    out += digits;
    out.append(static_cast<std::size_t>(point - ndigits), '0');
    out += ".0";
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(point));
  }
  return out;
}

}  // namespace ibtrade::tws
