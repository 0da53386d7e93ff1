// A map from client order id to a record at a stable address, for the simulated venue, which adds
// an id for every order it is sent and forgets it once enough newer orders have finished.
// Records live in a pool: an entry's address stays valid until it is erased, and erased entries
// are handed out again (their id strings keep their buffers). The entries are found through an
// IdIndex (open addressing, no tombstones). Once pool and index have grown to the working size,
// adding and forgetting an id allocates nothing, where a node-based map allocates and frees a
// node per id. Single-threaded, like its venue.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "engine/id_index.hpp"

namespace ibtrade::engine {

template <class Record>
class IdTable {
 public:
  struct Entry {
    Entry(const ClientOrderId& entry_id, std::uint64_t id_hash) : id(entry_id), hash(id_hash) {}

    ClientOrderId id;
    Record record{};
    std::uint64_t hash = 0;  // of `id`, kept to unindex the entry
  };

  // The entry of `id`, or null.
  Entry* find(const ClientOrderId& id) const {
    return index_.find(id.value(), Index::hash_of(id.value()));
  }

  // The entry of `id` and false if there is one; else a new entry with a value-initialized
  // record, and true.
  std::pair<Entry*, bool> try_emplace(const ClientOrderId& id) {
    const std::uint64_t hash = Index::hash_of(id.value());
    if (Entry* found = index_.find(id.value(), hash)) return {found, false};
    Entry* entry = nullptr;
    if (free_.empty()) {
      entry = &entries_.emplace_back(id, hash);  // built in place, with its id
    } else {
      entry = free_.back();
      free_.pop_back();
      entry->id = id;  // assigned: a reused entry's string keeps its buffer
      entry->record = Record{};
      entry->hash = hash;
    }
    index_.add(entry, hash);
    return {entry, true};
  }

  // Forgets `entry` (one this table handed out and has not erased). Its address may be handed
  // out again by a later try_emplace.
  void erase(Entry* entry) {
    index_.erase(entry, entry->hash);
    free_.push_back(entry);
  }

  std::size_t size() const { return index_.size(); }

  // Room for `count` ids without growing the index.
  void reserve(std::size_t count) { index_.reserve(count); }

 private:
  struct IdOf {
    std::string_view operator()(const Entry& entry) const { return entry.id.value(); }
  };
  using Index = IdIndex<Entry, IdOf>;

  Index index_;
  std::deque<Entry> entries_;  // every entry ever made: a deque keeps their addresses
  std::vector<Entry*> free_;   // erased entries, to hand out again
};

}  // namespace ibtrade::engine
