// IBKR's published US stock fees as FeeItems (values, sources and dates in docs/risk.md), for the
// Fixed and Tiered plans to start from; every number is configuration. Plain functions.
#pragma once

#include <vector>

#include "engine/fees/fee_item.hpp"

namespace ibtrade::engine::ibkr {

// SEC Section 31 transaction fee on sales, $27.80 per million of proceeds.
FeeItem sec_transaction_fee();
// FINRA Trading Activity Fee on sales: $0.000166 per share sold, at most $8.30 per trade.
FeeItem finra_taf();
// FINRA Consolidated Audit Trail fee: $0.000072 per share, every fill (in no default list).
FeeItem finra_cat_fee();
// NSCC/DTC clearing: $0.00020 per share (Tiered).
FeeItem clearing_fee();
// Exchange fee for removing liquidity, a typical $0.0030 per share (Tiered; venues differ).
FeeItem exchange_fee();
// NYSE pass-through 0.000175 x commission; FINRA pass-through 0.000563 x commission (Tiered).
FeeItem nyse_pass_through();
FeeItem finra_pass_through();

// Fixed includes exchange and most regulatory fees; transaction fees pass through on sales.
std::vector<FeeItem> fixed_plan_fees();
// Tiered adds exchange, clearing, pass-through and regulatory fees to the commission.
std::vector<FeeItem> tiered_plan_fees();

}  // namespace ibtrade::engine::ibkr
