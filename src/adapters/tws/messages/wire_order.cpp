#include "adapters/tws/messages/wire_order.hpp"

namespace ibtrade::tws {
namespace {

bool is_operator_condition(int type) {
  return type != OrderCondition::kExecution;
}
bool is_contract_condition(int type) {
  return type == OrderCondition::kPrice || type == OrderCondition::kVolume ||
         type == OrderCondition::kPercentChange;
}
bool is_known_condition(int type) {
  return type == OrderCondition::kPrice || type == OrderCondition::kTime ||
         type == OrderCondition::kMargin || type == OrderCondition::kExecution ||
         type == OrderCondition::kVolume || type == OrderCondition::kPercentChange;
}

}  // namespace

void write_combo_legs(FieldWriter& w, const WireContract& c) {
  w.integer(static_cast<std::int64_t>(c.combo_legs.size()));
  for (const auto& leg : c.combo_legs) {
    w.integer(leg.con_id)
        .integer(leg.ratio)
        .string(leg.action)
        .string(leg.exchange)
        .integer(leg.open_close)
        .integer(leg.short_sale_slot)
        .string(leg.designated_location)
        .integer(leg.exempt_code);
  }
}

void read_combo_legs(FieldReader& r, WireContract& c) {
  const std::size_t n = r.count("comboLegsCount", 8);
  c.combo_legs.resize(n);
  for (auto& leg : c.combo_legs) {
    leg.con_id = r.int64("comboLeg.conId");
    leg.ratio = r.int32("comboLeg.ratio");
    leg.action = r.string("comboLeg.action");
    leg.exchange = r.string("comboLeg.exchange");
    leg.open_close = r.int32("comboLeg.openClose");
    leg.short_sale_slot = r.int32("comboLeg.shortSaleSlot");
    leg.designated_location = r.string("comboLeg.designatedLocation");
    leg.exempt_code = r.int32("comboLeg.exemptCode");
  }
}

void write_conditions(FieldWriter& w, const std::vector<OrderCondition>& conditions,
                      bool ignore_rth, bool cancel_order) {
  w.integer(static_cast<std::int64_t>(conditions.size()));
  if (conditions.empty()) return;
  for (const auto& c : conditions) {
    w.integer(c.type).string(c.conjunction_and ? "a" : "o");
    if (c.type == OrderCondition::kExecution) {
      w.string(c.sec_type).string(c.exchange).string(c.symbol);
      continue;
    }
    w.boolean(c.is_more).string(c.value);
    if (is_contract_condition(c.type)) w.integer(c.con_id).string(c.exchange);
    if (c.type == OrderCondition::kPrice) w.integer(c.trigger_method);
  }
  w.boolean(ignore_rth).boolean(cancel_order);
}

void read_conditions(FieldReader& r, std::vector<OrderCondition>& conditions, bool& ignore_rth,
                     bool& cancel_order) {
  // The smallest condition (time, margin) has 4 fields including its type.
  const std::size_t n = r.count("conditionsCount", 4);
  if (n == 0) return;
  conditions.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    OrderCondition c;
    c.type = r.int32("condition.type");
    if (!r.ok()) break;
    if (!is_known_condition(c.type)) {
      r.fail_last("condition.type", "condition type " + std::to_string(c.type) +
                                        " is not supported (known: 1, 3, 4, 5, 6, 7)");
      break;
    }
    c.conjunction_and = r.string("condition.conjunction") == "a";
    if (is_operator_condition(c.type)) {
      c.is_more = r.boolean("condition.isMore");
      c.value = r.string("condition.value");
      if (is_contract_condition(c.type)) {
        c.con_id = r.int64("condition.conId");
        c.exchange = r.string("condition.exchange");
      }
      if (c.type == OrderCondition::kPrice) c.trigger_method = r.int32("condition.triggerMethod");
    } else {
      c.sec_type = r.string("condition.secType");
      c.exchange = r.string("condition.exchange");
      c.symbol = r.string("condition.symbol");
    }
    conditions.push_back(std::move(c));
  }
  ignore_rth = r.boolean("conditionsIgnoreRth");
  cancel_order = r.boolean("conditionsCancelOrder");
}

bool has_scale_extras(const WireOrder& o) {
  return o.scale_price_increment && *o.scale_price_increment > 0.0;
}

void write_scale_extras(FieldWriter& w, const WireOrder& o) {
  if (!has_scale_extras(o)) return;
  w.optional_number(o.scale_price_adjust_value)
      .optional_int(o.scale_price_adjust_interval)
      .optional_number(o.scale_profit_offset)
      .boolean(o.scale_auto_reset)
      .optional_int(o.scale_init_position)
      .optional_int(o.scale_init_fill_qty)
      .boolean(o.scale_random_percent);
}

void read_scale_extras(FieldReader& r, WireOrder& o) {
  if (!has_scale_extras(o)) return;
  o.scale_price_adjust_value = r.optional_number("scalePriceAdjustValue");
  o.scale_price_adjust_interval = r.optional_int32("scalePriceAdjustInterval");
  o.scale_profit_offset = r.optional_number("scaleProfitOffset");
  o.scale_auto_reset = r.boolean("scaleAutoReset");
  o.scale_init_position = r.optional_int32("scaleInitPosition");
  o.scale_init_fill_qty = r.optional_int32("scaleInitFillQty");
  o.scale_random_percent = r.boolean("scaleRandomPercent");
}

void write_hedge_to_algo(FieldWriter& w, const WireContract& c, const WireOrder& o) {
  w.string(o.hedge_type);
  if (!o.hedge_type.empty()) w.string(o.hedge_param);
  w.boolean(o.opt_out_smart_routing)
      .string(o.clearing_account)
      .string(o.clearing_intent)
      .boolean(o.not_held);
  write_delta_neutral_contract(w, c);
  w.string(o.algo_strategy);
  if (!o.algo_strategy.empty()) {
    w.integer(static_cast<std::int64_t>(o.algo_params.size()));
    for (const auto& tv : o.algo_params)
      w.string(tv.tag).string(tv.value);
  }
}

void read_hedge_to_algo(FieldReader& r, WireContract& c, WireOrder& o) {
  o.hedge_type = r.string("hedgeType");
  if (!o.hedge_type.empty()) o.hedge_param = r.string("hedgeParam");
  o.opt_out_smart_routing = r.boolean("optOutSmartRouting");
  o.clearing_account = r.string("clearingAccount");
  o.clearing_intent = r.string("clearingIntent");
  o.not_held = r.boolean("notHeld");
  read_delta_neutral_contract(r, c);
  o.algo_strategy = r.string("algoStrategy");
  if (!o.algo_strategy.empty()) {
    const std::size_t n = r.count("algoParamsCount", 2);
    o.algo_params.resize(n);
    for (auto& tv : o.algo_params) {
      tv.tag = r.string("algoParam.tag");
      tv.value = r.string("algoParam.value");
    }
  }
}

}  // namespace ibtrade::tws
