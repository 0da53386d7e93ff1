// The pluggable part of the simulated venue that decides *whether* and *at what price* a working
// order fills against one market event (a bar, the book, a print, an auction). The venue owns
// everything else: order lifecycle, sizes, latency, fees. Single-threaded, like its venue.
#pragma once

#include <cstdint>
#include <optional>

#include "core/fixed_point.hpp"
#include "core/market_data.hpp"
#include "core/order.hpp"
#include "engine/sim/rng.hpp"

namespace ibtrade::engine {

// Whose liquidity a fill takes, so that the venue can cap its size and share what is left
// among the orders that come after it in the same event.
enum class Liquidity : std::uint8_t {
  kBar,      // the bar's volume (bar mode)
  kAsk,      // the quoted offer (tick mode, buying)
  kBid,      // the quoted bid (tick mode, selling)
  kTrade,    // the size of the print that filled it (tick mode)
  kAuction,  // an opening or closing auction (unlimited outside bar mode)
};

// What matching needs of an order: its side, type, time in force, size and prices. The venue
// keeps these instead of a copy of the whole Order, whose ten strings it would copy on every
// order for nothing. Plain value.
struct OrderTerms {
  Side side = Side::kBuy;
  OrderType type = OrderType::kMarket;
  TimeInForce tif = TimeInForce::kDay;
  Quantity quantity;
  std::optional<Price> limit_price;
  std::optional<Price> stop_price;
  std::optional<Price> trail_amount;
  std::optional<Percent> trail_percent;

  OrderTerms() = default;
  // Implicit: an Order is matched by its terms wherever terms are expected.
  OrderTerms(const Order& order)  // NOLINT(google-explicit-constructor)
      : side(order.side),
        type(order.type),
        tif(order.tif),
        quantity(order.quantity),
        limit_price(order.limit_price),
        stop_price(order.stop_price),
        trail_amount(order.trail_amount),
        trail_percent(order.trail_percent) {}

  friend bool operator==(const OrderTerms&, const OrderTerms&) = default;
};

struct FillDecision {
  Price price;
  Liquidity liquidity = Liquidity::kBar;
  std::optional<Quantity> max_quantity;  // a further cap of the model's own, if it wants one

  friend bool operator==(const FillDecision&, const FillDecision&) = default;
};

// What the model remembers about one order between events. The venue stores it beside the
// order and hands it back on every call; a fresh order starts default-constructed.
struct MatchState {
  bool triggered = false;              // STP / STP LMT / TRAIL elected: now a market or limit order
  std::optional<Price> trail_extreme;  // TRAIL: best price since arrival (highest when selling)
  std::optional<Price> trail_stop;     // TRAIL: the stop as it stands now

  friend bool operator==(const MatchState&, const MatchState&) = default;
};

struct MatchContext {
  Price tick;                   // the symbol's minimum price increment
  int slippage_ticks = 0;       // against the taker, for orders that fill as market orders
  bool fill_on_touch = false;   // a limit fills when the price only touches it
  const Quote* book = nullptr;  // tick mode: last quote, sizes net of our fills; null if none yet
};

class FillModel {
 public:
  virtual ~FillModel() = default;

  // Bar mode. Called only for orders that arrived at or before the bar's start, in bars that
  // have volume, and never for OPG/MOC/LOC orders (auctions go through match_auction).
  virtual std::optional<FillDecision> match_bar(const OrderTerms& order, MatchState& state,
                                                const Bar& bar, const MatchContext& context,
                                                Rng& rng) = 0;
  // Tick mode: against the quote in `context.book` (never null here), on a new quote and when
  // an order arrives or is modified.
  virtual std::optional<FillDecision> match_book(const OrderTerms& order, MatchState& state,
                                                 const MatchContext& context, Rng& rng) = 0;
  // Tick mode: a print. Stops trigger and trailing stops move here; resting limits fill when
  // the print goes through them.
  virtual std::optional<FillDecision> match_trade(const OrderTerms& order, MatchState& state,
                                                  const Trade& trade, const MatchContext& context,
                                                  Rng& rng) = 0;
  // An auction clearing at `price`: the opening one for OPG orders, the closing one for MOC/LOC.
  virtual std::optional<FillDecision> match_auction(const OrderTerms& order, Price price,
                                                    const MatchContext& context, Rng& rng) = 0;
};

}  // namespace ibtrade::engine
