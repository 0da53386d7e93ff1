// A map from client order id to a record at a stable address, for the simulated venue, which adds
// an id for every order it is sent and forgets it once enough newer orders have finished.
// Records live in a pool: an entry's address stays valid until it is erased, and erased entries
// are handed out again (their id strings keep their buffers). The index over them is an
// open-addressing table of (hash, entry) pairs with linear probing and backward-shift erase (no
// tombstones). Once pool and table have grown to the working size, adding and forgetting an id
// allocates nothing, where a node-based map allocates and frees a node per id.
// Single-threaded, like its venue.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "core/ids.hpp"

namespace ibtrade::engine {

template <class Record>
class IdTable {
 public:
  struct Entry {
    ClientOrderId id;
    Record record{};
    std::uint64_t hash = 0;  // of `id`, kept to find the entry's slot and to regrow
  };

  // The entry of `id`, or null.
  Entry* find(const ClientOrderId& id) {
    if (size_ == 0) return nullptr;
    const std::uint64_t hash = hash_of(id);
    for (std::size_t i = hash & mask(); slots_[i].entry != nullptr; i = (i + 1) & mask()) {
      if (slots_[i].hash == hash && slots_[i].entry->id == id) return slots_[i].entry;
    }
    return nullptr;
  }

  // The entry of `id` and false if there is one; else a new entry with a value-initialized
  // record, and true.
  std::pair<Entry*, bool> try_emplace(const ClientOrderId& id) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t hash = hash_of(id);
    std::size_t i = hash & mask();
    for (; slots_[i].entry != nullptr; i = (i + 1) & mask()) {
      if (slots_[i].hash == hash && slots_[i].entry->id == id) return {slots_[i].entry, false};
    }
    Entry* entry = take_entry();
    entry->id = id;  // assigned: a reused entry's string keeps its buffer
    entry->record = Record{};
    entry->hash = hash;
    slots_[i] = Slot{hash, entry};
    ++size_;
    return {entry, true};
  }

  // Forgets `entry` (one this table handed out and has not erased). Its address may be handed
  // out again by a later try_emplace.
  void erase(Entry* entry) {
    std::size_t hole = entry->hash & mask();
    while (slots_[hole].entry != entry)
      hole = (hole + 1) & mask();
    // Backward shift: later entries of the probe run move up into the hole unless their home
    // slot lies after it, so that every entry stays reachable from its home without tombstones.
    for (std::size_t next = (hole + 1) & mask(); slots_[next].entry != nullptr;
         next = (next + 1) & mask()) {
      const std::size_t home = slots_[next].hash & mask();
      if (((next - home) & mask()) >= ((next - hole) & mask())) {
        slots_[hole] = slots_[next];
        hole = next;
      }
    }
    slots_[hole] = Slot{};
    free_.push_back(entry);
    --size_;
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    Entry* entry = nullptr;  // null: empty
  };

  static std::uint64_t hash_of(const ClientOrderId& id) { return std::hash<ClientOrderId>{}(id); }
  std::size_t mask() const { return slots_.size() - 1; }

  Entry* take_entry() {
    if (free_.empty()) return &entries_.emplace_back();
    Entry* entry = free_.back();
    free_.pop_back();
    return entry;
  }

  // Twice the slots (at least 16, always a power of two), every entry placed again.
  void grow() {
    std::vector<Slot> old =
        std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(16, slots_.size() * 2)));
    for (const Slot& slot : old) {
      if (slot.entry == nullptr) continue;
      std::size_t i = slot.hash & mask();
      while (slots_[i].entry != nullptr)
        i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;    // the index; at most half full
  std::deque<Entry> entries_;  // every entry ever made: a deque keeps their addresses
  std::vector<Entry*> free_;   // erased entries, to hand out again
  std::size_t size_ = 0;
};

}  // namespace ibtrade::engine
