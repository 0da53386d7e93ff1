#include "adapters/tws/messages/scanner.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const ReqScannerSubscription& m, const Capabilities&) {
  const ScannerSubscription& s = m.subscription;
  w.integer(m.req_id)
      .integer(s.number_of_rows)
      .string(s.instrument)
      .string(s.location_code)
      .string(s.scan_code)
      .optional_number(s.above_price)
      .optional_number(s.below_price)
      .optional_int(s.above_volume)
      .optional_number(s.market_cap_above)
      .optional_number(s.market_cap_below)
      .string(s.moody_rating_above)
      .string(s.moody_rating_below)
      .string(s.sp_rating_above)
      .string(s.sp_rating_below)
      .string(s.maturity_date_above)
      .string(s.maturity_date_below)
      .optional_number(s.coupon_rate_above)
      .optional_number(s.coupon_rate_below)
      .boolean(s.exclude_convertible)
      .optional_int(s.average_option_volume_above)
      .string(s.scanner_setting_pairs)
      .string(s.stock_type_filter)
      .string(format_tag_values(m.filter_options))
      .string(format_tag_values(m.subscription_options));
}
void read_fields(FieldReader& r, ReqScannerSubscription& m, const Capabilities&) {
  ScannerSubscription& s = m.subscription;
  m.req_id = r.int32("reqId");
  // "" is what stoqey sends when the row count is left out; it means "not specified" too.
  s.number_of_rows = r.optional_int32("numberOfRows").value_or(-1);
  s.instrument = r.string("instrument");
  s.location_code = r.string("locationCode");
  s.scan_code = r.string("scanCode");
  s.above_price = r.optional_number("abovePrice");
  s.below_price = r.optional_number("belowPrice");
  s.above_volume = r.optional_int32("aboveVolume");
  s.market_cap_above = r.optional_number("marketCapAbove");
  s.market_cap_below = r.optional_number("marketCapBelow");
  s.moody_rating_above = r.string("moodyRatingAbove");
  s.moody_rating_below = r.string("moodyRatingBelow");
  s.sp_rating_above = r.string("spRatingAbove");
  s.sp_rating_below = r.string("spRatingBelow");
  s.maturity_date_above = r.string("maturityDateAbove");
  s.maturity_date_below = r.string("maturityDateBelow");
  s.coupon_rate_above = r.optional_number("couponRateAbove");
  s.coupon_rate_below = r.optional_number("couponRateBelow");
  s.exclude_convertible = r.boolean("excludeConvertible");
  s.average_option_volume_above = r.optional_int32("averageOptionVolumeAbove");
  s.scanner_setting_pairs = r.string("scannerSettingPairs");
  s.stock_type_filter = r.string("stockTypeFilter");
  m.filter_options = read_tag_values(r, "scannerSubscriptionFilterOptions");
  m.subscription_options = read_tag_values(r, "scannerSubscriptionOptions");
}

void write_fields(FieldWriter& w, const ScannerData& m, const Capabilities&) {
  w.integer(3).integer(m.req_id).integer(static_cast<std::int64_t>(m.rows.size()));
  for (const auto& row : m.rows) {
    const WireContract& c = row.contract;
    w.integer(row.rank)
        .integer(c.con_id)
        .string(c.symbol)
        .string(c.sec_type)
        .string(c.last_trade_date_or_contract_month)
        .number(c.strike)
        .string(c.right)
        .string(c.exchange)
        .string(c.currency)
        .string(c.local_symbol)
        .string(row.market_name)
        .string(c.trading_class)
        .string(row.distance)
        .string(row.benchmark)
        .string(row.projection)
        .string(row.legs);
  }
}
void read_fields(FieldReader& r, ScannerData& m, const Capabilities&) {
  r.version("version", 3);  // 3 added the conId per row
  m.req_id = r.int32("reqId");
  m.rows.resize(r.count("numberOfElements", 16));
  for (auto& row : m.rows) {
    WireContract& c = row.contract;
    row.rank = r.int32("rank");
    c.con_id = r.int64("conId");
    c.symbol = r.string("symbol");
    c.sec_type = r.string("secType");
    c.last_trade_date_or_contract_month = r.string("lastTradeDateOrContractMonth");
    c.strike = r.number("strike");
    c.right = r.string("right");
    c.exchange = r.string("exchange");
    c.currency = r.string("currency");
    c.local_symbol = r.string("localSymbol");
    row.market_name = r.string("marketName");
    c.trading_class = r.string("tradingClass");
    row.distance = r.string("distance");
    row.benchmark = r.string("benchmark");
    row.projection = r.string("projection");
    row.legs = r.string("legsStr");
  }
}

void write_fields(FieldWriter& w, const CancelScannerSubscription& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, CancelScannerSubscription& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const ReqScannerParameters&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqScannerParameters&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const ScannerParameters& m, const Capabilities&) {
  w.integer(1).string(m.xml);
}
void read_fields(FieldReader& r, ScannerParameters& m, const Capabilities&) {
  r.skip("version");
  m.xml = r.string("xml");
}

}  // namespace ibtrade::tws
