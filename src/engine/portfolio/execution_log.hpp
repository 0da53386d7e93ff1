// A set of execution ids numbered in arrival order: the order manager's, which recognises IB's
// re-sent executions and routes late commissions by it, and a Ledger's, which numbers its fills
// by it (and finds them by id for direct callers). Single-threaded, owned by its user.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ibtrade::engine {

// A hash table chained through its entries, which live in blocks that never move: an insert
// hashes the id once, walks a chain of about one entry and writes one entry and one bucket; no
// allocation after warm-up, growth copies no entry and rehashes from the entries themselves.
class ExecutionLog {
 public:
  static constexpr std::uint32_t kNotFound = UINT32_MAX;

  // Index of `id`, or kNotFound.
  std::uint32_t find(std::string_view id) const;
  // {index, true} when `id` is new (its index is size() before the call), {existing index,
  // false} when it was already there.
  std::pair<std::uint32_t, bool> insert(std::string_view id);
  // insert in two steps, for a caller that adds an id only once it accepts what the id stands
  // for: probe looks `id` up (Probe::index(): kNotFound when new), add adds it with the words
  // and hash probe made. No other insert, append or add may come between the two.
  class Probe;
  Probe probe(std::string_view id) const;
  std::uint32_t add(std::string_view id, const Probe& probe);
  // Adds `id`, which the caller knows to be new (the engine's order manager refuses a re-sent
  // execution before the ledger sees it), and returns its index. Only the text is stored: the
  // id is hashed and indexed when find or insert next needs the index, so a log that is only
  // appended to and read by number (the engine's) never hashes at all.
  std::uint32_t append(std::string_view id);
  std::string_view id(std::uint32_t index) const;
  std::size_t size() const { return size_; }
  void reserve(std::size_t count);

 private:
  // Ids of up to kInline bytes (the simulated venue's and IB's, 23) are kept in their entry as
  // the words they were hashed from; longer ones go to text_.
  static constexpr std::size_t kInline = 24;
  struct Entry {
    std::uint32_t hash;    // the low half of the id's hash: its bucket, and a cheap first compare
    std::uint32_t next;    // the next entry of the bucket's chain, + 1; 0 ends it
    std::uint32_t length;  // of the id
    std::uint32_t offset;  // into text_, for an id longer than kInline
    std::array<char, kInline> text;
  };
  // An id of at most kInline bytes as three words: for a given length, two ids are equal
  // exactly when their words are.
  struct Words {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::uint64_t c = 0;
  };
  static Words words_of(std::string_view id);
  // Writes the `length` bytes that words_of(id) took the words from.
  static void store_words(const Words& words, std::size_t length, char* out);
  static std::uint32_t hash_of(std::string_view id, const Words& words);

 public:
  class Probe {
   public:
    std::uint32_t index() const { return index_; }

   private:
    friend class ExecutionLog;
    Words words_;
    std::uint32_t hash_ = 0;
    std::uint32_t index_ = kNotFound;
  };

 private:
  // kBlockSize entries per block, allocated as the log fills: an entry's place follows from its
  // index, and a block once made stays where it is.
  static constexpr unsigned kBlockBits = 9;
  static constexpr std::uint32_t kBlockSize = 1U << kBlockBits;
  const Entry& entry(std::uint32_t index) const {
    return blocks_[index >> kBlockBits][index & (kBlockSize - 1)];
  }
  std::string_view text_of(const Entry& entry) const {
    return entry.length <= kInline ? std::string_view(entry.text.data(), entry.length)
                                   : std::string_view(text_).substr(entry.offset, entry.length);
  }
  // The index of `id` (hashed to `hash`), or kNotFound.
  std::uint32_t lookup(std::string_view id, std::uint32_t hash) const;
  // Stores a new entry, not linked into a chain yet; `hash` is its hash when it is inserted.
  void store(std::string_view id, const Words& words, std::uint32_t hash);
  [[noreturn]] static void full();
  // Hashes and links the entries appended since the last lookup, with enough buckets for all.
  void index_appended() const;
  void rehash(std::size_t bucket_count) const;
  void link(std::uint32_t index, std::size_t mask) const;

  // Mutable for index_appended, which only fills in the hash and chain of appended entries.
  mutable std::vector<std::unique_ptr<Entry[]>> blocks_;
  std::uint32_t size_ = 0;
  std::string text_;  // the ids longer than kInline, back to back
  // The hash index, caught up lazily (from const find too) over the entries append left out.
  // Per bucket the newest entry of its chain, + 1; 0 when empty. As many buckets as indexed
  // entries or more, a power of two. Entries [0, indexed_) are in their chains.
  mutable std::unique_ptr<std::uint32_t[]> buckets_;
  mutable std::size_t bucket_count_ = 0;
  mutable std::uint32_t indexed_ = 0;
};

}  // namespace ibtrade::engine
