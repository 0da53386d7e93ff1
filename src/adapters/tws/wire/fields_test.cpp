// Field codec: typed reads with IB's unset conventions, errors naming message and field, and the
// writer's spellings (Python repr for doubles, sentinels per dialect).
#include "adapters/tws/wire/fields.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>

#include <gtest/gtest.h>

#include "adapters/tws/testing/doc_payload.hpp"
#include "adapters/tws/wire/frame.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;
using testing::fields;

TEST(FieldReader, ReadsTypedFieldsInOrder) {
  const std::string payload = doc_payload("3|1001|Submitted|0|100|150.25|-7|1");
  FieldReader r(payload, "ORDER_STATUS");
  EXPECT_EQ(r.size(), 8u);
  EXPECT_EQ(r.int32("msgId"), 3);
  EXPECT_EQ(r.int64("orderId"), 1001);
  EXPECT_EQ(r.string("status"), "Submitted");
  EXPECT_EQ(r.decimal<QuantityTag>("filled"), Quantity::from_units(0));
  EXPECT_EQ(r.decimal<QuantityTag>("remaining"), Quantity::from_units(100));
  EXPECT_EQ(r.number("avgFillPrice"), 150.25);
  EXPECT_EQ(r.int32("x"), -7);
  EXPECT_TRUE(r.boolean("flag"));
  EXPECT_EQ(r.remaining(), 0u);
  EXPECT_TRUE(r.finish(Trailing::kReject).ok());
}

TEST(FieldReader, EmptyPlainFieldsReadAsZeroAndFalse) {
  const std::string payload = fields({"", "", "", "", ""});
  FieldReader r(payload, "M");
  EXPECT_EQ(r.int32("a"), 0);
  EXPECT_EQ(r.int64("b"), 0);
  EXPECT_EQ(r.number("c"), 0.0);
  EXPECT_FALSE(r.boolean("d"));
  EXPECT_EQ(r.decimal<QuantityTag>("e"), Quantity());
  EXPECT_TRUE(r.finish(Trailing::kReject).ok());
}

TEST(FieldReader, EverySpellingOfUnsetReadsAsNullopt) {
  // protocol doc 2.2: "", 2147483647, 9223372036854775807, Double.MAX in either case of e/E.
  const std::string ints = fields({"", "2147483647", "9223372036854775807", "42"});
  FieldReader ri(ints, "M");
  EXPECT_EQ(ri.optional_int64("a"), std::nullopt);
  EXPECT_EQ(ri.optional_int64("b"), std::nullopt);
  EXPECT_EQ(ri.optional_int64("c"), std::nullopt);
  EXPECT_EQ(ri.optional_int64("d"), 42);
  EXPECT_TRUE(ri.finish(Trailing::kReject).ok());

  const std::string huge(400, '9');  // no exponent, still beyond Double.MAX
  const std::string doubles =
      fields({"", "1.7976931348623157E308", "1.7976931348623157e+308", "1.8e308", "0.0", "-1",
              "Infinity", "Infinite", huge, "0.00000000000000000000000000001e-300"});
  FieldReader rd(doubles, "M");
  EXPECT_EQ(rd.optional_number("a"), std::nullopt);
  EXPECT_EQ(rd.optional_number("b"), std::nullopt);
  EXPECT_EQ(rd.optional_number("c"), std::nullopt);
  EXPECT_EQ(rd.optional_number("d"), std::nullopt);  // beyond Double.MAX: still the sentinel
  EXPECT_EQ(rd.optional_number("e"), 0.0);           // zero is a value, not unset
  EXPECT_EQ(rd.optional_number("f"), -1.0);
  // +infinity is a value (competeAgainstBestOffset "up to mid"), in both spellings.
  EXPECT_EQ(rd.optional_number("g"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(rd.optional_number("h"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(rd.optional_number("i"), std::nullopt);
  EXPECT_EQ(rd.optional_number("j"), 0.0);  // below the smallest subnormal
  EXPECT_TRUE(rd.finish(Trailing::kReject).ok());

  const std::string decimals =
      fields({"", "2147483647", "9223372036854775807", "1.7976931348623157E308", "0.5"});
  FieldReader rq(decimals, "M");
  EXPECT_EQ(rq.optional_decimal<QuantityTag>("a"), std::nullopt);
  EXPECT_EQ(rq.optional_decimal<QuantityTag>("b"), std::nullopt);
  EXPECT_EQ(rq.optional_decimal<QuantityTag>("c"), std::nullopt);
  EXPECT_EQ(rq.optional_decimal<QuantityTag>("d"), std::nullopt);
  EXPECT_EQ(rq.optional_decimal<QuantityTag>("e"), Quantity::parse("0.5").value());
  EXPECT_TRUE(rq.finish(Trailing::kReject).ok());

  const std::string bools = fields({"", "0", "1", "2"});
  FieldReader rb(bools, "M");
  EXPECT_EQ(rb.optional_boolean("a"), std::nullopt);
  EXPECT_EQ(rb.optional_boolean("b"), false);
  EXPECT_EQ(rb.optional_boolean("c"), true);
  EXPECT_EQ(rb.optional_boolean("d"), true);  // non-zero is true, as the clients read it
}

TEST(FieldReader, DecimalsAreExactAndLongOnesRoundOnce) {
  const std::string payload = fields({"100", "0.5", "-3", "123.4567891234", "1E+2"});
  FieldReader r(payload, "M");
  const Quantity a = r.decimal<QuantityTag>("a");
  EXPECT_EQ(a.raw(), 100 * kFixedScale);
  EXPECT_EQ(a.to_string(), "100");
  EXPECT_EQ(r.decimal<QuantityTag>("b").to_string(), "0.5");
  EXPECT_EQ(r.decimal<QuantityTag>("c").to_string(), "-3");
  // More than 9 decimals: rounded half to even at 1e-9.
  EXPECT_EQ(r.decimal<QuantityTag>("d").to_string(), "123.456789123");
  // Java's BigDecimal may print an exponent.
  EXPECT_EQ(r.decimal<QuantityTag>("e").to_string(), "100");
  EXPECT_TRUE(r.finish(Trailing::kReject).ok());
}

TEST(FieldReader, RequiredDecimalRefusesTheSentinel) {
  const std::string payload = fields({"2147483647"});
  FieldReader r(payload, "ORDER_STATUS");
  (void)r.decimal<QuantityTag>("filled");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "ORDER_STATUS field 0 (filled): '2147483647' is the unset sentinel; a value is needed");
}

TEST(FieldReader, BadNumberNamesMessageFieldAndText) {
  const std::string payload = doc_payload("3|1001|Submitted|abc");
  FieldReader r(payload, "ORDER_STATUS");
  r.skip("msgId");
  r.skip("orderId");
  r.skip("status");
  (void)r.decimal<QuantityTag>("filled");
  ASSERT_FALSE(r.finish(Trailing::kReject).ok());
  EXPECT_EQ(r.error().message, "ORDER_STATUS field 3 (filled): 'abc' is not a number");
}

TEST(FieldReader, IntegerErrors) {
  const auto error_of = [](std::string_view text, bool wide) {
    const std::string payload = fields({text});
    FieldReader r(payload, "M");
    if (wide) {
      (void)r.int64("n");
    } else {
      (void)r.int32("n");
    }
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_EQ(error_of("1.0", false), "M field 0 (n): '1.0' is not an integer");
  EXPECT_EQ(error_of("12x", false), "M field 0 (n): '12x' is not an integer");
  EXPECT_EQ(error_of(" 1", false), "M field 0 (n): ' 1' is not an integer");
  EXPECT_EQ(error_of("2147483648", false),
            "M field 0 (n): '2147483648' is out of range for a 32-bit integer");
  EXPECT_EQ(error_of("2147483648", true), "(ok)");
  EXPECT_EQ(error_of("99999999999999999999", true),
            "M field 0 (n): '99999999999999999999' is out of range for a 64-bit integer");
}

TEST(FieldReader, NumberErrors) {
  const auto error_of = [](std::string_view text) {
    const std::string payload = fields({text});
    FieldReader r(payload, "M");
    (void)r.number("x");
    return r.ok() ? std::string("(ok)") : r.error().message;
  };
  EXPECT_EQ(error_of("nan"), "M field 0 (x): 'nan' is not a number");
  EXPECT_EQ(error_of("NaN"), "M field 0 (x): 'NaN' is not a number");
  EXPECT_EQ(error_of("1,5"), "M field 0 (x): '1,5' is not a number");
  EXPECT_EQ(error_of("-1e999"), "M field 0 (x): '-1e999' is not a number");
  EXPECT_EQ(error_of("1e-999"), "(ok)");  // underflows to zero
  EXPECT_EQ(error_of("-" + std::string(400, '9')),
            "M field 0 (x): '-" + std::string(39, '9') + "...' is not a number");
  EXPECT_EQ(error_of("1.5e3"), "(ok)");
}

TEST(FieldReader, BoolErrors) {
  const std::string payload = fields({"true"});
  FieldReader r(payload, "M");
  (void)r.boolean("b");
  EXPECT_EQ(r.error().message, "M field 0 (b): 'true' is not a bool (0 or 1)");
}

TEST(FieldReader, MissingFieldSaysHowManyThereWere) {
  const std::string payload = doc_payload("9|1");
  FieldReader r(payload, "NEXT_VALID_ID");
  r.skip("msgId");
  r.skip("version");
  EXPECT_EQ(r.int32("orderId"), 0);
  EXPECT_EQ(r.error().message,
            "NEXT_VALID_ID field 2 (orderId): missing: the message ends after 2 fields");
}

TEST(FieldReader, ExtraFieldsAreRefusedOrIgnored) {
  const std::string payload = doc_payload("9|1|1001|extra");
  for (Trailing trailing : {Trailing::kReject, Trailing::kIgnore}) {
    FieldReader r(payload, "NEXT_VALID_ID");
    r.skip("msgId");
    r.skip("version");
    EXPECT_EQ(r.int32("orderId"), 1001);
    const Status status = r.finish(trailing);
    if (trailing == Trailing::kIgnore) {
      EXPECT_TRUE(status.ok());
    } else {
      ASSERT_FALSE(status.ok());
      EXPECT_EQ(status.error().message,
                "NEXT_VALID_ID: 4 fields where 3 were expected (field 3 is 'extra')");
    }
  }
}

TEST(FieldReader, CutOffLastFieldFailsAtOnce) {
  const std::string payload = std::string(
      "9\0"
      "1\0"
      "10",
      6);
  FieldReader r(payload, "NEXT_VALID_ID");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "NEXT_VALID_ID field 2: the payload does not end with a NUL, so its last field is "
            "cut off");
  EXPECT_EQ(r.int32("msgId"), 0);  // reads after a failure return defaults
}

TEST(FieldReader, FirstErrorIsKept) {
  const std::string payload = fields({"x", "y"});
  FieldReader r(payload, "M");
  (void)r.int32("first");
  (void)r.int32("second");
  EXPECT_EQ(r.error().message, "M field 0 (first): 'x' is not an integer");
}

TEST(FieldReader, CountsMustFitTheFieldsLeft) {
  const std::string payload = fields({"2", "a", "b", "c", "d"});
  FieldReader ok(payload, "M");
  EXPECT_EQ(ok.count("n", 2), 2u);
  FieldReader too_many(payload, "M");
  EXPECT_EQ(too_many.count("n", 3), 0u);
  EXPECT_EQ(too_many.error().message,
            "M field 0 (n): 2 items of 3 fields can't fit in the 4 fields left");
  const std::string negative = fields({"-1"});
  FieldReader neg(negative, "M");
  EXPECT_EQ(neg.count("n", 1), 0u);
  EXPECT_EQ(neg.error().message, "M field 0 (n): count -1 is negative");
}

TEST(FieldReader, VersionBelowMinimumIsRefused) {
  const std::string payload = fields({"1"});
  FieldReader r(payload, "ERR_MSG");
  (void)r.version("version", 2);
  EXPECT_EQ(r.error().message,
            "ERR_MSG field 0 (version): version 1 is not supported (need 2 or later)");
}

TEST(FieldReader, QuotesHostileTextSafely) {
  const std::string payload = fields({std::string("\x01\x7f") + std::string(50, 'z')});
  FieldReader r(payload, "M");
  (void)r.int32("n");
  EXPECT_EQ(r.error().message,
            "M field 0 (n): '\\x01\\x7f" + std::string(38, 'z') + "...' is not an integer");
}

TEST(FormatNumber, MatchesPythonRepr) {
  // Expected texts are Python 3's repr(float(x)).
  EXPECT_EQ(format_number(0.0), "0.0");
  EXPECT_EQ(format_number(-0.0), "-0.0");
  EXPECT_EQ(format_number(150.25), "150.25");
  EXPECT_EQ(format_number(140.0), "140.0");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-1.0), "-1.0");
  EXPECT_EQ(format_number(0.0001), "0.0001");
  EXPECT_EQ(format_number(0.00001), "1e-05");
  EXPECT_EQ(format_number(1.5e-7), "1.5e-07");
  EXPECT_EQ(format_number(1e15), "1000000000000000.0");
  EXPECT_EQ(format_number(1e16), "1e+16");
  EXPECT_EQ(format_number(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(format_number(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(format_number(701.46918464), "701.46918464");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_THROW(format_number(std::nan("")), std::invalid_argument);
}

TEST(FieldWriter, WritesEachFieldNulTerminated) {
  FieldWriter w(Dialect::kClient);
  w.integer(3).string("AAPL").empty().boolean(true).boolean(false).number(0.0).whole_or_number(0.0);
  w.whole_or_number(2.5).decimal(Quantity::from_units(100));
  EXPECT_EQ(w.size(), 9u);
  EXPECT_EQ(w.payload(), doc_payload("3|AAPL||1|0|0.0|0|2.5|100"));
}

TEST(FieldWriter, UnsetSpellingsPerDialect) {
  FieldWriter client(Dialect::kClient);
  client.optional_int(std::nullopt)
      .optional_number(std::nullopt)
      .optional_boolean(std::nullopt)
      .int_or_unset(std::nullopt)
      .number_or_unset(std::nullopt)
      .optional_int(5)
      .number_or_unset(1.5);
  EXPECT_EQ(client.payload(),
            fields({"", "", "", "2147483647", "1.7976931348623157e+308", "5", "1.5"}));
  FieldWriter server(Dialect::kServer);
  server.number_or_unset(std::nullopt);
  EXPECT_EQ(server.payload(), doc_payload("1.7976931348623157E308"));
}

TEST(FieldWriter, RefusesNulInsideAField) {
  FieldWriter w(Dialect::kClient);
  EXPECT_THROW(w.string(std::string_view("a\0b", 3)), std::invalid_argument);
}

TEST(FieldCodec, WrittenValuesReadBackExactly) {
  const double values[] = {0.0, 0.1, 150.25, -3.75, 1e-300, 12345678.123456789, 1e22, 5e-324};
  FieldWriter w(Dialect::kClient);
  for (double v : values)
    w.number(v);
  const std::string payload = w.payload();
  FieldReader r(payload, "M");
  for (double v : values)
    EXPECT_EQ(r.number("x"), v);
  EXPECT_TRUE(r.finish(Trailing::kReject).ok());
}

// Python's repr the long way (shortest round-trip digits from to_chars, laid out as repr does):
// what format_number's fast paths must agree with.
std::string reference_repr(double value) {
  char buffer[40];
  const char* end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  const std::string sci(static_cast<const char*>(buffer), end);
  const std::size_t e = sci.find('e');
  const int exponent = std::stoi(sci.substr(e + 1));
  std::string mantissa = sci.substr(0, e);
  std::string sign;
  if (mantissa.front() == '-') {
    sign = "-";
    mantissa.erase(0, 1);
  }
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  const int point = exponent + 1;
  if (point <= -4 || point > 16) return sci;
  const auto n = static_cast<int>(digits.size());
  if (point <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  if (point >= n)
    return sign + digits + std::string(static_cast<std::size_t>(point - n), '0') + ".0";
  return sign + digits.substr(0, static_cast<std::size_t>(point)) + "." +
         digits.substr(static_cast<std::size_t>(point));
}

TEST(FormatNumber, FastPathsAgreeWithTheShortestRoundTrip) {
  std::mt19937_64 rng(20241121);  // fixed seed; add failing values to MatchesPythonRepr
  const auto check = [](double v) { ASSERT_EQ(format_number(v), reference_repr(v)) << v; };
  for (int i = 0; i < 200'000; ++i) {
    // Prices and sizes: up to 6 decimals (the fast path takes up to 4), up to 2^34.
    const int decimals = static_cast<int>(rng() % 7);
    const auto units = static_cast<std::int64_t>(rng() % (std::uint64_t{1} << 34));
    const double v = static_cast<double>(units) / std::pow(10.0, decimals);
    check(v);
    check(-v);
    // Whole numbers up to 2^54, and arbitrary bit patterns.
    check(static_cast<double>(rng() >> 10));
    double any = 0.0;
    const std::uint64_t bits = rng();
    std::memcpy(&any, &bits, sizeof any);
    if (std::isfinite(any)) check(any);
  }
  for (double v : {4294967295.9999, 4294967296.0, 9007199254740991.0, 9007199254740992.0, 1e-4,
                   9.9999e-5, 0.00015, 2.5e-4, 1e15 + 0.5}) {
    check(v);
  }
}

TEST(FieldReader, FastPathsReadAsTheFullParsers) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100'000; ++i) {
    std::string text = rng() % 2 == 0 ? "-" : "";
    text += std::to_string(rng() % 1'000'000'000'000ULL);
    const auto decimals = rng() % 11;
    if (decimals > 0) text += "." + std::to_string(rng() % 10'000'000'000ULL).substr(0, decimals);
    const std::string payload = doc_payload(text + "|" + text);
    FieldReader r(payload, "M");
    const double number = r.number("n");
    double expected = 0.0;
    std::from_chars(text.data(), text.data() + text.size(), expected);
    EXPECT_EQ(number, expected) << text;
    const auto quantity = r.decimal<QuantityTag>("q");
    const auto exact = Quantity::parse(text);
    if (exact.ok()) {
      EXPECT_TRUE(r.ok()) << text;
      EXPECT_EQ(quantity, *exact) << text;
      EXPECT_EQ(quantity.precision(), exact->precision()) << text;
    }
  }
}

TEST(FieldReader, LongDigitRunsLeaveTheFastPaths) {
  // Found by tws_to_server_fuzz: a 20-digit quantity overflowed the fast path's sum.
  const std::string payload =
      doc_payload("05000000000000000000000|0.12345678901234567890|12345678901234567890.5");
  FieldReader r(payload, "M");
  (void)r.decimal<QuantityTag>("q");
  EXPECT_FALSE(r.ok());
  FieldReader numbers(payload, "M");
  EXPECT_EQ(numbers.number("a"), 5e21);
  EXPECT_EQ(numbers.number("b"), 0.12345678901234567890);
  EXPECT_EQ(numbers.number("c"), 12345678901234567890.5);
  EXPECT_TRUE(numbers.finish(Trailing::kReject).ok());
}

TEST(FieldWriter, DecimalsAsToString) {
  for (const char* text : {"0", "100", "-7", "0.5", "-0.5", "12.250", "0.000000001",
                           "-9223372036.854775808", "9223372036.854775807", "1.100000000"}) {
    const Quantity q = *Quantity::parse(text);
    FieldWriter w(Dialect::kClient);
    w.decimal(q);
    EXPECT_EQ(w.payload(), q.to_string() + '\0') << text;
  }
  const Quantity rounded = Quantity::from_raw(1'234'567'891, 3);
  FieldWriter w(Dialect::kClient);
  w.decimal(rounded);
  EXPECT_EQ(w.payload(), rounded.to_string() + '\0');
}

TEST(FieldWriter, KeepsWritingAfterPayloadAndFramesInPlace) {
  FieldWriter w(Dialect::kClient);
  for (int i = 0; i < 200; ++i)  // past the initial capacity
    w.string("field").integer(i);
  const std::string first = w.payload();
  w.empty().number(1.5);
  EXPECT_EQ(w.payload(), first + fields({"", "1.5"}));
  const std::string payload = w.payload();
  EXPECT_EQ(std::move(w).take_frame(), encode_frame(payload));
}

}  // namespace
}  // namespace ibtrade::tws
