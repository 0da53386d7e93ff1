// OPEN_ORDER (protocol doc 4.16): decoded as the official clients do at v178 (message version =
// server version, so every historical branch is taken). Field numbers in comments are the doc's
// for a simple order. Unset values are written as the doc's verified simulator example writes
// them: "" in some slots, TWS's Java-spelled sentinels in others; every client reads both.
#include <cmath>

#include "adapters/tws/messages/orders.hpp"

namespace ibtrade::tws {
namespace {}  // namespace

void write_fields(FieldWriter& w, const OpenOrder& m, const Capabilities& caps) {
  const WireContract& c = m.contract;
  const WireOrder& o = m.order;
  const WireOrderState& s = m.state;
  w.integer(m.order_id)                             // 1
      .integer(c.con_id)                            // 2
      .string(c.symbol)                             // 3
      .string(c.sec_type)                           // 4
      .string(c.last_trade_date_or_contract_month)  // 5
      .number(c.strike)                             // 6
      .string(c.right)                              // 7
      .string(c.multiplier)                         // 8
      .string(c.exchange)                           // 9
      .string(c.currency)                           // 10
      .string(c.local_symbol)                       // 11
      .string(c.trading_class)                      // 12
      .string(o.action)                             // 13
      .decimal(o.total_quantity)                    // 14
      .string(o.order_type)                         // 15
      .number_or_unset(o.lmt_price)                 // 16
      .number_or_unset(o.aux_price)                 // 17
      .string(o.tif)                                // 18
      .string(o.oca_group)                          // 19
      .string(o.account)                            // 20
      .string(o.open_close)                         // 21
      .integer(o.origin)                            // 22
      .string(o.order_ref)                          // 23
      .integer(o.client_id)                         // 24
      .integer(o.perm_id)                           // 25
      .boolean(o.outside_rth)                       // 26
      .boolean(o.hidden)                            // 27
      .whole_or_number(o.discretionary_amt)         // 28
      .string(o.good_after_time)                    // 29
      .empty()                                      // 30 sharesAllocation (deprecated)
      .string(o.fa_group)                           // 31
      .string(o.fa_method)                          // 32
      .string(o.fa_percentage);                     // 33
  if (caps.order_fa_profile) w.empty();             // faProfile, below v177
  w.string(o.model_code)                            // 34
      .string(o.good_till_date)                     // 35
      .string(o.rule_80a)                           // 36
      .optional_number(o.percent_offset)            // 37
      .string(o.settling_firm)                      // 38
      .integer(o.short_sale_slot)                   // 39
      .string(o.designated_location)                // 40
      .integer(o.exempt_code)                       // 41
      .integer(o.auction_strategy)                  // 42
      .optional_number(o.starting_price)            // 43
      .optional_number(o.stock_ref_price)           // 44
      .optional_number(o.delta)                     // 45
      .optional_number(o.stock_range_lower)         // 46
      .optional_number(o.stock_range_upper)         // 47
      .int_or_unset(o.display_size)                 // 48
      .boolean(o.block_order)                       // 49
      .boolean(o.sweep_to_fill)                     // 50
      .boolean(o.all_or_none)                       // 51
      .optional_int(o.min_qty)                      // 52
      .integer(o.oca_type)                          // 53
      .boolean(o.e_trade_only)                      // 54
      .boolean(o.firm_quote_only)                   // 55
      .optional_number(o.nbbo_price_cap)            // 56
      .integer(o.parent_id)                         // 57
      .integer(o.trigger_method)                    // 58
      .optional_number(o.volatility)                // 59
      .integer(o.volatility_type.value_or(0))       // 60
      .string(o.delta_neutral_order_type)           // 61
      .optional_number(o.delta_neutral_aux_price);  // 62
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
  w.boolean(o.continuous_update)                                          // 63
      .integer(o.reference_price_type.value_or(0))                        // 64
      .optional_number(o.trail_stop_price)                                // 65
      .optional_number(o.trailing_percent)                                // 66
      .optional_number(o.basis_points)                                    // 67
      .int_or_unset(o.basis_points_type)                                  // 68
      .string(c.combo_legs_descrip);                                      // 69
  write_combo_legs(w, c);                                                 // 70
  w.integer(static_cast<std::int64_t>(o.order_combo_leg_prices.size()));  // 71
  for (const auto& price : o.order_combo_leg_prices)
    w.number_or_unset(price);
  w.integer(static_cast<std::int64_t>(o.smart_combo_routing_params.size()));  // 72
  for (const auto& tv : o.smart_combo_routing_params)
    w.string(tv.tag).string(tv.value);
  w.optional_int(o.scale_init_level_size)         // 73
      .int_or_unset(o.scale_subs_level_size)      // 74
      .optional_number(o.scale_price_increment);  // 75
  write_scale_extras(w, o);
  write_hedge_to_algo(w, c, o);           // 76-82
  w.boolean(o.solicited)                  // 83
      .boolean(o.what_if)                 // 84
      .string(s.status)                   // 85
      .string(s.init_margin_before)       // 86
      .string(s.maint_margin_before)      // 87
      .string(s.equity_with_loan_before)  // 88
      .string(s.init_margin_change)       // 89
      .string(s.maint_margin_change)      // 90
      .string(s.equity_with_loan_change)  // 91
      .string(s.init_margin_after)        // 92
      .string(s.maint_margin_after)       // 93
      .string(s.equity_with_loan_after)   // 94
      .number_or_unset(s.commission)      // 95
      .number_or_unset(s.min_commission)  // 96
      .number_or_unset(s.max_commission)  // 97
      .string(s.commission_currency)      // 98
      .string(s.warning_text)             // 99
      .boolean(o.randomize_size)          // 100
      .boolean(o.randomize_price);        // 101
  if (is_peg_bench_order(o.order_type)) {
    w.integer(o.reference_contract_id)
        .boolean(o.is_pegged_change_amount_decrease)
        .number(o.pegged_change_amount)
        .number(o.reference_change_amount)
        .string(o.reference_exchange_id);
  }
  write_conditions(w, o.conditions, o.conditions_ignore_rth, o.conditions_cancel_order);  // 102
  w.string(o.adjusted_order_type)                                                         // 103
      .number_or_unset(o.trigger_price)                                                   // 104
      .number_or_unset(o.trail_stop_price)           // 105 (trailStopPrice again)
      .number_or_unset(o.lmt_price_offset)           // 106
      .number_or_unset(o.adjusted_stop_price)        // 107
      .number_or_unset(o.adjusted_stop_limit_price)  // 108
      .number_or_unset(o.adjusted_trailing_amount)   // 109
      .integer(o.adjustable_trailing_unit)           // 110
      .string(o.soft_dollar_tier_name)               // 111
      .string(o.soft_dollar_tier_value)              // 112
      .string(o.soft_dollar_tier_display_name);      // 113
  if (o.cash_qty) {
    w.whole_or_number(*o.cash_qty);  // 114
  } else {
    w.number_or_unset(std::nullopt);
  }
  w.boolean(o.dont_use_auto_price_for_hedge)                           // 115
      .boolean(o.is_oms_container)                                     // 116
      .boolean(o.discretionary_up_to_limit_price)                      // 117
      .boolean(o.use_price_mgmt_algo.value_or(false));                 // 118
  if (caps.order_duration) w.int_or_unset(o.duration);                 // 119
  if (caps.order_post_to_ats) w.int_or_unset(o.post_to_ats);           // 120
  if (caps.order_auto_cancel_parent) w.boolean(o.auto_cancel_parent);  // 121
  if (caps.peg_best_peg_mid_offsets) {
    w.int_or_unset(o.min_trade_qty)                      // 122
        .int_or_unset(o.min_compete_size)                // 123
        .number_or_unset(o.compete_against_best_offset)  // 124
        .number_or_unset(o.mid_offset_at_whole)          // 125
        .number_or_unset(o.mid_offset_at_half);          // 126
  }
}

void read_fields(FieldReader& r, OpenOrder& m, const Capabilities& caps) {
  WireContract& c = m.contract;
  WireOrder& o = m.order;
  WireOrderState& s = m.state;
  m.order_id = r.int32("orderId");
  c.con_id = r.int64("conId");
  c.symbol = r.string("symbol");
  c.sec_type = r.string("secType");
  c.last_trade_date_or_contract_month = r.string("lastTradeDateOrContractMonth");
  c.strike = r.number("strike");
  c.right = r.string("right");
  c.multiplier = r.string("multiplier");
  c.exchange = r.string("exchange");
  c.currency = r.string("currency");
  c.local_symbol = r.string("localSymbol");
  c.trading_class = r.string("tradingClass");
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
  o.client_id = r.int32("clientId");
  o.perm_id = r.int64("permId");
  o.outside_rth = r.boolean("outsideRth");
  o.hidden = r.boolean("hidden");
  o.discretionary_amt = r.number("discretionaryAmt");
  o.good_after_time = r.string("goodAfterTime");
  r.skip("sharesAllocation");
  o.fa_group = r.string("faGroup");
  o.fa_method = r.string("faMethod");
  o.fa_percentage = r.string("faPercentage");
  if (caps.order_fa_profile) r.skip("faProfile");
  o.model_code = r.string("modelCode");
  o.good_till_date = r.string("goodTillDate");
  o.rule_80a = r.string("rule80A");
  o.percent_offset = r.optional_number("percentOffset");
  o.settling_firm = r.string("settlingFirm");
  o.short_sale_slot = r.int32("shortSaleSlot");
  o.designated_location = r.string("designatedLocation");
  o.exempt_code = r.int32("exemptCode");
  o.auction_strategy = r.int32("auctionStrategy");
  o.starting_price = r.optional_number("startingPrice");
  o.stock_ref_price = r.optional_number("stockRefPrice");
  o.delta = r.optional_number("delta");
  o.stock_range_lower = r.optional_number("stockRangeLower");
  o.stock_range_upper = r.optional_number("stockRangeUpper");
  o.display_size = r.optional_int32("displaySize");
  o.block_order = r.boolean("blockOrder");
  o.sweep_to_fill = r.boolean("sweepToFill");
  o.all_or_none = r.boolean("allOrNone");
  o.min_qty = r.optional_int32("minQty");
  o.oca_type = r.int32("ocaType");
  o.e_trade_only = r.boolean("eTradeOnly");
  o.firm_quote_only = r.boolean("firmQuoteOnly");
  o.nbbo_price_cap = r.optional_number("nbboPriceCap");
  o.parent_id = r.int32("parentId");
  o.trigger_method = r.int32("triggerMethod");
  o.volatility = r.optional_number("volatility");
  o.volatility_type = r.int32("volatilityType");
  o.delta_neutral_order_type = r.string("deltaNeutralOrderType");
  o.delta_neutral_aux_price = r.optional_number("deltaNeutralAuxPrice");
  // Real TWS sends "None" here, which is non-empty: the eight fields follow.
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
  o.reference_price_type = r.int32("referencePriceType");
  o.trail_stop_price = r.optional_number("trailStopPrice");
  o.trailing_percent = r.optional_number("trailingPercent");
  o.basis_points = r.optional_number("basisPoints");
  o.basis_points_type = r.optional_int32("basisPointsType");
  c.combo_legs_descrip = r.string("comboLegsDescrip");
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
  o.scale_init_level_size = r.optional_int32("scaleInitLevelSize");
  o.scale_subs_level_size = r.optional_int32("scaleSubsLevelSize");
  o.scale_price_increment = r.optional_number("scalePriceIncrement");
  read_scale_extras(r, o);
  read_hedge_to_algo(r, c, o);  // 76-82
  o.solicited = r.boolean("solicited");
  o.what_if = r.boolean("whatIf");
  s.status = r.string("status");
  s.init_margin_before = r.string("initMarginBefore");
  s.maint_margin_before = r.string("maintMarginBefore");
  s.equity_with_loan_before = r.string("equityWithLoanBefore");
  s.init_margin_change = r.string("initMarginChange");
  s.maint_margin_change = r.string("maintMarginChange");
  s.equity_with_loan_change = r.string("equityWithLoanChange");
  s.init_margin_after = r.string("initMarginAfter");
  s.maint_margin_after = r.string("maintMarginAfter");
  s.equity_with_loan_after = r.string("equityWithLoanAfter");
  s.commission = r.optional_number("commission");
  s.min_commission = r.optional_number("minCommission");
  s.max_commission = r.optional_number("maxCommission");
  s.commission_currency = r.string("commissionCurrency");
  s.warning_text = r.string("warningText");
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
  // The second trailStopPrice: the official decoders overwrite the first with it. Here it wins
  // only when set, so an unset repeat can't erase a stop price given in the first slot.
  if (auto again = r.optional_number("trailStopPrice")) o.trail_stop_price = again;
  o.lmt_price_offset = r.optional_number("lmtPriceOffset");
  o.adjusted_stop_price = r.optional_number("adjustedStopPrice");
  o.adjusted_stop_limit_price = r.optional_number("adjustedStopLimitPrice");
  o.adjusted_trailing_amount = r.optional_number("adjustedTrailingAmount");
  o.adjustable_trailing_unit = r.int32("adjustableTrailingUnit");
  o.soft_dollar_tier_name = r.string("softDollarTier.name");
  o.soft_dollar_tier_value = r.string("softDollarTier.value");
  o.soft_dollar_tier_display_name = r.string("softDollarTier.displayName");
  o.cash_qty = r.optional_number("cashQty");
  o.dont_use_auto_price_for_hedge = r.boolean("dontUseAutoPriceForHedge");
  o.is_oms_container = r.boolean("isOmsContainer");
  o.discretionary_up_to_limit_price = r.boolean("discretionaryUpToLimitPrice");
  o.use_price_mgmt_algo = r.boolean("usePriceMgmtAlgo");
  if (caps.order_duration) o.duration = r.optional_int32("duration");
  if (caps.order_post_to_ats) o.post_to_ats = r.optional_int32("postToAts");
  if (caps.order_auto_cancel_parent) o.auto_cancel_parent = r.boolean("autoCancelParent");
  if (caps.peg_best_peg_mid_offsets) {
    o.min_trade_qty = r.optional_int32("minTradeQty");
    o.min_compete_size = r.optional_int32("minCompeteSize");
    o.compete_against_best_offset = r.optional_number("competeAgainstBestOffset");
    o.mid_offset_at_whole = r.optional_number("midOffsetAtWhole");
    o.mid_offset_at_half = r.optional_number("midOffsetAtHalf");
  }
}

}  // namespace ibtrade::tws
