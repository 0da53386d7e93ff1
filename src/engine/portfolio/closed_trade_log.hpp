// A Ledger's closed round trips, in the order they closed: booked as compact records, read as
// ClosedTrade values. Single-threaded, owned by the Ledger (reads from const methods fill a
// cache, see view()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/time.hpp"
#include "engine/portfolio/closed_trade.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine {

// A ledger closes a trade on about every other fill, and reads its trades once, for the report
// or the store. So a close writes a record of plain values into a block that never moves: no
// copy of the symbol text (the record points at the position's own symbol, which never moves
// either), no excursion arithmetic (the lot's price range is kept, the excursions follow from
// it), and no record copied again when the log grows. view() builds the ClosedTrade values from
// the records when read, once each.
class ClosedTradeLog {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // What a close books; the ClosedTrade fields of the same name mean the same.
  struct Record {
    const Symbol* symbol;  // the position's own, whose address never changes
    Quantity quantity;
    Timestamp entry_time;
    Price entry_price;
    Timestamp exit_time;
    Price exit_price;
    Money entry_notional;
    Money gross_pnl;
    Money entry_commission;
    Money exit_commission;
    Money net_pnl;
    // The lot's lowest and highest price while open: the excursions' base.
    Price low;
    Price high;
    // The next trade closed from the same lot (kNone: the latest), for a late entry commission.
    std::uint32_t next_from_lot;
    TradeSide side;
  };
  static_assert(std::is_trivially_copyable_v<Record> && std::is_trivially_destructible_v<Record>);

  ClosedTradeLog() = default;
  ClosedTradeLog(const ClosedTradeLog&) = delete;
  ClosedTradeLog& operator=(const ClosedTradeLog&) = delete;
  ClosedTradeLog(ClosedTradeLog&&) = default;
  ClosedTradeLog& operator=(ClosedTradeLog&&) = default;
  ~ClosedTradeLog() = default;

  std::size_t size() const { return size_; }
  // Appends the record `build()` returns and returns its index. Inline: one per closing fill.
  // The record is built straight into its slot (a returned prvalue is not copied), where
  // passing a built one would write its fields twice, to the stack and then to the slot.
  template <class Build>
  std::uint32_t push(Build build) {
    if ((size_ & (kBlockSize - 1)) == 0) [[unlikely]]
      add_block();
    const std::uint32_t index = size_;
    ::new (slot(index)) Record(build());
    ++size_;
    return index;
  }
  const Record& operator[](std::uint32_t index) const {
    return *std::launder(reinterpret_cast<const Record*>(slot(index)));
  }
  Record& operator[](std::uint32_t index) {
    return *std::launder(reinterpret_cast<Record*>(slot(index)));
  }
  // A late commission's share for trade `index`, on its record and on its value if already read.
  void add_entry_commission(std::uint32_t index, Money share);
  void add_exit_commission(std::uint32_t index, Money share);

  // Every trade as a ClosedTrade, in order. Builds the values of the trades closed since the
  // last read; the span is valid until the next read after a close (or a move of the log).
  std::span<const ClosedTrade> view() const;
  void reserve(std::size_t count) { read_.reserve(count); }

 private:
  // 256 records (about 56 KiB) per block, allocated as the log fills: a record's place follows
  // from its index, and a block once made stays where it is.
  static constexpr unsigned kBlockBits = 8;
  static constexpr std::uint32_t kBlockSize = 1U << kBlockBits;
  struct alignas(Record) RawRecord {
    std::byte bytes[sizeof(Record)];
  };

  std::byte* slot(std::uint32_t index) const {
    return blocks_[index >> kBlockBits][index & (kBlockSize - 1)].bytes;
  }
  void add_block();
  // Adds `share` to one of trade `index`'s two commissions and takes it off its net PnL.
  void add_commission(std::uint32_t index, Money share, Money Record::*in_record,
                      Money ClosedTrade::*in_value);
  static ClosedTrade value_of(const Record& record);

  // Storage only (no constructor runs over a block): each record is constructed by push.
  std::vector<std::unique_ptr<RawRecord[]>> blocks_;
  std::uint32_t size_ = 0;
  // The ClosedTrade values of records [0, read_.size()), built by view().
  mutable std::vector<ClosedTrade> read_;
};

}  // namespace ibtrade::engine
