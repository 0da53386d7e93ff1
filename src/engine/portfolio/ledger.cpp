#include "engine/portfolio/ledger.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace ibtrade::engine {
namespace {

// The raw value of `amount` x part / whole, rounded half-even at 1e-9. Whole share counts (a
// commission split over the shares of a fill or lot) cancel their common factor 1e9 first, which
// leaves a 64-bit product and one division instead of scale's 128-bit general case; the ratio,
// and so the rounding, is the same. Counts shown without decimals are whole by the Decimal
// invariant: one compare each instead of the multiple-of-1e9 test.
// Inline into pro_rata: a flip splits its fill's commission on every fill.
[[gnu::always_inline]] inline std::int64_t share_raw(Money amount, Quantity part, Quantity whole) {
  const auto is_whole = [](Quantity q) {
    return q.precision() == 0 || fixed::is_multiple_of_pow10(q.raw(), kFixedPrecision);
  };
  if (whole.is_positive() && is_whole(part) && is_whole(whole)) {
    std::int64_t product = 0;
    if (!__builtin_mul_overflow(amount.raw(), part.raw() / kFixedScale, &product)) {
      return fixed::detail::div_half_even_64(product, whole.raw() / kFixedScale);
    }
  }
  return scale(amount, part.raw(), whole.raw(), kFixedPrecision).raw();
}

// `amount` x part / whole, rounded half-even at 1e-9 and shown with the decimals it needs. Every
// split gives its last piece the remainder instead, so the pieces sum to `amount` exactly.
// Inline: a flip's exit commission is one per fill.
[[gnu::always_inline]] inline Money pro_rata(Money amount, Quantity part, Quantity whole) {
  if (amount.is_zero() || part == whole) return amount;
  const std::int64_t share = share_raw(amount, part, whole);
  // max(amount's precision, the fewest decimals that show `share`): multiples of 10^k are
  // multiples of 10^(k-1), so the first precision from the amount's up that shows it.
  int precision = amount.precision();
  while (precision < kFixedPrecision &&
         !fixed::is_multiple_of_pow10(share, kFixedPrecision - precision)) {
    ++precision;
  }
  return Money::from_raw(share, precision);
}

// What check_fill accepts, without building its answer.
bool fill_is_well_formed(const Fill& fill) {
  return !fill.execution_id.value().empty() && !fill.symbol.empty() &&
         fill.quantity.is_positive() && fill.price.is_positive();
}

std::string check_fill(const Fill& fill) {
  const auto where = [&] {
    return "fill \"" + fill.execution_id.value() + "\" for \"" + fill.symbol + "\": ";
  };
  if (fill.execution_id.value().empty()) return where() + "no execution id";
  if (fill.symbol.empty()) return where() + "no symbol";
  if (!fill.quantity.is_positive()) {
    return where() + "quantity " + fill.quantity.to_string() + " is not positive";
  }
  if (!fill.price.is_positive()) {
    return where() + "price " + fill.price.to_string() + " is not positive";
  }
  return {};
}

}  // namespace

Ledger::Ledger(Money starting_cash, AccountType account_type)
    : account_type_(account_type), starting_cash_(starting_cash), cash_(starting_cash) {}

LedgerPosition& Ledger::add_position(const Symbol& symbol) {
  LedgerPosition& added = positions_.emplace(symbol, LedgerPosition{}).first->second;
  added.symbol = symbol;
  index_.insert(added);
  if (const auto handle = handles_.find(symbol); handle != handles_.end()) handle->second = &added;
  return added;
}

PositionHandle Ledger::position_handle(std::string_view symbol) {
  auto entry = handles_.find(symbol);
  if (entry == handles_.end()) {
    entry = handles_.emplace(Symbol(symbol), index_.find(symbol)).first;
  }
  return PositionHandle(*entry);
}

Result<FillOutcome> Ledger::apply_fill(const Fill& fill) {
  if (!fill_is_well_formed(fill)) return make_error(check_fill(fill));
  const auto [index, inserted] = executions_.insert(fill.execution_id.value());
  if (!inserted) return FillOutcome::kDuplicate;
  book_execution(fill, index);
  return FillOutcome::kBooked;
}

Result<BookedFill> Ledger::apply_new_fill(const Fill& fill) {
  if (!fill_is_well_formed(fill)) return make_error(check_fill(fill));
  const std::uint32_t index = executions_.append(fill.execution_id.value());
  book_execution(fill, index);
  return BookedFill{index};
}

void Ledger::book_execution(const Fill& fill, std::uint32_t index) {
  LedgerPosition& position = position_for(fill.symbol);
  ExecutionRecord& record =
      records_.emplace_back(position, fill, static_cast<std::uint32_t>(closed_trades_.size()));
  book(position, fill, record, index);
}

// Inline into book_execution, its only caller: one frame per fill instead of three.
[[gnu::always_inline]] inline void Ledger::book(LedgerPosition& position, const Fill& fill,
                                                ExecutionRecord& record, std::uint32_t index) {
  const bool buy = fill.side == Side::kBuy;
  // The fill values the position anew below, replacing in the totals what they hold for it:
  // of its pending marks only the display precision is left to pass on. It stays listed (with
  // nothing to move if no mark follows), so that a position is listed at most once.
  if (position.value_pending_) owe_mark_precision(position);
  // A fill is a print: it widens the excursions of every open lot, including those it closes.
  Lot* const only_lot = position.single_lot_;
  if (only_lot != nullptr) [[likely]] {
    widen(*only_lot, fill.price, fill.price);
  } else {
    for (Lot& lot : position.lots.open())
      widen(lot, fill.price, fill.price);
  }
  position.single_lot_ = nullptr;  // set again below, once the lots are settled

  Quantity remaining = fill.quantity;
  Money commission_left = fill.commission;
  const bool closes = buy ? position.quantity.is_negative() : position.quantity.is_positive();
  if (closes) {
    if (only_lot != nullptr && !(remaining < only_lot->quantity)) [[likely]] {
      // The usual close: the fill takes the only lot whole, and whatever is left opens the
      // other side below (a reversal). One pass, without the FIFO loop.
      close_whole_front(position, fill, record, remaining, commission_left);
    } else {
      close_fifo(position, fill, record, remaining, commission_left);
    }
  }
  if (!remaining.is_zero()) open_lot(position, fill, record, index, remaining, commission_left);
  position.commissions += fill.commission;
  commissions_ += fill.commission;
  cash_ -= fill.commission;
  // Valued at the fill price. When the fill left one lot it just opened, that value is the
  // lot's cost: notional(price, -q) == -notional(price, q) exactly, so skip the multiplication.
  position.single_lot_ = position.lots.size() == 1 ? &position.lots.front() : nullptr;
  const bool only_new_lot = position.lots.size() == 1 && position.lots.front().fill == index;
  set_price(position, fill.price, fill.time,
            only_new_lot ? position.cost_basis : value_at(position, fill.price));
}

void Ledger::close_fifo(LedgerPosition& position, const Fill& fill, ExecutionRecord& record,
                        Quantity& remaining, Money& commission_left) {
  while (!remaining.is_zero() && !position.lots.empty()) {
    if (!(remaining < position.lots.front().quantity)) {
      close_whole_front(position, fill, record, remaining, commission_left);
      continue;
    }
    // The fill ends inside the front lot: it takes part of it, with the rest of its commission.
    check_trade_room();
    Lot& lot = position.lots.front();
    const Quantity matched = remaining;
    const Money exit_commission = commission_left;
    const Money cost = notional(lot.price, matched);
    const Money entry_commission = pro_rata(lot.commission, matched, lot.quantity);
    book_close(position, fill, record, lot, matched, cost, entry_commission, exit_commission);
    lot.quantity -= matched;
    lot.cost -= cost;
    lot.commission -= entry_commission;
    commission_left -= exit_commission;
    remaining -= matched;
  }
}

[[gnu::always_inline]] inline void Ledger::close_whole_front(LedgerPosition& position,
                                                             const Fill& fill,
                                                             ExecutionRecord& record,
                                                             Quantity& remaining,
                                                             Money& commission_left) {
  const Lot& lot = position.lots.front();
  // Equal to the lot's quantity; std::min's pick (the fill's on a tie) for its display precision.
  const Quantity matched = std::min(remaining, lot.quantity);
  const Money exit_commission =
      matched == remaining ? commission_left : pro_rata(fill.commission, matched, fill.quantity);
  check_trade_room();
  book_close(position, fill, record, lot, matched, lot.cost, lot.commission, exit_commission);
  position.lots.pop_front();
  commission_left -= exit_commission;
  remaining -= matched;
}

[[gnu::always_inline]] inline void Ledger::book_close(LedgerPosition& position, const Fill& fill,
                                                      ExecutionRecord& record, const Lot& lot,
                                                      Quantity matched, Money cost,
                                                      Money entry_commission,
                                                      Money exit_commission) {
  const bool long_lot = position.quantity.is_positive();
  const Money exit_value = notional(fill.price, matched);
  const Money gross = long_lot ? exit_value - cost : cost - exit_value;
  const Money net = gross - entry_commission - exit_commission;
  const std::uint32_t trade_index = closed_trades_.push([&] {
    return ClosedTradeLog::Record{.symbol = &position.symbol,
                                  .quantity = matched,
                                  .entry_time = lot.open_time,
                                  .entry_price = lot.price,
                                  .exit_time = fill.time,
                                  .exit_price = fill.price,
                                  .entry_notional = cost,
                                  .gross_pnl = gross,
                                  .entry_commission = entry_commission,
                                  .exit_commission = exit_commission,
                                  .net_pnl = net,
                                  .low = lot.low,
                                  .high = lot.high,
                                  .next_from_lot = kNoTrade,
                                  .side = long_lot ? TradeSide::kLong : TradeSide::kShort};
  });
  ExecutionRecord& opener = records_[lot.fill];
  if (opener.entry_tail == kNoTrade) {
    opener.entry_head = trade_index;
  } else {
    closed_trades_[opener.entry_tail].next_from_lot = trade_index;
  }
  opener.entry_tail = trade_index;
  ++record.exit_count;

  const Money signed_cost = long_lot ? cost : -cost;
  position.quantity = long_lot ? position.quantity - matched : position.quantity + matched;
  position.cost_basis -= signed_cost;
  position.realized_pnl += gross;
  position.open_commission -= entry_commission;
  cost_basis_ -= signed_cost;
  realized_pnl_ += gross;
  cash_ += long_lot ? exit_value : -exit_value;
}

[[gnu::always_inline]] inline void Ledger::open_lot(LedgerPosition& position, const Fill& fill,
                                                    ExecutionRecord& record, std::uint32_t index,
                                                    Quantity quantity, Money commission) {
  const bool buy = fill.side == Side::kBuy;
  const Money cost = notional(fill.price, quantity);
  position.lots.push_back(Lot{.quantity = quantity,
                              .price = fill.price,
                              .open_time = fill.time,
                              .cost = cost,
                              .commission = commission,
                              .low = fill.price,
                              .high = fill.price,
                              .fill = index});
  const Money signed_cost = buy ? cost : -cost;
  position.quantity = buy ? position.quantity + quantity : position.quantity - quantity;
  position.cost_basis += signed_cost;
  position.open_commission += commission;
  cost_basis_ += signed_cost;
  cash_ -= signed_cost;
  record.opened = quantity;
}

Result<CommissionOutcome> Ledger::apply_commission(const ExecutionId& execution_id,
                                                   Money total_commission) {
  const std::uint32_t index = executions_.find(execution_id.value());
  if (index == ExecutionLog::kNotFound) {
    return make_error("commission for execution \"" + execution_id.value() +
                      "\": no fill with this execution id has been booked");
  }
  return apply_commission(BookedFill{index}, total_commission);
}

CommissionOutcome Ledger::apply_commission(BookedFill fill, Money total_commission) {
  const std::uint32_t index = fill.entry;
  assert(index < records_.size());
  ExecutionRecord& record = records_[index];
  const Money delta = total_commission - record.commission;
  if (delta.is_zero()) return CommissionOutcome::kUnchanged;
  record.commission = total_commission;

  // Split the way the fill's own commission was split: pro rata over the fill's quantity, the
  // exits first, the part that opened a lot last (it takes the remainder).
  Money left = delta;
  for (std::uint32_t i = 0; i < record.exit_count; ++i) {
    const std::uint32_t trade = record.first_exit + i;
    const bool last = i + 1 == record.exit_count && record.opened.is_zero();
    const Money share =
        last ? left : pro_rata(delta, closed_trades_[trade].quantity, record.quantity);
    closed_trades_.add_exit_commission(trade, share);
    left -= share;
  }
  if (!record.opened.is_zero()) spread_entry_commission(record, index, left);

  LedgerPosition& position = *record.position;
  position.commissions += delta;
  commissions_ += delta;
  cash_ -= delta;
  return CommissionOutcome::kBooked;
}

void Ledger::spread_entry_commission(const ExecutionRecord& record, std::uint32_t index,
                                     Money amount) {
  // Pro rata over the opened quantity: the closed trades already taken from the lot, then what
  // is still open. Whichever piece comes last takes the remainder.
  Quantity open = record.opened;
  Money left = amount;
  for (std::uint32_t t = record.entry_head; t != kNoTrade; t = closed_trades_[t].next_from_lot) {
    const Quantity quantity = closed_trades_[t].quantity;
    const Money share = quantity == open ? left : pro_rata(amount, quantity, record.opened);
    closed_trades_.add_entry_commission(t, share);
    left -= share;
    open -= quantity;
  }
  if (open.is_zero()) return;
  LedgerPosition& position = *record.position;
  for (Lot& lot : position.lots.open()) {
    if (lot.fill == index) {
      lot.commission += left;
      position.open_commission += left;
      return;
    }
  }
  throw std::logic_error("ledger: the open lot of execution \"" +
                         std::string(executions_.id(index)) + "\" is missing");
}

Status Ledger::mark(std::string_view symbol, Price price, Timestamp time) {
  if (!price.is_positive()) {
    return make_error("mark for \"" + std::string(symbol) + "\": price " + price.to_string() +
                      " is not positive");
  }
  LedgerPosition* const found = index_.find(symbol);
  if (found == nullptr) return {};
  LedgerPosition& position = *found;
  for (Lot& lot : position.lots.open()) {
    widen(lot, price, price);
  }
  note_price(position, price, time);
  return {};
}

void Ledger::check_value_fits(const LedgerPosition& position, Price price) {
  static_cast<void>(notional(price, position.quantity));
}

void Ledger::value_pending_marks() const {
  for (LedgerPosition* const position : pending_values_) {
    count_marks(*position);
  }
  pending_values_.clear();
  pay_owed_precision();
}

void Ledger::pay_owed_precision() const {
  // Adds nothing but the precision (clamped to 9), as count_mark_precision does.
  if (long_precision_owed_ != LedgerPosition::kNoMarks) {
    long_value_ += Money::from_raw(0, long_precision_owed_);
    long_precision_owed_ = LedgerPosition::kNoMarks;
  }
  if (short_precision_owed_ != LedgerPosition::kNoMarks) {
    short_value_ += Money::from_raw(0, short_precision_owed_);
    short_precision_owed_ = LedgerPosition::kNoMarks;
  }
}

void Ledger::count_marks(LedgerPosition& position) const {
  // Listed with no marks left to count: a fill counted them and valued the position since.
  if (position.has_marks_to_count()) {
    const Money value = position.market_value();
    count_mark_precision(position);
    count_value(position, value);
  }
  position.value_pending_ = false;
}

void Ledger::count_mark_precision(LedgerPosition& position) const {
  if (!position.has_marks_to_count()) return;
  // Each mark's value would have gone through the total of the position's side, whose
  // precision is the largest of all that did. notional's precision is the price's plus the
  // quantity's (at most 9), so the largest is that of the largest price precision.
  Money& side = position.quantity.is_positive() ? long_value_ : short_value_;
  const int value_precision = position.marked_price_precision_ + position.quantity.precision();
  side += Money::from_raw(0, value_precision);  // adds nothing but that precision (clamped to 9)
  position.marked_price_precision_ = LedgerPosition::kNoMarks;
}

Status Ledger::check_marked_bar(std::string_view symbol, const Bar& bar) {
  // check_bar builds its answer as a string: only a bar failing is_well_formed gets here.
  if (std::string problem = check_bar(bar); !problem.empty()) {
    return make_error("bar for \"" + std::string(symbol) + "\": " + problem);
  }
  if (!bar.low.is_positive()) {
    return make_error("bar for \"" + std::string(symbol) + "\": low " + bar.low.to_string() +
                      " is not positive");
  }
  return {};
}

Money Ledger::buying_power() const {
  value_marks();
  switch (account_type_) {
    case AccountType::kCash:
      // Short proceeds sit in cash but are owed back: they buy nothing.
      return cash_ - short_value_;
    case AccountType::kRegTMargin:
      // Excess equity over 50 % initial margin on both sides, levered back up by 2.
      return equity() * 2 - gross_exposure();
  }
  return {};
}

LedgerSnapshot Ledger::snapshot(Timestamp time) const {
  value_marks();
  return LedgerSnapshot{.time = time,
                        .cash = cash_,
                        .equity = equity(),
                        .realized_pnl = realized_pnl_,
                        .unrealized_pnl = unrealized_pnl(),
                        .commissions = commissions_,
                        .long_value = long_value_,
                        .short_value = short_value_,
                        .gross_exposure = gross_exposure(),
                        .net_exposure = net_exposure(),
                        .buying_power = buying_power()};
}

ExecutionId Ledger::execution_id(std::uint32_t index) const {
  return ExecutionId(std::string(executions_.id(index)));
}

void Ledger::reserve(std::size_t fills) {
  executions_.reserve(fills);
  records_.reserve(fills);
  // Most fills close at most one lot; more trades only grow the vectors as usual.
  closed_trades_.reserve(fills);
}

}  // namespace ibtrade::engine
