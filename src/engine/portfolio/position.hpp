// One symbol's position in a Ledger: signed quantity, FIFO lots, cost basis and the price it is
// valued at. Read-only outside the Ledger; single-threaded, owned by the engine's kernel thread.
#pragma once

#include <cstdint>

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
  LotQueue lots;  // oldest first

  bool is_flat() const { return quantity.is_zero(); }
  // Average entry price of the open lots: |cost_basis| / |quantity|, commissions excluded;
  // zero when flat. Rounded half-even at 1e-9 and shown with as many decimals as it needs.
  Price average_cost() const;
  // notional(last_price, quantity), signed; zero when flat. Marks only note their price (a bar
  // is the most frequent event, its value is read far less often): the value of the latest mark
  // is worked out here, when read. Otherwise it is the value the last fill set.
  Money market_value() const {
    return has_marks_to_count() ? notional(last_price, quantity) : counted_value_;
  }
  Money unrealized_pnl() const { return market_value() - cost_basis; }

 private:
  friend class Ledger;
  static constexpr int kNoMarks = -1;
  bool has_marks_to_count() const { return marked_price_precision_ != kNoMarks; }

  // The market value the ledger's totals hold for this position: the value set by the last
  // fill or counted when the totals last caught up (Ledger::mark). Marks since then note only
  // their price; until the totals catch up: whether the position is listed as pending, and the
  // largest precision among the marks' prices (kNoMarks: none since). The quantity does not
  // change between marks (a fill counts them first), so their values' largest precision is
  // that of the largest price precision.
  Money counted_value_;
  bool value_pending_ = false;
  int marked_price_precision_ = kNoMarks;
  // Marks at a raw price above this are valued at once: their value might overflow, and
  // notional must then throw from the mark, as it did when every mark was valued at once. Set
  // with the quantity (Ledger::set_price); below it, the value fits with room to spare.
  std::int64_t max_lazy_price_raw_ = INT64_MAX;
  // The open lot when there is exactly one (the usual position), else null: a bar widens it
  // without working out the queue's bounds. Set by the ledger after every fill; meaningful only
  // in the ledger's own positions (a copy's points into the original's lots).
  Lot* single_lot_ = nullptr;
};

}  // namespace ibtrade::engine
