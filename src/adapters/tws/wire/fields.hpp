// Field codec of the TWS text protocol: a payload is a run of NUL-terminated text fields. A
// FieldReader reads typed fields with sticky errors; a FieldWriter writes them. One per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/fixed_point.hpp"
#include "core/result.hpp"

namespace ibtrade::tws {

// IB's "unset" sentinels (Integer.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE).
inline constexpr int kUnsetInt = std::numeric_limits<int>::max();
inline constexpr std::int64_t kUnsetLong = std::numeric_limits<std::int64_t>::max();
inline constexpr double kUnsetDouble = std::numeric_limits<double>::max();

// What to do with fields after the last one a message defines. Real clients differ: the
// official Python client drops "simple" messages with extra fields, while a client talking to a
// newer Gateway may prefer to ignore them (protocol doc, Appendix B).
enum class Trailing { kReject, kIgnore };

// Who writes: the official clients spell the unset double as Python's repr
// ("1.7976931348623157e+308"); TWS spells it as Java's Double.toString ("...E308"). Decoders
// accept both; encoders use the spelling of the side they play.
enum class Dialect { kClient, kServer };

// Reads the fields of one payload in order. Every read names the field; the first failure is
// kept (later reads return defaults and read nothing), so a decoder reads straight through and
// checks once at the end with finish(). Errors read
// "ORDER_STATUS field 3 (filled): 'abc' is not a number".
class FieldReader {
 public:
  // `message` names the message in errors (IB's name, e.g. "ORDER_STATUS") and, like `payload`,
  // must outlive the reader. A payload that does not end in NUL has a cut-off last field and
  // fails at once.
  FieldReader(std::string_view payload, std::string_view message);

  std::string_view message() const { return message_; }
  // Index of the next field (0 = the message id), and how many the payload holds. size() and
  // remaining() count the fields left (decoders rarely need them: reads find the end themselves).
  std::size_t index() const { return index_; }
  std::size_t size() const { return index_ + remaining(); }
  std::size_t remaining() const;
  // No field left to read.
  bool at_end() const { return rest_.empty(); }
  bool ok() const { return !failed_; }
  const Error& error() const { return error_; }

  // Text as is.
  std::string string(std::string_view name);
  // Integers: "" reads as 0 (what every client does for plain numeric fields).
  int int32(std::string_view name);
  std::int64_t int64(std::string_view name);
  // Doubles: "" reads as 0.0; "Infinity"/"Infinite" as +infinity; NaN is refused.
  double number(std::string_view name);
  // "0"/"1" (any integer: non-zero is true, as the clients read it); "" reads as false.
  bool boolean(std::string_view name);
  // The same with IB's "unset" conventions (fields marked "(u)" or "handle-empty" in the
  // protocol doc): "" and the sentinels read as nullopt.
  std::optional<int> optional_int32(std::string_view name);           // "", 2147483647
  std::optional<std::int64_t> optional_int64(std::string_view name);  // "", int/long max
  std::optional<double> optional_number(std::string_view name);       // "", >= Double.MAX
  std::optional<bool> optional_boolean(std::string_view name);        // ""
  // IB's Decimal fields (sizes, quantities), read exactly as decimal text into a fixed-point
  // value; text with more than 9 decimals or an exponent is rounded once (half to even) to 9.
  // "" reads as 0; a sentinel is an error where a value is required.
  template <class Tag>
  Decimal<Tag> decimal(std::string_view name) {
    auto raw = decimal_raw(name, false);
    return raw ? Decimal<Tag>::from_raw(raw->raw, raw->precision) : Decimal<Tag>();
  }
  // "" and the sentinels (2147483647, 9223372036854775807, >= Double.MAX) read as nullopt.
  template <class Tag>
  std::optional<Decimal<Tag>> optional_decimal(std::string_view name) {
    auto raw = decimal_raw(name, true);
    if (!raw) return std::nullopt;
    return Decimal<Tag>::from_raw(raw->raw, raw->precision);
  }
  // A repeat count followed by `fields_per_item` fields per item: refused when negative or when
  // the items cannot fit in the fields left (so a count never drives a huge allocation).
  std::size_t count(std::string_view name, std::size_t fields_per_item);
  // A per-message version number; refused below `minimum` (older layouts are not implemented).
  int version(std::string_view name, int minimum);
  // Reads and drops a field (deprecated fields such as sharesAllocation).
  void skip(std::string_view name);

  // Records a problem with the field read last (`name`), e.g. an unexpected message id.
  void fail_last(std::string_view name, std::string_view problem);
  // OK when every read succeeded and, with Trailing::kReject, no field is left over.
  Status finish(Trailing trailing);

 private:
  struct RawDecimal {
    std::int64_t raw = 0;
    int precision = 0;
  };
  std::optional<std::string_view> next(std::string_view name);
  void fail_missing(std::string_view name);
  std::optional<std::int64_t> parse_integer(std::string_view field, std::string_view name);
  int narrow(std::int64_t value, std::string_view name);
  std::optional<RawDecimal> decimal_raw(std::string_view name, bool allow_unset);
  void fail_at(std::size_t field, std::string_view name, std::string_view problem);

  // Bytes after the fields read so far. The payload ends with a NUL (else the reader fails at
  // once), so a field's end is always found by scanning for the next NUL.
  std::string_view rest_;
  std::string_view message_;
  std::size_t index_ = 0;
  bool failed_ = false;
  Error error_;
};

// Writes fields in order, each terminated by NUL, in the spellings real clients (Dialect::kClient)
// or TWS (Dialect::kServer) use. A field can't hold a NUL byte: writing one is a caller bug
// and throws std::invalid_argument, as does a NaN double (IB clients never send "nan").
class FieldWriter {
 public:
  // Room for a PLACE_ORDER's 114 mostly empty fields up front: growing the payload as fields
  // arrive was a large part of encoding an order.
  explicit FieldWriter(Dialect dialect) : dialect_(dialect) { buffer_.resize(kInitialCapacity); }
  static constexpr std::size_t kInitialCapacity = 512;

  FieldWriter& string(std::string_view text) {
    if (text.size() > kShortText) return long_string(text);
    char* out = room(text.size() + 1);
    for (char c : text) {  // copies and checks in one pass
      if (c == '\0') throw_nul();
      *out++ = c;
    }
    *out = '\0';
    return commit(text.size() + 1);
  }
  FieldWriter& empty() {  // most fields of an order are unset
    *room(1) = '\0';
    return commit(1);
  }
  FieldWriter& integer(std::int64_t value) {
    if (value < 0 || value > 9) return long_integer(value);
    return digit(static_cast<int>(value));  // flags, enums and zeros: most integers of an order
  }
  FieldWriter& boolean(bool value) { return digit(value ? 1 : 0); }
  // Python's repr of a float, which is what the official client sends: shortest round trip,
  // "0.0", "150.25", "1e+16", "1.5e-05"; infinities as "Infinity"/"-Infinity".
  FieldWriter& number(double value);
  // A double the official client holds as a Python int by default (discretionaryAmt): whole
  // values go out without ".0" ("0"), others as number().
  FieldWriter& whole_or_number(double value);
  // Unset as "" (IB's "handle-empty" fields; what ib_insync sends for every unset numeric).
  FieldWriter& optional_int(std::optional<std::int64_t> value) {
    return value ? integer(*value) : empty();
  }
  FieldWriter& optional_number(std::optional<double> value) {
    return value ? number(*value) : empty();
  }
  FieldWriter& optional_boolean(std::optional<bool> value) {
    return value ? boolean(*value) : empty();
  }
  // Unset as the sentinel itself, for fields real senders never leave empty.
  FieldWriter& int_or_unset(std::optional<int> value) {
    return value ? integer(*value) : known_text("2147483647");
  }
  FieldWriter& number_or_unset(std::optional<double> value);  // spelled per dialect
  // The decimal text of the value at its precision (Decimal::to_string(), without the string).
  template <class Tag>
  FieldWriter& decimal(Decimal<Tag> value) {
    return fixed_point(value.raw(), value.precision());
  }
  template <class Tag>
  FieldWriter& optional_decimal(std::optional<Decimal<Tag>> value) {
    return value ? decimal(*value) : empty();
  }

  std::size_t size() const { return count_; }
  // The fields written so far; the reference holds them until the next write.
  const std::string& payload() const {
    buffer_.resize(used_);  // drops the spare room; writing again makes more
    return buffer_;
  }
  std::string take() && {
    buffer_.resize(used_);
    return std::move(buffer_);
  }
  // The payload with its 4-byte length prefix (what encode_frame() makes of take()), built in
  // place without copying the payload into a second string.
  std::string take_frame() &&;

 private:
  // Where the next `n` bytes go; they count once commit(n) says so.
  char* room(std::size_t n) {
    if (buffer_.size() - used_ < n) grow(n);
    return buffer_.data() + used_;
  }
  FieldWriter& commit(std::size_t n) {
    used_ += n;
    ++count_;
    return *this;
  }
  // Longer texts are checked and copied with memchr and memcpy.
  static constexpr std::size_t kShortText = 8;
  FieldWriter& long_string(std::string_view text);
  FieldWriter& long_integer(std::int64_t value);
  // A text known to hold no NUL (the sentinels' spellings).
  FieldWriter& known_text(std::string_view text);
  FieldWriter& digit(int value) {
    char* out = room(2);
    out[0] = static_cast<char>('0' + value);
    out[1] = '\0';
    return commit(2);
  }
  void grow(std::size_t n);
  FieldWriter& fixed_point(std::int64_t raw, int precision);
  [[noreturn]] static void throw_nul();

  // [0, used_) of buffer_ is the payload; the rest is room to write into. used_ and count_ are
  // kept apart: side by side, GCC updates them as one 16-byte vector, and reading that pair
  // right after the two 8-byte stores of the previous field stalls store forwarding (it
  // doubled the time of encoding an order).
  std::size_t used_ = 0;
  // mutable: payload() trims the room.
  mutable std::string buffer_;
  std::size_t count_ = 0;
  Dialect dialect_;
};

// Python repr of a double (see FieldWriter::number); exposed for tests and the mapping layer.
std::string format_number(double value);

}  // namespace ibtrade::tws
