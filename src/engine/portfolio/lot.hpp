// An open lot (what one opening fill left open) and the FIFO queue of a position's lots: closes
// take from the front, opens append at the back. Single-threaded, owned by the Ledger.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/time.hpp"

namespace ibtrade::engine {

struct Lot {
  Quantity quantity;  // still open, positive; the position's sign says long or short
  Price price;        // entry price
  Timestamp open_time;
  // Entry notional of the open quantity. Partial closes take notional(price, matched) out and the
  // last close takes the rest, so what the lot's closes take out sums to what it cost exactly.
  Money cost;
  Money commission;        // the part of the entry commission not yet passed on to closed trades
  Price low;               // lowest and highest price seen while open (entry, fills, marks, bars):
  Price high;              // the base of the max adverse / favourable excursion
  std::uint32_t fill = 0;  // the opening execution: Ledger::execution_id(fill)

  friend bool operator==(const Lot&, const Lot&) = default;
};

// The open lots as two pointers, for the ledger's loops over them: a span would also work out
// their count, a division (a Lot is 112 bytes) on every bar that a loop has no use for.
struct LotRange {
  Lot* first;
  Lot* last;

  Lot* begin() const { return first; }
  Lot* end() const { return last; }
};

// A vector with a moving head instead of a deque: popping never frees, pushing reuses the
// capacity, so a position that opens and closes all day stops allocating after warm-up.
class LotQueue {
 public:
  bool empty() const { return head_ == lots_.size(); }
  std::size_t size() const { return lots_.size() - head_; }

  Lot& front() { return lots_[head_]; }
  const Lot& front() const { return lots_[head_]; }
  void push_back(const Lot& lot) { lots_.push_back(lot); }
  void pop_front() {
    ++head_;
    if (head_ == lots_.size()) {
      lots_.clear();
      head_ = 0;
    } else if (head_ >= kCompactAfter && head_ * 2 >= lots_.size()) {
      // Amortised O(1): at least as many pops as moves since the last compaction.
      lots_.erase(lots_.begin(), lots_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  std::span<Lot> view() { return {lots_.data() + head_, size()}; }
  LotRange open() { return {lots_.data() + head_, std::to_address(lots_.end())}; }
  std::span<const Lot> view() const { return {lots_.data() + head_, size()}; }
  auto begin() const { return view().begin(); }
  auto end() const { return view().end(); }
  const Lot& operator[](std::size_t i) const { return lots_[head_ + i]; }

 private:
  static constexpr std::size_t kCompactAfter = 16;

  std::vector<Lot> lots_;
  std::size_t head_ = 0;
};

}  // namespace ibtrade::engine
