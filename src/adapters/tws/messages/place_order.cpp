// PLACE_ORDER (protocol doc 3.10): the field list at v178 with the gates between 157 and 178.
// Field numbers in comments are the doc's for a simple order. Unset spellings follow the official
// Python client: "" for its "handle-empty" fields, the literal sentinels where it sends them.
#include <cmath>

#include "adapters/tws/messages/orders.hpp"

namespace ibtrade::tws {
namespace {

bool sends_mid_offsets_after_compete(const WireOrder& o) {
  return o.compete_against_best_offset && std::isinf(*o.compete_against_best_offset) &&
         *o.compete_against_best_offset > 0;
}

}  // namespace

void write_fields(FieldWriter& w, const PlaceOrder& m, const Capabilities& caps) {
  const WireContract& c = m.contract;
  const WireOrder& o = m.order;
  w.integer(m.order_id);                     // 1
  write_contract_c12(w, c);                  // 2-13
  w.string(c.sec_id_type).string(c.sec_id);  // 14-15
  w.string(o.action)                         // 16
      .decimal(o.total_quantity)             // 17
      .string(o.order_type)                  // 18
      .optional_number(o.lmt_price)          // 19
      .optional_number(o.aux_price)          // 20
      .string(o.tif)                         // 21
      .string(o.oca_group)                   // 22
      .string(o.account)                     // 23
      .string(o.open_close)                  // 24
      .integer(o.origin)                     // 25
      .string(o.order_ref)                   // 26
      .optional_boolean(o.transmit)          // 27
      .integer(o.parent_id)                  // 28
      .boolean(o.block_order)                // 29
      .boolean(o.sweep_to_fill)              // 30
      .integer(o.display_size.value_or(0))   // 31
      .integer(o.trigger_method)             // 32
      .boolean(o.outside_rth)                // 33
      .boolean(o.hidden);                    // 34
  if (is_combo(c)) {
    write_combo_legs(w, c);
    w.integer(static_cast<std::int64_t>(o.order_combo_leg_prices.size()));
    for (const auto& price : o.order_combo_leg_prices)
      w.optional_number(price);
    w.integer(static_cast<std::int64_t>(o.smart_combo_routing_params.size()));
    for (const auto& tv : o.smart_combo_routing_params)
      w.string(tv.tag).string(tv.value);
  }
  w.empty()                                         // 35 sharesAllocation (deprecated)
      .whole_or_number(o.discretionary_amt)         // 36 (a Python int 0 by default: "0")
      .string(o.good_after_time)                    // 37
      .string(o.good_till_date)                     // 38
      .string(o.fa_group)                           // 39
      .string(o.fa_method)                          // 40
      .string(o.fa_percentage);                     // 41
  if (caps.order_fa_profile) w.empty();             // faProfile, below v177
  w.string(o.model_code)                            // 42
      .integer(o.short_sale_slot)                   // 43
      .string(o.designated_location)                // 44
      .integer(o.exempt_code)                       // 45
      .integer(o.oca_type)                          // 46
      .string(o.rule_80a)                           // 47
      .string(o.settling_firm)                      // 48
      .boolean(o.all_or_none)                       // 49
      .optional_int(o.min_qty)                      // 50
      .optional_number(o.percent_offset)            // 51
      .boolean(o.e_trade_only)                      // 52
      .boolean(o.firm_quote_only)                   // 53
      .optional_number(o.nbbo_price_cap)            // 54
      .integer(o.auction_strategy)                  // 55
      .optional_number(o.starting_price)            // 56
      .optional_number(o.stock_ref_price)           // 57
      .optional_number(o.delta)                     // 58
      .optional_number(o.stock_range_lower)         // 59
      .optional_number(o.stock_range_upper)         // 60
      .boolean(o.override_percentage_constraints)   // 61
      .optional_number(o.volatility)                // 62
      .optional_int(o.volatility_type)              // 63
      .string(o.delta_neutral_order_type)           // 64
      .optional_number(o.delta_neutral_aux_price);  // 65
  if (!o.delta_neutral_order_type.empty()) {
    w.integer(o.delta_neutral_con_id)
        .string(o.delta_neutral_settling_firm)
        .string(o.delta_neutral_clearing_account)
        .string(o.delta_neutral_clearing_intent)
        .string(o.delta_neutral_open_close)
        .boolean(o.delta_neutral_short_sale)
        .integer(o.delta_neutral_short_sale_slot)
        .string(o.delta_neutral_designated_location);
  }
  w.boolean(o.continuous_update)                  // 66
      .optional_int(o.reference_price_type)       // 67
      .optional_number(o.trail_stop_price)        // 68
      .optional_number(o.trailing_percent)        // 69
      .optional_int(o.scale_init_level_size)      // 70
      .optional_int(o.scale_subs_level_size)      // 71
      .optional_number(o.scale_price_increment);  // 72
  write_scale_extras(w, o);
  w.string(o.scale_table)                               // 73
      .string(o.active_start_time)                      // 74
      .string(o.active_stop_time);                      // 75
  write_hedge_to_algo(w, c, o);                         // 76-82
  w.string(o.algo_id)                                   // 83
      .boolean(o.what_if)                               // 84
      .string(format_tag_values(o.order_misc_options))  // 85
      .boolean(o.solicited)                             // 86
      .boolean(o.randomize_size)                        // 87
      .boolean(o.randomize_price);                      // 88
  if (is_peg_bench_order(o.order_type)) {
    w.integer(o.reference_contract_id)
        .boolean(o.is_pegged_change_amount_decrease)
        .number(o.pegged_change_amount)
        .number(o.reference_change_amount)
        .string(o.reference_exchange_id);
  }
  write_conditions(w, o.conditions, o.conditions_ignore_rth, o.conditions_cancel_order);  // 89
  w.string(o.adjusted_order_type)                                                         // 90
      .number_or_unset(o.trigger_price)                                                   // 91
      .number_or_unset(o.lmt_price_offset)                                                // 92
      .number_or_unset(o.adjusted_stop_price)                                             // 93
      .number_or_unset(o.adjusted_stop_limit_price)                                       // 94
      .number_or_unset(o.adjusted_trailing_amount)                                        // 95
      .integer(o.adjustable_trailing_unit)                                                // 96
      .string(o.ext_operator)                                                             // 97
      .string(o.soft_dollar_tier_name)                                                    // 98
      .string(o.soft_dollar_tier_value)                                                   // 99
      .number_or_unset(o.cash_qty)                                                        // 100
      .string(o.mifid2_decision_maker)                                                    // 101
      .string(o.mifid2_decision_algo)                                                     // 102
      .string(o.mifid2_execution_trader)                                                  // 103
      .string(o.mifid2_execution_algo)                                                    // 104
      .boolean(o.dont_use_auto_price_for_hedge)                                           // 105
      .boolean(o.is_oms_container)                                                        // 106
      .boolean(o.discretionary_up_to_limit_price)                                         // 107
      .optional_boolean(o.use_price_mgmt_algo);                                           // 108
  if (caps.order_duration) w.int_or_unset(o.duration);                                    // 109
  if (caps.order_post_to_ats) w.int_or_unset(o.post_to_ats);                              // 110
  if (caps.order_auto_cancel_parent) w.boolean(o.auto_cancel_parent);                     // 111
  if (caps.advanced_order_reject) w.string(o.advanced_error_override);                    // 112
  if (caps.manual_order_time) w.string(o.manual_order_time);                              // 113
  if (caps.peg_best_peg_mid_offsets) {
    bool mid_offsets = false;
    if (c.exchange == "IBKRATS") w.optional_int(o.min_trade_qty);
    if (is_peg_best_order(o.order_type)) {
      w.optional_int(o.min_compete_size).optional_number(o.compete_against_best_offset);
      mid_offsets = sends_mid_offsets_after_compete(o);
    } else if (is_peg_mid_order(o.order_type)) {
      mid_offsets = true;
    }
    if (mid_offsets) {
      w.optional_number(o.mid_offset_at_whole).optional_number(o.mid_offset_at_half);
    }
  }
}

void read_fields(FieldReader& r, PlaceOrder& m, const Capabilities& caps) {
  WireContract& c = m.contract;
  WireOrder& o = m.order;
  m.order_id = r.int32("orderId");
  read_contract_c12(r, c);
  c.sec_id_type = r.string("secIdType");
  c.sec_id = r.string("secId");
  o.action = r.string("action");
  o.total_quantity = r.decimal<QuantityTag>("totalQuantity");
  o.order_type = r.string("orderType");
  o.lmt_price = r.optional_number("lmtPrice");
  o.aux_price = r.optional_number("auxPrice");
  o.tif = r.string("tif");
  o.oca_group = r.string("ocaGroup");
  o.account = r.string("account");
  o.open_close = r.string("openClose");
  o.origin = r.int32("origin");
  o.order_ref = r.string("orderRef");
  o.transmit = r.optional_boolean("transmit");
  o.parent_id = r.int32("parentId");
  o.block_order = r.boolean("blockOrder");
  o.sweep_to_fill = r.boolean("sweepToFill");
  o.display_size = r.int32("displaySize");
  o.trigger_method = r.int32("triggerMethod");
  o.outside_rth = r.boolean("outsideRth");
  o.hidden = r.boolean("hidden");
  if (is_combo(c)) {
    read_combo_legs(r, c);
    const std::size_t prices = r.count("orderComboLegsCount", 1);
    o.order_combo_leg_prices.resize(prices);
    for (auto& price : o.order_combo_leg_prices)
      price = r.optional_number("orderComboLeg.price");
    const std::size_t params = r.count("smartComboRoutingParamsCount", 2);
    o.smart_combo_routing_params.resize(params);
    for (auto& tv : o.smart_combo_routing_params) {
      tv.tag = r.string("smartComboRoutingParam.tag");
      tv.value = r.string("smartComboRoutingParam.value");
    }
  }
  r.skip("sharesAllocation");
  o.discretionary_amt = r.number("discretionaryAmt");
  o.good_after_time = r.string("goodAfterTime");
  o.good_till_date = r.string("goodTillDate");
  o.fa_group = r.string("faGroup");
  o.fa_method = r.string("faMethod");
  o.fa_percentage = r.string("faPercentage");
  if (caps.order_fa_profile) r.skip("faProfile");
  o.model_code = r.string("modelCode");
  o.short_sale_slot = r.int32("shortSaleSlot");
  o.designated_location = r.string("designatedLocation");
  o.exempt_code = r.int32("exemptCode");
  o.oca_type = r.int32("ocaType");
  o.rule_80a = r.string("rule80A");
  o.settling_firm = r.string("settlingFirm");
  o.all_or_none = r.boolean("allOrNone");
  o.min_qty = r.optional_int32("minQty");
  o.percent_offset = r.optional_number("percentOffset");
  o.e_trade_only = r.boolean("eTradeOnly");
  o.firm_quote_only = r.boolean("firmQuoteOnly");
  o.nbbo_price_cap = r.optional_number("nbboPriceCap");
  o.auction_strategy = r.int32("auctionStrategy");
  o.starting_price = r.optional_number("startingPrice");
  o.stock_ref_price = r.optional_number("stockRefPrice");
  o.delta = r.optional_number("delta");
  o.stock_range_lower = r.optional_number("stockRangeLower");
  o.stock_range_upper = r.optional_number("stockRangeUpper");
  o.override_percentage_constraints = r.boolean("overridePercentageConstraints");
  o.volatility = r.optional_number("volatility");
  o.volatility_type = r.optional_int32("volatilityType");
  o.delta_neutral_order_type = r.string("deltaNeutralOrderType");
  o.delta_neutral_aux_price = r.optional_number("deltaNeutralAuxPrice");
  if (!o.delta_neutral_order_type.empty()) {
    o.delta_neutral_con_id = r.int64("deltaNeutralConId");
    o.delta_neutral_settling_firm = r.string("deltaNeutralSettlingFirm");
    o.delta_neutral_clearing_account = r.string("deltaNeutralClearingAccount");
    o.delta_neutral_clearing_intent = r.string("deltaNeutralClearingIntent");
    o.delta_neutral_open_close = r.string("deltaNeutralOpenClose");
    o.delta_neutral_short_sale = r.boolean("deltaNeutralShortSale");
    o.delta_neutral_short_sale_slot = r.int32("deltaNeutralShortSaleSlot");
    o.delta_neutral_designated_location = r.string("deltaNeutralDesignatedLocation");
  }
  o.continuous_update = r.boolean("continuousUpdate");
  o.reference_price_type = r.optional_int32("referencePriceType");
  o.trail_stop_price = r.optional_number("trailStopPrice");
  o.trailing_percent = r.optional_number("trailingPercent");
  o.scale_init_level_size = r.optional_int32("scaleInitLevelSize");
  o.scale_subs_level_size = r.optional_int32("scaleSubsLevelSize");
  o.scale_price_increment = r.optional_number("scalePriceIncrement");
  read_scale_extras(r, o);
  o.scale_table = r.string("scaleTable");
  o.active_start_time = r.string("activeStartTime");
  o.active_stop_time = r.string("activeStopTime");
  read_hedge_to_algo(r, c, o);  // 76-82
  o.algo_id = r.string("algoId");
  o.what_if = r.boolean("whatIf");
  o.order_misc_options = read_tag_values(r, "orderMiscOptions");
  o.solicited = r.boolean("solicited");
  o.randomize_size = r.boolean("randomizeSize");
  o.randomize_price = r.boolean("randomizePrice");
  if (is_peg_bench_order(o.order_type)) {
    o.reference_contract_id = r.int32("referenceContractId");
    o.is_pegged_change_amount_decrease = r.boolean("isPeggedChangeAmountDecrease");
    o.pegged_change_amount = r.number("peggedChangeAmount");
    o.reference_change_amount = r.number("referenceChangeAmount");
    o.reference_exchange_id = r.string("referenceExchangeId");
  }
  read_conditions(r, o.conditions, o.conditions_ignore_rth, o.conditions_cancel_order);
  o.adjusted_order_type = r.string("adjustedOrderType");
  o.trigger_price = r.optional_number("triggerPrice");
  o.lmt_price_offset = r.optional_number("lmtPriceOffset");
  o.adjusted_stop_price = r.optional_number("adjustedStopPrice");
  o.adjusted_stop_limit_price = r.optional_number("adjustedStopLimitPrice");
  o.adjusted_trailing_amount = r.optional_number("adjustedTrailingAmount");
  o.adjustable_trailing_unit = r.int32("adjustableTrailingUnit");
  o.ext_operator = r.string("extOperator");
  o.soft_dollar_tier_name = r.string("softDollarTier.name");
  o.soft_dollar_tier_value = r.string("softDollarTier.value");
  o.cash_qty = r.optional_number("cashQty");
  o.mifid2_decision_maker = r.string("mifid2DecisionMaker");
  o.mifid2_decision_algo = r.string("mifid2DecisionAlgo");
  o.mifid2_execution_trader = r.string("mifid2ExecutionTrader");
  o.mifid2_execution_algo = r.string("mifid2ExecutionAlgo");
  o.dont_use_auto_price_for_hedge = r.boolean("dontUseAutoPriceForHedge");
  o.is_oms_container = r.boolean("isOmsContainer");
  o.discretionary_up_to_limit_price = r.boolean("discretionaryUpToLimitPrice");
  o.use_price_mgmt_algo = r.optional_boolean("usePriceMgmtAlgo");
  if (caps.order_duration) o.duration = r.optional_int32("duration");
  if (caps.order_post_to_ats) o.post_to_ats = r.optional_int32("postToAts");
  if (caps.order_auto_cancel_parent) o.auto_cancel_parent = r.boolean("autoCancelParent");
  if (caps.advanced_order_reject) o.advanced_error_override = r.string("advancedErrorOverride");
  if (caps.manual_order_time) o.manual_order_time = r.string("manualOrderTime");
  if (caps.peg_best_peg_mid_offsets) {
    bool mid_offsets = false;
    if (c.exchange == "IBKRATS") o.min_trade_qty = r.optional_int32("minTradeQty");
    if (is_peg_best_order(o.order_type)) {
      o.min_compete_size = r.optional_int32("minCompeteSize");
      o.compete_against_best_offset = r.optional_number("competeAgainstBestOffset");
      mid_offsets = sends_mid_offsets_after_compete(o);
    } else if (is_peg_mid_order(o.order_type)) {
      mid_offsets = true;
    }
    if (mid_offsets) {
      o.mid_offset_at_whole = r.optional_number("midOffsetAtWhole");
      o.mid_offset_at_half = r.optional_number("midOffsetAtHalf");
    }
  }
}

}  // namespace ibtrade::tws
