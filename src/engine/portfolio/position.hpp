// One symbol's position in a Ledger: signed quantity, FIFO lots, cost basis and the price it is
// valued at. Read-only outside the Ledger; single-threaded, owned by the engine's kernel thread.
#pragma once

#include "core/fixed_point.hpp"
#include "core/time.hpp"
#include "engine/portfolio/lot.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

struct LedgerPosition {
  Symbol symbol;
  Quantity quantity;  // signed: negative is short; always the signed sum of the lots
  // Signed sum of the lots' cost: positive for a long (cash paid), negative for a short (cash
  // received). Zero when flat.
  Money cost_basis;
  Money realized_pnl;     // gross FIFO PnL of every close on this symbol, before commissions
  Money commissions;      // every commission booked on this symbol, open or closed
  Money open_commission;  // the part of `commissions` still carried by open lots
  Price last_price;       // valuation price: the latest mark, bar close or fill, in arrival order
  Timestamp last_price_time;
  Money market_value;  // notional(last_price, quantity), signed
  LotQueue lots;       // oldest first

  bool is_flat() const { return quantity.is_zero(); }
  // Average entry price of the open lots: |cost_basis| / |quantity|, commissions excluded;
  // zero when flat. Rounded half-even at 1e-9 and shown with as many decimals as it needs.
  Price average_cost() const;
  Money unrealized_pnl() const { return market_value - cost_basis; }

 private:
  friend class Ledger;
  // The market value the ledger's totals hold for this position. Marks update market_value at
  // once and the totals when next read (Ledger::mark); until then: whether marks are pending,
  // and the largest precision among the values they set.
  Money counted_value_;
  bool value_pending_ = false;
  int marked_precision_ = 0;
  // The open lot when there is exactly one (the usual position), else null: a bar widens it
  // without working out the queue's bounds. Set by the ledger after every fill; meaningful only
  // in the ledger's own positions (a copy's points into the original's lots).
  Lot* single_lot_ = nullptr;
};

}  // namespace ibtrade::engine
