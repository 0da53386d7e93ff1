// The portfolio ledger of one account or strategy book: books fills, late commissions and marks,
// and answers every money question (positions, FIFO PnL, cash, equity, exposure, buying power,
// closed round trips) in fixed point. Single-threaded, owned by the engine's kernel thread.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/ids.hpp"
#include "core/market_data.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/portfolio/closed_trade.hpp"
#include "engine/portfolio/closed_trade_log.hpp"
#include "engine/portfolio/execution_log.hpp"
#include "engine/portfolio/position.hpp"
#include "engine/portfolio/position_index.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

enum class AccountType : std::uint8_t {
  kCash,        // buying power = cash - short market value; risk must deny short sales
  kRegTMargin,  // buying power = 2 x equity - (long market value + short market value)
};

enum class FillOutcome : std::uint8_t {
  kBooked,
  kDuplicate,  // the execution id was booked before (IB re-sends executions on reconnect)
};

// A fill the ledger booked: its entry in the ledger's executions (execution_id(entry) is its
// id). A caller that keeps it hands it back with the execution's late commission, which then
// needs no lookup of the id.
struct BookedFill {
  std::uint32_t entry = 0;
};

enum class CommissionOutcome : std::uint8_t {
  kBooked,     // the difference to what was booked for the execution went in
  kUnchanged,  // the execution already carried exactly this commission (a re-sent report)
};

// The account at one instant, for the dashboard and the equity curve.
struct LedgerSnapshot {
  Timestamp time;
  Money cash;
  Money equity;
  Money realized_pnl;    // gross, FIFO
  Money unrealized_pnl;  // at the last prices
  Money commissions;     // all booked
  Money long_value;      // sum of long market values
  Money short_value;     // sum of |short market values|
  Money gross_exposure;  // long_value + short_value
  Money net_exposure;    // long_value - short_value
  Money buying_power;

  friend bool operator==(const LedgerSnapshot&, const LedgerSnapshot&) = default;
};

using PositionMap = std::map<Symbol, LedgerPosition, std::less<>>;

// A caller's lasting reference to one symbol in a Ledger (Ledger::position_handle), whether or
// not the symbol has a position yet: taken once per symbol and passed with every bar instead of
// the symbol text, it reaches the position with two loads, where a lookup by text hashes or
// compares the symbol each time. Valid as long as its ledger (map nodes never move).
class PositionHandle {
 public:
  PositionHandle() = default;  // refers to nothing: only to be assigned a ledger's handle
  explicit operator bool() const { return entry_ != nullptr; }
  const Symbol& symbol() const { return entry_->first; }

 private:
  friend class Ledger;
  // The symbol and its position, null until the symbol's first fill.
  using Entry = std::pair<const Symbol, LedgerPosition*>;
  explicit PositionHandle(Entry& entry) : entry_(&entry) {}
  Entry* entry_ = nullptr;
};

class Ledger {
 public:
  explicit Ledger(Money starting_cash, AccountType account_type = AccountType::kRegTMargin);
  // Execution records point into the position map: a copy would point into the original.
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;
  Ledger(Ledger&&) = default;
  Ledger& operator=(Ledger&&) = default;
  ~Ledger() = default;

  // Books a fill and its `commission` (zero when the broker reports it later). Closes FIFO
  // against open lots of the other side, opens a lot with what is left (a flip through zero
  // does both). A fill whose execution id was booked before changes nothing: kDuplicate.
  // Errors (nothing booked): empty execution id or symbol, quantity or price not positive.
  Result<FillOutcome> apply_fill(const Fill& fill);
  // apply_fill for a fill whose execution id the caller knows to be new (the engine's order
  // manager refuses a re-sent execution before it reaches the ledger): the same booking and
  // errors, without looking the id up. A known id breaks the precondition.
  Result<BookedFill> apply_new_fill(const Fill& fill);

  // `total_commission` is the execution's whole commission, as IB's commission report gives it.
  // The ledger books the difference to what it holds for that execution (the fill's own
  // commission plus earlier reports) into cash, totals, the position, and pro rata into the
  // closed trades and open lot the execution touched. Equal: kUnchanged. Unknown id: an error.
  Result<CommissionOutcome> apply_commission(const ExecutionId& execution_id,
                                             Money total_commission);
  // The same for the execution `fill` (what apply_new_fill returned), without looking it up.
  CommissionOutcome apply_commission(BookedFill fill, Money total_commission);

  // Values `symbol` at `price` and widens the excursions of its open lots. Symbols without a
  // position are ignored. Error (nothing changed) for a price that is not positive.
  //
  // Marks and bars are the ledger's most frequent events, and the values they move are mostly
  // read far less often (an equity point per session, a risk check per order). So they note
  // the price, and the position's market value (LedgerPosition::market_value) and the totals
  // (equity, exposures, ...) are worked out when next read: every accessor below catches up
  // first, with the figures, display precision included, that valuing each mark at once would
  // have given.
  Status mark(std::string_view symbol, Price price, Timestamp time);
  // Values at the bar's close (time: the bar's start). High and low widen the excursions of lots
  // opened at or before the bar's start; lots opened inside the bar see only its close, because
  // the high or low may have printed before they opened. Error for a bar failing check_bar or
  // with a price that is not positive. Inline up to the position: every bar of a run comes here,
  // and most runs hold no position on most bars.
  [[gnu::always_inline]] Status mark_bar(std::string_view symbol, const Bar& bar) {
    if (!is_well_formed(bar)) [[unlikely]]
      return check_marked_bar(symbol, bar);
    if (LedgerPosition* const position = index_.find(symbol)) mark_at_bar(*position, bar);
    return {};
  }
  // The same for the handle's symbol, without touching its text: the way for a caller that
  // sends a symbol's bars over and over (the engine keeps a handle per symbol it has data for).
  [[gnu::always_inline]] Status mark_bar(PositionHandle handle, const Bar& bar) {
    if (!is_well_formed(bar)) [[unlikely]]
      return check_marked_bar(handle.symbol(), bar);
    if (LedgerPosition* const position = handle.entry_->second) mark_at_bar(*position, bar);
    return {};
  }
  // mark_bar for a bar that already passed is_valid_bar (core/market_data.hpp), as every bar
  // source checks its bars (the CSV reader, the TWS mapping, the simulated venue, which throws on
  // one that fails): checks only what is_valid_bar leaves out, a positive low, with mark_bar's
  // error. A bar failing is_valid_bar breaks the precondition (asserted in debug builds).
  [[gnu::always_inline]] Status mark_valid_bar(PositionHandle handle, const Bar& bar) {
    assert(is_valid_bar(bar));
    if (!bar.low.is_positive()) [[unlikely]]
      return check_marked_bar(handle.symbol(), bar);
    if (LedgerPosition* const position = handle.entry_->second) mark_at_bar(*position, bar);
    return {};
  }
  // The handle of `symbol`, the same on every call; the symbol needs no position yet (its first
  // fill makes one, and the handle then reaches it).
  PositionHandle position_handle(std::string_view symbol);

  AccountType account_type() const { return account_type_; }
  Money starting_cash() const { return starting_cash_; }
  // starting cash - buy notionals + sell notionals - commissions
  Money cash() const { return cash_; }
  // cash + sum of signed market values
  Money equity() const {
    value_marks();
    return cash_ + long_value_ - short_value_;
  }
  Money realized_pnl() const { return realized_pnl_; }
  // sum of (market value - cost basis)
  Money unrealized_pnl() const {
    value_marks();
    return long_value_ - short_value_ - cost_basis_;
  }
  Money commissions() const { return commissions_; }
  Money long_value() const {
    value_marks();
    return long_value_;
  }
  Money short_value() const {
    value_marks();
    return short_value_;
  }
  Money gross_exposure() const {
    value_marks();
    return long_value_ + short_value_;
  }
  Money net_exposure() const {
    value_marks();
    return long_value_ - short_value_;
  }
  Money buying_power() const;
  LedgerSnapshot snapshot(Timestamp time) const;

  // Every symbol ever filled, flat ones included, ordered by symbol.
  const PositionMap& positions() const { return positions_; }
  const LedgerPosition* position(std::string_view symbol) const { return index_.find(symbol); }
  // The handle's position; null until the symbol's first fill.
  const LedgerPosition* position(PositionHandle handle) const { return handle.entry_->second; }
  // In the order they closed; within one fill, in FIFO lot order.
  // The span is valid until the next call after a fill that closes a trade.
  std::span<const ClosedTrade> closed_trades() const { return closed_trades_.view(); }
  // Execution ids booked, numbered in booking order (Lot::fill is such a number).
  std::size_t execution_count() const { return executions_.size(); }
  ExecutionId execution_id(std::uint32_t index) const;
  // Pre-sizes the execution log and closed trades for `fills` fills (for backtests that know
  // their size; the ledger grows as needed either way).
  void reserve(std::size_t fills);

 private:
  static constexpr std::uint32_t kNoTrade = ClosedTradeLog::kNone;

  // What one execution touched, so that a late commission can follow it.
  struct ExecutionRecord {
    // Built in place with what the fill gives at once (emplace_back), where a value-initialised
    // record would be zeroed and then written over.
    ExecutionRecord(LedgerPosition& fill_position, const Fill& fill, std::uint32_t first)
        : position(&fill_position),
          quantity(fill.quantity),
          commission(fill.commission),
          first_exit(first) {}

    LedgerPosition* position = nullptr;
    Quantity quantity;  // the fill's
    Money commission;   // booked for it so far
    Quantity opened;    // the part that opened a lot; zero when it only closed
    // Closed trades it was the exit of: [first_exit, first_exit + exit_count).
    std::uint32_t first_exit = 0;
    std::uint32_t exit_count = 0;
    // Closed trades taken from the lot it opened, chained through their next_from_lot.
    std::uint32_t entry_head = kNoTrade;
    std::uint32_t entry_tail = kNoTrade;
  };

  // What check_bar accepts, plus a positive low: the bars mark_bar books. The same conditions
  // as low <= min(open, close), max(open, close) <= high (and so low <= high), combined without
  // branches: every bar comes through here, and seven compare-and-jumps cost twice as much.
  static bool is_well_formed(const Bar& bar) {
    const std::int64_t open = bar.open.raw();
    const std::int64_t close = bar.close.raw();
    const std::int64_t low = bar.low.raw();
    return static_cast<bool>(static_cast<int>(low > 0) &
                             static_cast<int>(low <= std::min(open, close)) &
                             static_cast<int>(std::max(open, close) <= bar.high.raw()) &
                             static_cast<int>(bar.volume.raw() >= 0));
  }
  // The error for a bar that is not well formed (check_bar's, or a low that is not positive).
  static Status check_marked_bar(std::string_view symbol, const Bar& bar);
  // Inline with mark_bar, into the caller's bar loop: one open lot (or none) is the common case,
  // and a bar of a held symbol then costs a few compares, a multiplication and stores.
  [[gnu::always_inline]] void mark_at_bar(LedgerPosition& position, const Bar& bar) {
    if (Lot* const lot = position.single_lot_) [[likely]] {
      widen_at_bar(*lot, bar);
    } else {
      for (Lot& each : position.lots.open())
        widen_at_bar(each, bar);
    }
    note_price(position, bar.close, bar.time);
  }
  static void widen_at_bar(Lot& lot, const Bar& bar) {
    if (lot.open_time <= bar.time) [[likely]] {
      widen(lot, bar.low, bar.high);
    } else {
      widen(lot, bar.close, bar.close);
    }
  }
  // Prices by reference: by value, GCC spills each (8 bytes and a padded int) to the stack to
  // copy it, a few instructions more on every bar.
  static void widen(Lot& lot, const Price& low, const Price& high) {
    if (low < lot.low) lot.low = low;
    if (high > lot.high) lot.high = high;
  }
  // Notes a mark's price; its value waits for a read (see mark()). A flat position's value is
  // zero at any price: nothing waits.
  [[gnu::always_inline]] void note_price(LedgerPosition& position, const Price& price,
                                         Timestamp time) {
    position.last_price = price;
    position.last_price_time = time;
    if (position.quantity.is_zero()) return;
    if (price.raw() > position.max_lazy_price_raw_) [[unlikely]]
      check_value_fits(position, price);
    position.marked_price_precision_ =
        std::max(position.marked_price_precision_, price.precision());
    if (!position.value_pending_) add_pending(position);
  }
  // Values `position` at `price` for notional's overflow check alone (it throws); the value
  // itself waits like any mark's. Out of line: only for a value near Money's range.
  [[gnu::noinline]] static void check_value_fits(const LedgerPosition& position, Price price);
  // The largest raw price whose value at `quantity` fits in half of notional's range (see
  // LedgerPosition::max_lazy_price_raw_): a 64-bit division per fill instead of a 128-bit
  // product per mark. price.raw x |quantity.raw| <= (INT64_MAX / 2) x 1e9 below it.
  static std::int64_t max_lazy_price_raw(Quantity quantity) {
    const std::uint64_t magnitude = quantity.is_negative()
                                        ? 0 - static_cast<std::uint64_t>(quantity.raw())
                                        : static_cast<std::uint64_t>(quantity.raw());
    if (magnitude == 0) return INT64_MAX;
    const auto per_unit = static_cast<std::int64_t>((INT64_MAX / 2) / magnitude);
    std::int64_t limit = 0;
    return __builtin_mul_overflow(per_unit, kFixedScale, &limit) ? INT64_MAX : limit;
  }
  // Out of line: once per position between two reads of the totals.
  [[gnu::noinline]] void add_pending(LedgerPosition& position) {
    position.value_pending_ = true;
    pending_values_.push_back(&position);
  }
  // Brings the totals up to the market values of the marked positions.
  void value_marks() const {
    if (!pending_values_.empty()) [[unlikely]]
      value_pending_marks();
  }
  void value_pending_marks() const;
  // Moves the value at `position`'s latest mark into the totals, with the display precision
  // that moving each mark's value there at once would have left on its side's total.
  void count_marks(LedgerPosition& position) const;
  // The display precision part of count_marks: the largest of the marks' values goes onto
  // their side's total (a mark does not change the quantity, so all to the same side).
  void count_mark_precision(LedgerPosition& position) const;
  // The same for a fill, which counts the position's new value itself: the precision is owed
  // to the side's total, paid at its next read (a max, so when it is applied does not change
  // the result). The position stays listed in pending_values_, so that read goes through
  // value_pending_marks, which pays; its marks are counted (nothing left for count_marks).
  // Inline on every fill after a mark: a max of two ints instead of a Decimal addition.
  [[gnu::always_inline]] void owe_mark_precision(LedgerPosition& position) {
    if (!position.has_marks_to_count()) return;
    int& owed = position.quantity.is_positive() ? long_precision_owed_ : short_precision_owed_;
    owed = std::max(owed, position.marked_price_precision_ + position.quantity.precision());
    position.marked_price_precision_ = LedgerPosition::kNoMarks;
  }
  void pay_owed_precision() const;
  LedgerPosition& position_for(const Symbol& symbol) {
    if (LedgerPosition* const known = index_.find(symbol)) return *known;
    return add_position(symbol);
  }
  LedgerPosition& add_position(const Symbol& symbol);
  // Books a well-formed fill as execution `index`, just added to executions_.
  void book_execution(const Fill& fill, std::uint32_t index);
  // The booking of execution `index` (whose record is `record`) into `position`.
  void book(LedgerPosition& position, const Fill& fill, ExecutionRecord& record,
            std::uint32_t index);
  // Closes what `remaining` of the fill takes from the front lots, FIFO, with the exits' share
  // of `commission_left`; both leave with what is left for a new lot.
  void close_fifo(LedgerPosition& position, const Fill& fill, ExecutionRecord& record,
                  Quantity& remaining, Money& commission_left);
  // Closes the front lot whole (remaining >= its quantity), the same way.
  void close_whole_front(LedgerPosition& position, const Fill& fill, ExecutionRecord& record,
                         Quantity& remaining, Money& commission_left);
  void check_trade_room() const {
    if (closed_trades_.size() >= kNoTrade) [[unlikely]]
      throw std::length_error("ledger: too many closed trades");
  }
  // Books the closed trade of `matched` from `lot` (at its `cost` and `entry_commission`) and
  // its effect on the position and the totals; the lot itself is the caller's to shrink or drop.
  void book_close(LedgerPosition& position, const Fill& fill, ExecutionRecord& record,
                  const Lot& lot, Quantity matched, Money cost, Money entry_commission,
                  Money exit_commission);
  // Opens a lot of `quantity` at the fill's price, carrying `commission`.
  void open_lot(LedgerPosition& position, const Fill& fill, ExecutionRecord& record,
                std::uint32_t index, Quantity quantity, Money commission);
  void spread_entry_commission(const ExecutionRecord& record, std::uint32_t index, Money amount);
  // Inline, like set_price: every fill, mark and bar of a held symbol comes through both.
  static Money value_at(const LedgerPosition& position, Price price) {
    return position.quantity.is_zero() ? Money{} : notional(price, position.quantity);
  }
  // `value` is value_at(position, price), passed in where it is already known.
  void set_price(LedgerPosition& position, Price price, Timestamp time, Money value) {
    position.last_price = price;
    position.last_price_time = time;
    position.max_lazy_price_raw_ = max_lazy_price_raw(position.quantity);
    set_value(position, value);
  }
  // The position's market value is what the totals count for it until the next mark.
  void set_value(LedgerPosition& position, Money value) { count_value(position, value); }
  // Replaces what the totals hold for `position` by `value`.
  void count_value(LedgerPosition& position, Money value) const {
    const Money before = position.counted_value_;
    if (before.is_positive()) {
      long_value_ -= before;
    } else {
      short_value_ += before;
    }
    if (value.is_positive()) {
      long_value_ += value;
    } else {
      short_value_ -= value;
    }
    position.counted_value_ = value;
  }

  AccountType account_type_;
  Money starting_cash_;
  Money cash_;
  Money realized_pnl_;
  Money commissions_;
  // Brought up to date by value_marks, from const accessors too.
  mutable Money long_value_;
  mutable Money short_value_;
  // The display precision owed to each (owe_mark_precision); kNoMarks when none.
  mutable int long_precision_owed_ = LedgerPosition::kNoMarks;
  mutable int short_precision_owed_ = LedgerPosition::kNoMarks;
  Money cost_basis_;  // sum of the positions' signed cost bases

  PositionMap positions_;
  PositionIndex index_;  // symbol -> its node in positions_, for lookups without a tree walk
  // The symbols handed out as PositionHandles -> their node in positions_, null until filled.
  std::map<Symbol, LedgerPosition*, std::less<>> handles_;
  ClosedTradeLog closed_trades_;
  // Positions marked since the totals last caught up with them (value_pending_ set), each once.
  mutable std::vector<LedgerPosition*> pending_values_;
  ExecutionLog executions_;
  std::vector<ExecutionRecord> records_;  // parallel to executions_
};

}  // namespace ibtrade::engine
