// IB's Order and OrderState as PLACE_ORDER and OPEN_ORDER carry them (protocol doc 3.10, 3.11,
// 4.16): one struct for both directions, so the simulator can echo what it was sent. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "core/fixed_point.hpp"

namespace ibtrade::tws {

// One order condition (protocol doc 3.11). Which members travel depends on `type`.
struct OrderCondition {
  static constexpr int kPrice = 1;
  static constexpr int kTime = 3;
  static constexpr int kMargin = 4;
  static constexpr int kExecution = 5;
  static constexpr int kVolume = 6;
  static constexpr int kPercentChange = 7;

  int type = kPrice;
  bool conjunction_and = true;  // "a"; "o" (or) otherwise
  bool is_more = false;         // every type but execution
  std::string value;            // price, time, percent, volume or change, as sent
  std::int64_t con_id = 0;      // price, volume, percent change
  std::string exchange;         // price, volume, percent change, execution
  int trigger_method = 0;       // price
  std::string sec_type;         // execution
  std::string symbol;           // execution

  friend bool operator==(const OrderCondition&, const OrderCondition&) = default;
};

// The combo legs of a BAG contract with all eight fields per leg, after their count.
void write_combo_legs(FieldWriter& w, const WireContract& c);
void read_combo_legs(FieldReader& r, WireContract& c);

// Conditions travel as a count, then per condition its type and fields; the two flags follow
// only when there is at least one. An unknown condition type fails (its field count is unknown).
void write_conditions(FieldWriter& w, const std::vector<OrderCondition>& conditions,
                      bool ignore_rth, bool cancel_order);
void read_conditions(FieldReader& r, std::vector<OrderCondition>& conditions, bool& ignore_rth,
                     bool& cancel_order);

// Every order attribute the two messages carry at v178. Optional members are IB's "unset"
// (sent as "" or as the sentinel, per field); members marked PLACE or OPEN travel in one
// message only. Defaults are the official client's defaults. Members follow the wire order, not
// the layout that packs best: the struct is read against the protocol tables far more often than
// its ~100 bytes of padding matter.
struct WireOrder {  // NOLINT(clang-analyzer-optin.performance.Padding)
  // Identity, reported in OPEN_ORDER only.
  int client_id = 0;
  std::int64_t perm_id = 0;

  std::string action;  // BUY, SELL (SSHORT for institutions)
  Quantity total_quantity;
  std::string order_type;  // MKT, LMT, STP, STP LMT, TRAIL, MOC, LOC, ...
  std::optional<double> lmt_price;
  std::optional<double> aux_price;  // stop trigger; trailing amount for TRAIL
  std::string tif;                  // DAY, GTC, IOC, OPG, ...; "" = TWS default (DAY)
  std::string oca_group;
  std::string account;
  std::string open_close;  // "", "O", "C"
  int origin = 0;          // 0 customer, 1 firm
  std::string order_ref;
  // PLACE. "" on the wire (stoqey's hand-built orders) reads as nullopt; TWS's meaning for it is
  // undocumented, and the protocol doc recommends treating it as true (and logging it).
  std::optional<bool> transmit = true;
  int parent_id = 0;
  bool block_order = false;
  bool sweep_to_fill = false;
  // PLACE sends a plain int (0 = none); OPEN reports unset as the sentinel.
  std::optional<int> display_size;
  int trigger_method = 0;
  bool outside_rth = false;
  bool hidden = false;
  std::vector<std::optional<double>> order_combo_leg_prices;  // BAG
  TagValueList smart_combo_routing_params;                    // BAG
  double discretionary_amt = 0.0;
  std::string good_after_time;
  std::string good_till_date;
  std::string fa_group;
  std::string fa_method;
  std::string fa_percentage;
  std::string model_code;
  int short_sale_slot = 0;
  std::string designated_location;
  int exempt_code = -1;
  int oca_type = 0;
  std::string rule_80a;
  std::string settling_firm;
  bool all_or_none = false;
  std::optional<int> min_qty;
  std::optional<double> percent_offset;
  // Deprecated: must stay false/unset (TWS warns 2168/2169/10268-10270 otherwise).
  bool e_trade_only = false;
  bool firm_quote_only = false;
  std::optional<double> nbbo_price_cap;
  int auction_strategy = 0;
  std::optional<double> starting_price;
  std::optional<double> stock_ref_price;
  std::optional<double> delta;
  std::optional<double> stock_range_lower;
  std::optional<double> stock_range_upper;
  bool override_percentage_constraints = false;  // PLACE
  std::optional<double> volatility;
  std::optional<int> volatility_type;
  // Non-empty (real TWS sends "None") brings the eight delta_neutral_* fields below.
  std::string delta_neutral_order_type;
  std::optional<double> delta_neutral_aux_price;
  std::int64_t delta_neutral_con_id = 0;
  std::string delta_neutral_settling_firm;
  std::string delta_neutral_clearing_account;
  std::string delta_neutral_clearing_intent;
  std::string delta_neutral_open_close;
  bool delta_neutral_short_sale = false;
  int delta_neutral_short_sale_slot = 0;
  std::string delta_neutral_designated_location;
  bool continuous_update = false;
  std::optional<int> reference_price_type;
  // OPEN carries it twice (again after triggerPrice); the official decoders keep the later one.
  std::optional<double> trail_stop_price;
  std::optional<double> trailing_percent;
  std::optional<double> basis_points;    // OPEN
  std::optional<int> basis_points_type;  // OPEN
  std::optional<int> scale_init_level_size;
  std::optional<int> scale_subs_level_size;
  // Set and > 0 brings the seven scale fields below.
  std::optional<double> scale_price_increment;
  std::optional<double> scale_price_adjust_value;
  std::optional<int> scale_price_adjust_interval;
  std::optional<double> scale_profit_offset;
  bool scale_auto_reset = false;
  std::optional<int> scale_init_position;
  std::optional<int> scale_init_fill_qty;
  bool scale_random_percent = false;
  std::string scale_table;        // PLACE
  std::string active_start_time;  // PLACE
  std::string active_stop_time;   // PLACE
  std::string hedge_type;         // non-empty brings hedge_param
  std::string hedge_param;
  bool opt_out_smart_routing = false;
  std::string clearing_account;
  std::string clearing_intent;  // "", IB, Away, PTA
  bool not_held = false;
  std::string algo_strategy;  // non-empty brings algo_params
  TagValueList algo_params;
  std::string algo_id;  // PLACE
  bool what_if = false;
  TagValueList order_misc_options;  // PLACE
  bool solicited = false;
  bool randomize_size = false;
  bool randomize_price = false;
  // PEG BENCH orders only.
  int reference_contract_id = 0;
  bool is_pegged_change_amount_decrease = false;
  double pegged_change_amount = 0.0;
  double reference_change_amount = 0.0;
  std::string reference_exchange_id;
  std::vector<OrderCondition> conditions;
  bool conditions_ignore_rth = false;
  bool conditions_cancel_order = false;
  std::string adjusted_order_type;
  std::optional<double> trigger_price;
  std::optional<double> lmt_price_offset;
  std::optional<double> adjusted_stop_price;
  std::optional<double> adjusted_stop_limit_price;
  std::optional<double> adjusted_trailing_amount;
  int adjustable_trailing_unit = 0;
  std::string ext_operator;  // PLACE
  std::string soft_dollar_tier_name;
  std::string soft_dollar_tier_value;
  std::string soft_dollar_tier_display_name;  // OPEN
  std::optional<double> cash_qty;
  std::string mifid2_decision_maker;    // PLACE
  std::string mifid2_decision_algo;     // PLACE
  std::string mifid2_execution_trader;  // PLACE
  std::string mifid2_execution_algo;    // PLACE
  bool dont_use_auto_price_for_hedge = false;
  bool is_oms_container = false;
  bool discretionary_up_to_limit_price = false;
  std::optional<bool> use_price_mgmt_algo;  // unset = TWS default
  std::optional<int> duration;              // v >= 158
  std::optional<int> post_to_ats;           // v >= 160
  bool auto_cancel_parent = false;          // v >= 162
  std::string advanced_error_override;      // PLACE, v >= 166
  std::string manual_order_time;            // PLACE, v >= 169
  // v >= 170. PLACE sends them only where they apply (IBKRATS, PEG BEST, PEG MID); OPEN always.
  std::optional<int> min_trade_qty;
  std::optional<int> min_compete_size;
  std::optional<double> compete_against_best_offset;  // +infinity = "up to mid"
  std::optional<double> mid_offset_at_whole;
  std::optional<double> mid_offset_at_half;

  friend bool operator==(const WireOrder&, const WireOrder&) = default;
};

// IB's OrderState, reported in OPEN_ORDER: the status and, for what-if orders, margin and
// commission figures (text, as TWS sends them).
struct WireOrderState {
  std::string status;  // Submitted, PreSubmitted, Filled, Cancelled, ... (protocol doc 5.2)
  std::string init_margin_before;
  std::string maint_margin_before;
  std::string equity_with_loan_before;
  std::string init_margin_change;
  std::string maint_margin_change;
  std::string equity_with_loan_change;
  std::string init_margin_after;
  std::string maint_margin_after;
  std::string equity_with_loan_after;
  std::optional<double> commission;
  std::optional<double> min_commission;
  std::optional<double> max_commission;
  std::string commission_currency;
  std::string warning_text;

  friend bool operator==(const WireOrderState&, const WireOrderState&) = default;
};

// Runs of fields PLACE_ORDER and OPEN_ORDER share, in the same order.
// The scale-order extras follow the price increment only when it is set and positive.
bool has_scale_extras(const WireOrder& o);
void write_scale_extras(FieldWriter& w, const WireOrder& o);
void read_scale_extras(FieldReader& r, WireOrder& o);
// hedgeType[, hedgeParam], optOutSmartRouting, clearingAccount, clearingIntent, notHeld, the
// delta-neutral contract, algoStrategy[, its params].
void write_hedge_to_algo(FieldWriter& w, const WireContract& c, const WireOrder& o);
void read_hedge_to_algo(FieldReader& r, WireContract& c, WireOrder& o);

inline bool is_peg_bench_order(std::string_view type) {
  return type == "PEG BENCH" || type == "PEGBENCH";
}
inline bool is_peg_best_order(std::string_view type) {
  return type == "PEG BEST" || type == "PEGBEST";
}
inline bool is_peg_mid_order(std::string_view type) {
  return type == "PEG MID" || type == "PEGMID";
}

}  // namespace ibtrade::tws
