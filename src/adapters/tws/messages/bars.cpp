#include "adapters/tws/messages/bars.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const ReqRealTimeBars& m, const Capabilities&) {
  w.integer(3).integer(m.req_id);
  write_contract_c12(w, m.contract);
  w.integer(m.bar_size)
      .string(m.what_to_show)
      .boolean(m.use_rth)
      .string(format_tag_values(m.options));
}
void read_fields(FieldReader& r, ReqRealTimeBars& m, const Capabilities&) {
  r.version("version", 3);  // tradingClass and options arrived with 2 and 3
  m.req_id = r.int32("reqId");
  read_contract_c12(r, m.contract);
  m.bar_size = r.int32("barSize");
  m.what_to_show = r.string("whatToShow");
  m.use_rth = r.boolean("useRTH");
  m.options = read_tag_values(r, "realTimeBarsOptions");
}

void write_fields(FieldWriter& w, const RealTimeBars& m, const Capabilities&) {
  w.integer(3)
      .integer(m.req_id)
      .integer(m.time)
      .number(m.open)
      .number(m.high)
      .number(m.low)
      .number(m.close)
      .optional_decimal(m.volume)
      .optional_decimal(m.wap)
      .integer(m.count);
}
void read_fields(FieldReader& r, RealTimeBars& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
  m.time = r.int64("time");
  m.open = r.number("open");
  m.high = r.number("high");
  m.low = r.number("low");
  m.close = r.number("close");
  m.volume = r.optional_decimal<QuantityTag>("volume");
  m.wap = r.optional_decimal<PriceTag>("wap");
  m.count = r.int32("count");
}

void write_fields(FieldWriter& w, const CancelRealTimeBars& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, CancelRealTimeBars& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

void write_fields(FieldWriter& w, const ReqHistoricalData& m, const Capabilities&) {
  w.integer(m.req_id);
  write_contract_c12(w, m.contract);
  w.boolean(m.contract.include_expired)
      .string(m.end_date_time)
      .string(m.bar_size_setting)
      .string(m.duration)
      .boolean(m.use_rth)
      .string(m.what_to_show)
      .integer(m.format_date);
  write_short_combo_legs(w, m.contract);
  w.boolean(m.keep_up_to_date).string(format_tag_values(m.chart_options));
}
void read_fields(FieldReader& r, ReqHistoricalData& m, const Capabilities&) {
  m.req_id = r.int32("reqId");
  read_contract_c12(r, m.contract);
  m.contract.include_expired = r.boolean("includeExpired");
  m.end_date_time = r.string("endDateTime");
  m.bar_size_setting = r.string("barSizeSetting");
  m.duration = r.string("durationStr");
  m.use_rth = r.boolean("useRTH");
  m.what_to_show = r.string("whatToShow");
  m.format_date = r.int32("formatDate");
  read_short_combo_legs(r, m.contract);
  m.keep_up_to_date = r.boolean("keepUpToDate");
  m.chart_options = read_tag_values(r, "chartOptions");
}

void write_fields(FieldWriter& w, const HistoricalData& m, const Capabilities&) {
  w.integer(m.req_id)
      .string(m.start_date)
      .string(m.end_date)
      .integer(static_cast<std::int64_t>(m.bars.size()));
  for (const auto& b : m.bars) {
    w.string(b.date)
        .number(b.open)
        .number(b.high)
        .number(b.low)
        .number(b.close)
        .optional_decimal(b.volume)
        .optional_decimal(b.wap)
        .integer(b.bar_count);
  }
}
void read_fields(FieldReader& r, HistoricalData& m, const Capabilities&) {
  m.req_id = r.int32("reqId");
  m.start_date = r.string("startDateStr");
  m.end_date = r.string("endDateStr");
  m.bars.resize(r.count("barCount", 8));
  for (auto& b : m.bars) {
    b.date = r.string("bar.date");
    b.open = r.number("bar.open");
    b.high = r.number("bar.high");
    b.low = r.number("bar.low");
    b.close = r.number("bar.close");
    b.volume = r.optional_decimal<QuantityTag>("bar.volume");
    b.wap = r.optional_decimal<PriceTag>("bar.wap");
    b.bar_count = r.int32("bar.barCount");
  }
}

void write_fields(FieldWriter& w, const HistoricalDataUpdate& m, const Capabilities&) {
  const HistoricalBar& b = m.bar;
  w.integer(m.req_id)
      .integer(b.bar_count)
      .string(b.date)
      .number(b.open)
      .number(b.close)
      .number(b.high)
      .number(b.low)
      .optional_decimal(b.wap)
      .optional_decimal(b.volume);
}
void read_fields(FieldReader& r, HistoricalDataUpdate& m, const Capabilities&) {
  HistoricalBar& b = m.bar;
  m.req_id = r.int32("reqId");
  b.bar_count = r.int32("barCount");
  b.date = r.string("date");
  b.open = r.number("open");
  b.close = r.number("close");
  b.high = r.number("high");
  b.low = r.number("low");
  b.wap = r.optional_decimal<PriceTag>("wap");
  b.volume = r.optional_decimal<QuantityTag>("volume");
}

void write_fields(FieldWriter& w, const CancelHistoricalData& m, const Capabilities&) {
  w.integer(1).integer(m.req_id);
}
void read_fields(FieldReader& r, CancelHistoricalData& m, const Capabilities&) {
  r.skip("version");
  m.req_id = r.int32("reqId");
}

}  // namespace ibtrade::tws
