// Test data: one or more instances of every message, with values off the defaults and every
// conditional group switched on somewhere (combo legs, delta neutral, scale, hedge, algo, PEG
// BENCH/BEST/MID, conditions of each type). Header-only, for tests; no threading rule.
#pragma once

#include <limits>
#include <vector>

#include "adapters/tws/messages/dispatch.hpp"

namespace ibtrade::tws::testing {

inline Quantity qty(std::string_view text) {
  return Quantity::parse(text).value();
}

inline WireContract sample_stock() {
  WireContract c;
  c.con_id = 265598;
  c.symbol = "AAPL";
  c.sec_type = "STK";
  c.exchange = "SMART";
  c.primary_exchange = "NASDAQ";
  c.currency = "USD";
  c.local_symbol = "AAPL";
  c.trading_class = "NMS";
  return c;
}

inline WireContract sample_combo() {
  WireContract c;
  c.symbol = "SPY";
  c.sec_type = "BAG";
  c.exchange = "SMART";
  c.currency = "USD";
  c.combo_legs = {{756733, 1, "BUY", "SMART", 0, 0, "", -1},
                  {12345, 2, "SELL", "CBOE", 1, 2, "X", 3}};
  c.delta_neutral_contract = DeltaNeutralContract{999, 0.5, 101.25};
  return c;
}

// The combo as REQ_MKT_DATA and REQ_HISTORICAL_DATA send it: four fields per leg.
inline WireContract sample_combo_short_legs() {
  WireContract c = sample_combo();
  for (auto& leg : c.combo_legs) {
    leg.open_close = 0;
    leg.short_sale_slot = 0;
    leg.designated_location.clear();
    leg.exempt_code = -1;
  }
  return c;
}

inline WireOrder sample_limit_order() {
  WireOrder o;
  o.action = "BUY";
  o.total_quantity = qty("100");
  o.order_type = "LMT";
  o.lmt_price = 150.25;
  o.tif = "GTC";
  o.oca_group = "oca-1";
  o.account = "DU111111";
  o.order_ref = "strategy-7:42";
  o.parent_id = 17;
  o.outside_rth = true;
  o.display_size = 0;
  o.transmit = false;
  return o;
}

// An order that switches on every optional group PLACE_ORDER and OPEN_ORDER know.
inline WireOrder sample_everything_order() {
  WireOrder o = sample_limit_order();
  o.client_id = 3;
  o.perm_id = 9'000'000'001;
  o.order_type = "PEG BENCH";
  o.aux_price = 1.5;
  o.open_close = "O";
  o.origin = 1;
  o.block_order = true;
  o.sweep_to_fill = true;
  o.display_size = 10;
  o.trigger_method = 7;
  o.hidden = true;
  o.order_combo_leg_prices = {1.25, std::nullopt};
  o.smart_combo_routing_params = {{"NonGuaranteed", "1"}};
  o.discretionary_amt = 0.05;
  o.good_after_time = "20240115 09:30:00 US/Eastern";
  o.good_till_date = "20240116 16:00:00 US/Eastern";
  o.fa_group = "g";
  o.fa_method = "EqualQuantity";
  o.fa_percentage = "10";
  o.model_code = "m";
  o.short_sale_slot = 2;
  o.designated_location = "loc";
  o.exempt_code = 4;
  o.oca_type = 2;
  o.rule_80a = "I";
  o.settling_firm = "firm";
  o.all_or_none = true;
  o.min_qty = 50;
  o.percent_offset = 0.02;
  o.auction_strategy = 2;
  o.starting_price = 1.0;
  o.stock_ref_price = 2.0;
  o.delta = 0.3;
  o.stock_range_lower = 3.0;
  o.stock_range_upper = 4.0;
  o.override_percentage_constraints = true;
  o.volatility = 0.25;
  o.volatility_type = 2;
  o.delta_neutral_order_type = "LMT";
  o.delta_neutral_aux_price = 0.75;
  o.delta_neutral_con_id = 4242;
  o.delta_neutral_settling_firm = "sf";
  o.delta_neutral_clearing_account = "ca";
  o.delta_neutral_clearing_intent = "IB";
  o.delta_neutral_open_close = "C";
  o.delta_neutral_short_sale = true;
  o.delta_neutral_short_sale_slot = 1;
  o.delta_neutral_designated_location = "dl";
  o.continuous_update = true;
  o.reference_price_type = 1;
  o.trail_stop_price = 149.0;
  o.trailing_percent = 1.5;
  o.basis_points = 0.5;
  o.basis_points_type = 1;
  o.scale_init_level_size = 100;
  o.scale_subs_level_size = 50;
  o.scale_price_increment = 0.1;
  o.scale_price_adjust_value = 0.2;
  o.scale_price_adjust_interval = 60;
  o.scale_profit_offset = 0.3;
  o.scale_auto_reset = true;
  o.scale_init_position = 10;
  o.scale_init_fill_qty = 5;
  o.scale_random_percent = true;
  o.hedge_type = "D";
  o.hedge_param = "0.5";
  o.opt_out_smart_routing = true;
  o.clearing_account = "clr";
  o.clearing_intent = "Away";
  o.not_held = true;
  o.algo_strategy = "Adaptive";
  o.algo_params = {{"adaptivePriority", "Normal"}};
  o.what_if = true;
  o.solicited = true;
  o.randomize_size = true;
  o.randomize_price = true;
  o.reference_contract_id = 12;
  o.is_pegged_change_amount_decrease = true;
  o.pegged_change_amount = 0.5;
  o.reference_change_amount = 0.25;
  o.reference_exchange_id = "NYSE";
  OrderCondition price;
  price.type = OrderCondition::kPrice;
  price.is_more = true;
  price.value = "151.5";
  price.con_id = 265598;
  price.exchange = "SMART";
  price.trigger_method = 2;
  OrderCondition time;
  time.type = OrderCondition::kTime;
  time.conjunction_and = false;
  time.value = "20240115 10:00:00 US/Eastern";
  OrderCondition margin;
  margin.type = OrderCondition::kMargin;
  margin.value = "30";
  OrderCondition execution;
  execution.type = OrderCondition::kExecution;
  execution.sec_type = "STK";
  execution.exchange = "SMART";
  execution.symbol = "MSFT";
  OrderCondition volume;
  volume.type = OrderCondition::kVolume;
  volume.value = "100000";
  volume.con_id = 1;
  volume.exchange = "ISLAND";
  OrderCondition change;
  change.type = OrderCondition::kPercentChange;
  change.value = "2.5";
  change.con_id = 2;
  change.exchange = "ARCA";
  o.conditions = {price, time, margin, execution, volume, change};
  o.conditions_ignore_rth = true;
  o.conditions_cancel_order = true;
  o.adjusted_order_type = "STP";
  o.trigger_price = 148.0;
  o.lmt_price_offset = 0.1;
  o.adjusted_stop_price = 147.0;
  o.adjusted_stop_limit_price = 146.5;
  o.adjusted_trailing_amount = 0.4;
  o.adjustable_trailing_unit = 1;
  o.soft_dollar_tier_name = "tier";
  o.soft_dollar_tier_value = "v";
  o.cash_qty = 15000.0;
  o.dont_use_auto_price_for_hedge = true;
  o.is_oms_container = true;
  o.discretionary_up_to_limit_price = true;
  o.use_price_mgmt_algo = true;
  o.duration = 3600;
  o.post_to_ats = 1;
  o.auto_cancel_parent = true;
  o.min_trade_qty = 1;
  o.min_compete_size = 2;
  o.compete_against_best_offset = 0.02;
  o.mid_offset_at_whole = 0.01;
  o.mid_offset_at_half = 0.005;
  return o;
}

inline PlaceOrder sample_place_order_everything() {
  PlaceOrder m;
  m.order_id = 2002;
  m.contract = sample_combo();
  m.contract.sec_id_type = "ISIN";
  m.contract.sec_id = "US78462F1030";
  m.order = sample_everything_order();
  // Fields OPEN_ORDER carries but PLACE_ORDER does not stay at their defaults.
  m.order.client_id = 0;
  m.order.perm_id = 0;
  m.order.basis_points.reset();
  m.order.basis_points_type.reset();
  m.order.min_trade_qty.reset();  // sent for IBKRATS only
  m.order.min_compete_size.reset();
  m.order.compete_against_best_offset.reset();
  m.order.mid_offset_at_whole.reset();
  m.order.mid_offset_at_half.reset();
  m.order.algo_id = "algo-1";
  m.order.order_misc_options = {{"a", "1"}, {"b", "x=y"}};
  m.order.scale_table = "t";
  m.order.active_start_time = "09:30";
  m.order.active_stop_time = "16:00";
  m.order.ext_operator = "op";
  m.order.mifid2_decision_maker = "dm";
  m.order.mifid2_decision_algo = "da";
  m.order.mifid2_execution_trader = "et";
  m.order.mifid2_execution_algo = "ea";
  m.order.advanced_error_override = "8229";
  m.order.manual_order_time = "20240115 09:31:00";
  return m;
}

inline PlaceOrder sample_place_order_peg_best() {
  PlaceOrder m;
  m.order_id = 2003;
  m.contract = sample_stock();
  m.contract.exchange = "IBKRATS";
  m.order = sample_limit_order();
  m.order.order_type = "PEG BEST";
  m.order.min_trade_qty = 100;
  m.order.min_compete_size = 200;
  m.order.compete_against_best_offset = std::numeric_limits<double>::infinity();  // up to mid
  m.order.mid_offset_at_whole = 0.01;
  m.order.mid_offset_at_half = 0.005;
  return m;
}

inline PlaceOrder sample_place_order_peg_mid() {
  PlaceOrder m;
  m.order_id = 2004;
  m.contract = sample_stock();
  m.order = sample_limit_order();
  m.order.order_type = "PEG MID";
  m.order.mid_offset_at_whole = 0.02;
  return m;
}

inline OpenOrder sample_open_order() {
  OpenOrder m;
  m.order_id = 2002;
  m.contract = sample_combo();
  m.contract.primary_exchange.clear();  // OPEN_ORDER does not carry it
  m.contract.combo_legs_descrip = "756733|1,12345|-2";
  m.order = sample_everything_order();
  m.order.transmit = true;                          // PLACE only: the default
  m.order.override_percentage_constraints = false;  // PLACE only
  m.order.display_size = std::nullopt;
  m.state.status = "PreSubmitted";
  m.state.init_margin_before = "1000.5";
  m.state.maint_margin_before = "900";
  m.state.equity_with_loan_before = "100000";
  m.state.init_margin_change = "10";
  m.state.maint_margin_change = "9";
  m.state.equity_with_loan_change = "-1";
  m.state.init_margin_after = "1010.5";
  m.state.maint_margin_after = "909";
  m.state.equity_with_loan_after = "99999";
  m.state.commission = 1.0;
  m.state.min_commission = 0.35;
  m.state.commission_currency = "USD";
  m.state.warning_text = "careful";
  return m;
}

inline std::vector<ToServerMessage> sample_to_server_messages() {
  ReqMktData mkt;
  mkt.req_id = 11;
  mkt.contract = sample_stock();
  mkt.generic_tick_list = "233,236,258";
  mkt.regulatory_snapshot = true;
  ReqMktData mkt_combo;
  mkt_combo.req_id = 12;
  mkt_combo.contract = sample_combo_short_legs();
  mkt_combo.snapshot = true;
  ReqRealTimeBars rtb;
  rtb.req_id = 13;
  rtb.contract = sample_stock();
  rtb.what_to_show = "MIDPOINT";
  rtb.use_rth = false;
  ReqHistoricalData hist;
  hist.req_id = 14;
  hist.contract = sample_stock();
  hist.contract.include_expired = true;
  hist.end_date_time = "20250101 23:59:59 America/Chicago";
  hist.bar_size_setting = "5 mins";
  hist.duration = "60 S";
  hist.use_rth = false;
  hist.what_to_show = "BID_ASK";
  hist.format_date = 2;
  hist.keep_up_to_date = true;
  hist.chart_options = {{"x", "y"}};
  ReqHistoricalData hist_combo = hist;
  hist_combo.contract = sample_combo_short_legs();
  hist_combo.contract.delta_neutral_contract.reset();  // not sent by this message
  ReqContractData contract;
  contract.req_id = 15;
  contract.contract = sample_stock();
  contract.contract.include_expired = true;
  contract.contract.sec_id_type = "ISIN";
  contract.contract.sec_id = "US0378331005";
  contract.contract.issuer_id = "e1234";
  ReqScannerSubscription scan;
  scan.req_id = 16;
  scan.subscription.number_of_rows = 25;
  scan.subscription.instrument = "STK";
  scan.subscription.location_code = "STK.US.MAJOR";
  scan.subscription.scan_code = "MOST_ACTIVE";
  scan.subscription.above_price = 5.0;
  scan.subscription.below_price = 500.0;
  scan.subscription.above_volume = 100000;
  scan.subscription.market_cap_above = 1e8;
  scan.subscription.market_cap_below = 1e12;
  scan.subscription.moody_rating_above = "A";
  scan.subscription.sp_rating_below = "BBB";
  scan.subscription.maturity_date_above = "20300101";
  scan.subscription.coupon_rate_above = 1.5;
  scan.subscription.exclude_convertible = true;
  scan.subscription.average_option_volume_above = 1000;
  scan.subscription.scanner_setting_pairs = "Annual,true";
  scan.subscription.stock_type_filter = "CORP";
  scan.filter_options = {{"priceAbove", "5"}, {"marketCapAbove1e6", "100"}};
  scan.subscription_options = {{"internal", "1"}};
  ReqExecutions executions;
  executions.req_id = 17;
  executions.filter = {7, "DU111111", "20240115 00:00:00", "AAPL", "STK", "SMART", "BUY"};
  PlaceOrder simple;
  simple.order_id = 2001;
  simple.contract = sample_stock();
  simple.order = sample_limit_order();
  return {
      UnknownMessage{200, {"a", "", "b"}},
      StartApi{9, "+x"},
      ReqIds{5},
      ReqCurrentTime{},
      ReqManagedAccts{},
      ReqAccountSummary{9001, "All", "NetLiquidation,BuyingPower,$LEDGER:USD"},
      CancelAccountSummary{9001},
      ReqAcctData{false, "DU111111"},
      ReqPositions{},
      CancelPositions{},
      ReqAccountUpdatesMulti{7, "DU111111", "model", true},
      CancelAccountUpdatesMulti{7},
      simple,
      sample_place_order_everything(),
      sample_place_order_peg_best(),
      sample_place_order_peg_mid(),
      CancelOrder{2001, "20240115 09:32:00"},
      ReqGlobalCancel{},
      ReqOpenOrders{},
      ReqAllOpenOrders{},
      ReqAutoOpenOrders{false},
      ReqCompletedOrders{true},
      executions,
      mkt,
      mkt_combo,
      CancelMktData{11},
      ReqMarketDataType{kMarketDataDelayedFrozen},
      rtb,
      CancelRealTimeBars{13},
      hist,
      hist_combo,
      CancelHistoricalData{14},
      contract,
      scan,
      CancelScannerSubscription{16},
      ReqScannerParameters{},
  };
}

inline std::vector<ToClientMessage> sample_to_client_messages() {
  PortfolioValue portfolio;
  portfolio.contract = sample_stock();
  portfolio.contract.exchange.clear();  // not carried by this message
  portfolio.position = qty("-0.5");
  portfolio.market_price = 151.0;
  portfolio.market_value = -75.5;
  portfolio.average_cost = 150.25;
  portfolio.unrealized_pnl = -0.375;
  portfolio.realized_pnl = 12.0;
  portfolio.account = "DU111111";
  PositionData position;
  position.account = "DU111111";
  position.contract = sample_stock();
  position.contract.primary_exchange.clear();
  position.contract.exchange = "NASDAQ";
  position.position = qty("-200");
  position.avg_cost = 150.2512345;
  OrderStatus status{2001, "Filled", qty("100"), qty("0"), 150.25, 9'000'000'001,
                     17,   150.26,   7,          "locate", 0.0};
  ExecutionData execution;
  execution.req_id = -1;
  execution.order_id = 2001;
  execution.contract = sample_stock();
  execution.contract.primary_exchange.clear();
  execution.contract.exchange = "ISLAND";
  execution.execution = {"0000e0d5.6571d3f1.01.01",
                         "20260130 10:46:26 America/New_York",
                         "DU111111",
                         "ISLAND",
                         "SLD",
                         qty("40"),
                         150.27,
                         9'000'000'001,
                         7,
                         1,
                         qty("100"),
                         150.255,
                         "strategy-7:42",
                         "rule",
                         1.5,
                         "model",
                         1,
                         true};
  CommissionReport commission{"0000e0d5.6571d3f1.01.01", 1.05, "USD", 12.5, std::nullopt, 20300101};
  TickPrice bid{11, kTickBid, 150.24, qty("300"), TickPrice::kCanAutoExecute | TickPrice::kPreOpen};
  TickPrice high{11, kTickHigh, std::nullopt, std::nullopt, 0};
  RealTimeBars bar{
      13, 1701950000, 150.1, 150.3, 150.0, 150.2, qty("1200"), Price::parse("150.18").value(), 15};
  RealTimeBars midpoint_bar{13,    1701950005,   150.1,        150.3, 150.0,
                            150.2, std::nullopt, std::nullopt, 0};
  HistoricalData history;
  history.req_id = 14;
  history.start_date = "20231206  09:30:00";
  history.end_date = "20231207  09:30:00";
  history.bars = {
      {"20231206", 149.0, 151.0, 148.5, 150.5, qty("123456"), Price::parse("150.01").value(), 5000},
      {"1701950000", 150.5, 152.0, 150.0, 151.5, qty("-1"), Price::parse("-1").value(), -1},
  };
  HistoricalDataUpdate update{14,
                              {"20231207 10:00:00", 151.0, 151.3, 150.9, 151.2, qty("1200"),
                               Price::parse("151.1").value(), 15}};
  ContractData contract_data;
  contract_data.req_id = 15;
  ContractDetails& d = contract_data.details;
  d.contract = sample_stock();
  d.market_name = "NMS";
  d.min_tick = 0.01;
  d.order_types = "LMT,MKT,STP";
  d.valid_exchanges = "SMART,ISLAND";
  d.price_magnifier = 1;
  d.under_con_id = 0;
  d.long_name = "APPLE INC";
  d.contract_month = "";
  d.industry = "Technology";
  d.category = "Computers";
  d.subcategory = "Computers";
  d.time_zone_id = "US/Eastern";
  d.trading_hours = "20231207:0400-20231207:2000";
  d.liquid_hours = "20231207:0930-20231207:1600";
  d.ev_multiplier = 1;
  d.sec_id_list = {{"ISIN", "US0378331005"}, {"CUSIP", "037833100"}};
  d.agg_group = 1;
  d.market_rule_ids = "26,26";
  d.stock_type = "COMMON";
  d.min_size = qty("0.0001");
  d.size_increment = qty("0.0001");
  d.suggested_size_increment = qty("100");
  ScannerData scanner;
  scanner.req_id = 16;
  for (int rank = 0; rank < 3; ++rank) {
    ScannerRow row;
    row.rank = rank;
    row.contract.con_id = 1000 + rank;
    row.contract.symbol = "SYM" + std::to_string(rank);
    row.contract.sec_type = "STK";
    row.contract.exchange = "SMART";
    row.contract.currency = "USD";
    row.contract.local_symbol = row.contract.symbol;
    row.contract.trading_class = "NMS";
    row.market_name = "NMS";
    row.distance = rank == 1 ? "1.5" : "";
    scanner.rows.push_back(row);
  }
  return {
      UnknownMessage{201, {"x"}},
      NextValidId{1001},
      CurrentTime{1700000000},
      ManagedAccts{{"DU111111", "DU222222"}},
      ErrMsg{2001, 201, "Order rejected - reason:Test", R"({"reason":"x"})"},
      ErrMsg{kNoRequestId, 2104, "Market data farm connection is OK:usfarm", ""},
      AccountSummary{9001, "DU111111", "NetLiquidation", "100000.00", "USD"},
      AccountSummaryEnd{9001},
      AcctValue{"AccountType", "INDIVIDUAL", "", "DU111111"},
      portfolio,
      AcctUpdateTime{"15:47"},
      AcctDownloadEnd{"DU111111"},
      position,
      PositionEnd{},
      AccountUpdateMulti{7, "DU111111", "model", "NetLiquidation", "100000.00", "USD"},
      AccountUpdateMultiEnd{7},
      sample_open_order(),
      OpenOrderEnd{},
      status,
      CompletedOrdersEnd{},
      execution,
      ExecutionDataEnd{17},
      commission,
      bid,
      high,
      TickSize{11, kTickVolume, qty("12345")},
      TickSize{11, kTickBidSize, std::nullopt},
      TickString{11, kTickRtVolume, "701.28;1;1348075471534;67854;701.46918464;true"},
      TickGeneric{11, kTickHalted, -1.0},
      TickSnapshotEnd{11},
      MarketDataType{11, kMarketDataDelayed},
      TickReqParams{11, 0.01, "9c0001", 3},
      bar,
      midpoint_bar,
      history,
      update,
      contract_data,
      ContractDataEnd{15},
      scanner,
      ScannerParameters{"<ScanParameterResponse><InstrumentList/></ScanParameterResponse>"},
  };
}

}  // namespace ibtrade::tws::testing
