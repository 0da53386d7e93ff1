// An index from text ids (client order ids, execution ids) to records kept elsewhere at stable
// addresses: the order manager's orders and executions (added, never removed) and the simulated
// venue's known orders (IdTable: added and forgotten). Single-threaded, owned by its user.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.hpp"

namespace ibtrade::engine {

// Open addressing with linear probing over (hash, record) pairs, at most half full: a lookup
// reads one or two slots and compares the ids of those whose hash matches. The caller hashes an
// id once and passes the hash to find and add (a node-based map hashes it again on insert, and
// allocates a node per record). `KeyOf{}(record)` is the record's id as a string_view.
template <class Record, class KeyOf>
class IdIndex {
 public:
  static std::uint64_t hash_of(std::string_view id) { return hash_bytes(id); }

  // The record of `id` (whose hash is `hash`), or null.
  Record* find(std::string_view id, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask(); slots_[i].record != nullptr; i = (i + 1) & mask()) {
      if (slots_[i].hash == hash && same_bytes(KeyOf{}(*slots_[i].record), id)) {
        return slots_[i].record;
      }
    }
    return nullptr;
  }

  // Indexes `record`, whose id must not be indexed yet and must hash to `hash`.
  void add(Record* record, std::uint64_t hash) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place(Slot{hash, record});
    ++size_;
  }

  // Unindexes `record`, which must be indexed under `hash`. Backward shift: later records of the
  // probe run move up into the hole unless their home slot lies after it, so that every record
  // stays reachable from its home without tombstones.
  void erase(const Record* record, std::uint64_t hash) {
    std::size_t hole = hash & mask();
    while (slots_[hole].record != record)
      hole = (hole + 1) & mask();
    for (std::size_t next = (hole + 1) & mask(); slots_[next].record != nullptr;
         next = (next + 1) & mask()) {
      const std::size_t home = slots_[next].hash & mask();
      if (((next - home) & mask()) >= ((next - hole) & mask())) {
        slots_[hole] = slots_[next];
        hole = next;
      }
    }
    slots_[hole] = Slot{};
    --size_;
  }

  std::size_t size() const { return size_; }

  // Room for `count` records without growing: a user that knows roughly how many ids it will
  // hold spares the rehashes of growing to it (each places every record again).
  void reserve(std::size_t count) {
    std::size_t slot_count = 16;
    while (slot_count < count * 2)
      slot_count *= 2;
    if (slot_count <= slots_.size()) return;
    const std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slot_count));
    for (const Slot& slot : old) {
      if (slot.record != nullptr) place(slot);
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    Record* record = nullptr;  // null: empty
  };

  std::size_t mask() const { return slots_.size() - 1; }

  void place(Slot slot) {
    std::size_t i = slot.hash & mask();
    while (slots_[i].record != nullptr)
      i = (i + 1) & mask();
    slots_[i] = slot;
  }

  // Twice the slots (at least 16: always a power of two), every record placed again.
  void grow() {
    const std::vector<Slot> old =
        std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(16, slots_.size() * 2)));
    for (const Slot& slot : old) {
      if (slot.record != nullptr) place(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace ibtrade::engine
