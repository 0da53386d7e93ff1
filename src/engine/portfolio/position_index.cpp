#include "engine/portfolio/position_index.hpp"

#include <utility>

namespace ibtrade::engine {

LedgerPosition* PositionIndex::find_by_hash(std::string_view symbol) const {
  if (slots_.empty()) return nullptr;
  const std::uint64_t hash = hash_bytes(symbol);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.position == nullptr) return nullptr;
    if (slot.hash == hash && same_bytes(slot.position->symbol, symbol)) {
      remember(*slot.position);
      return slot.position;
    }
  }
}

void PositionIndex::insert(LedgerPosition& position) {
  constexpr std::size_t kFirstSlots = 16;
  if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? kFirstSlots : slots_.size() * 2);
  const std::uint64_t hash = hash_bytes(position.symbol);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].position != nullptr)
    i = (i + 1) & mask;
  slots_[i] = Slot{hash, &position};
  ++size_;
  remember(position);
}

void PositionIndex::remember(LedgerPosition& position) const {
  if (position.symbol.size() > 8) return;  // found by hash every time
  last_ = &position;
  last_size_ = position.symbol.size();
  last_word_ = hash_detail::short_word(position.symbol);
}

void PositionIndex::rehash(std::size_t slot_count) {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slot_count));
  const std::size_t mask = slot_count - 1;
  for (const Slot& slot : old) {
    if (slot.position == nullptr) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].position != nullptr)
      i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace ibtrade::engine
