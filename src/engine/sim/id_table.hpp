// A map from client order id to a record at a stable address, for the simulated venue, which adds
// an id for every order it is sent and forgets it once enough newer orders have finished.
// Records live in a pool of fixed-size chunks: an entry's address stays valid until it is erased,
// and erased entries are handed out again (their id strings keep their buffers). The entries are
// found through an IdIndex (open addressing, no tombstones). Once pool and index have grown to the
// working size, adding and forgetting an id allocates nothing, where a node-based map allocates and
// frees a node per id. Single-threaded, like its venue.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
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
    Entry() = default;  // a chunk's entry, before its first id

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
    Entry* entry = take_entry();
    entry->id = id;  // assigned: a reused entry's string keeps its buffer
    entry->record = Record{};
    entry->hash = hash;
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
  // Entries per chunk. A table that only grows (a backtest keeps every id it was sent) takes a
  // new entry from its last chunk: one allocation per kChunkSize ids, where a std::deque of
  // entries allocated a node and updated its map every nine.
  static constexpr std::size_t kChunkSize = 256;

  // An erased entry, else the last chunk's next unused one (a new chunk when it is full).
  Entry* take_entry() {
    if (!free_.empty()) {
      Entry* entry = free_.back();
      free_.pop_back();
      return entry;
    }
    if (used_in_last_chunk_ == kChunkSize || chunks_.empty()) {
      chunks_.push_back(std::make_unique<Entry[]>(kChunkSize));
      used_in_last_chunk_ = 0;
    }
    return &chunks_.back()[used_in_last_chunk_++];
  }

  Index index_;
  // Every entry ever made, in chunks that never move: an entry's address is stable.
  std::vector<std::unique_ptr<Entry[]>> chunks_;
  std::size_t used_in_last_chunk_ = 0;  // entries of the last chunk handed out
  std::vector<Entry*> free_;            // erased entries, to hand out again
};

}  // namespace ibtrade::engine
