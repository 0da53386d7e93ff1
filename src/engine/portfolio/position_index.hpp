// Finds a Ledger's position by symbol text. Single-threaded, owned by the Ledger.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/hash.hpp"
#include "engine/portfolio/position.hpp"

namespace ibtrade::engine {

// The ledger is asked for a position by symbol on every fill, bar, mark and risk check; its
// ordered map costs a tree walk of string compares each time. This index answers instead: the
// symbol asked for last (a run mostly asks about one symbol over and over) with one word
// compare, any other with one hash and a short linear probe. It holds pointers to positions
// whose addresses never change (map nodes, never erased), keyed by their own `symbol`.
class PositionIndex {
 public:
  LedgerPosition* find(std::string_view symbol) const {
    if (symbol.size() == last_size_ && symbol.size() <= 8 &&
        hash_detail::short_word(symbol) == last_word_) {
      return last_;
    }
    if (size_ == 0) return nullptr;  // nothing held yet: every bar of a run before its first fill
    return find_by_hash(symbol);
  }
  // `position.symbol` must not be in the index yet, and the position must stay where it is.
  void insert(LedgerPosition& position);
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    LedgerPosition* position = nullptr;  // null: empty
  };

  LedgerPosition* find_by_hash(std::string_view symbol) const;
  void rehash(std::size_t slot_count);

  std::vector<Slot> slots_;  // size a power of two (or zero), at most half full
  std::size_t size_ = 0;
  void remember(LedgerPosition& position) const;

  // The last position found or inserted, when its symbol is at most 8 bytes (most are), with
  // that symbol as one word: a cache that lookups through a const Ledger refresh.
  mutable LedgerPosition* last_ = nullptr;
  mutable std::size_t last_size_ = SIZE_MAX;  // SIZE_MAX: nothing cached
  mutable std::uint64_t last_word_ = 0;
};

}  // namespace ibtrade::engine
