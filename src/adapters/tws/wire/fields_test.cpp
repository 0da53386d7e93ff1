// Field codec: typed reads with IB's unset conventions, errors naming message and field, and the
// writer's spellings (Python repr for doubles, sentinels per dialect).
#include "adapters/tws/wire/fields.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

#include "adapters/tws/testing/doc_payload.hpp"

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

}  // namespace
}  // namespace ibtrade::tws
