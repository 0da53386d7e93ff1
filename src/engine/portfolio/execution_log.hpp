// The set of execution ids a Ledger has booked, numbered in booking order: how duplicates are
// recognised and how a late commission finds its fill. Single-threaded, owned by the Ledger.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ibtrade::engine {

// Open addressing over one text buffer rather than a node map: one probe and no allocation per
// insert after warm-up, which keeps apply_fill cheap.
class ExecutionLog {
 public:
  static constexpr std::uint32_t kNotFound = UINT32_MAX;

  // Index of `id`, or kNotFound.
  std::uint32_t find(std::string_view id) const;
  // {index, true} when `id` is new (its index is size() before the call), {existing index,
  // false} when it was already there.
  std::pair<std::uint32_t, bool> insert(std::string_view id);
  std::string_view id(std::uint32_t index) const;
  std::size_t size() const { return entries_.size(); }
  void reserve(std::size_t count);

 private:
  // Ids of up to kInline bytes (the simulated venue's and IB's, 23) are kept in their entry,
  // copied with a few word moves; longer ones go to text_. Either way an insert appends one
  // 32-byte entry and touches no other memory.
  static constexpr std::size_t kInline = 24;
  struct Entry {
    std::uint32_t length = 0;
    std::uint32_t offset = 0;  // into text_, for an id longer than kInline
    std::array<char, kInline> text{};
  };

  std::string_view text_of(const Entry& entry) const {
    return entry.length <= kInline ? std::string_view(entry.text.data(), entry.length)
                                   : std::string_view(text_).substr(entry.offset, entry.length);
  }
  // The slot that holds `id`, or the empty slot where it would go.
  std::size_t probe(std::string_view id, std::uint64_t hash) const;
  void rehash(std::size_t slot_count);

  // High 32 bits: the top of the id's hash, which also picks the slot (its low bits), so that a
  // probe past an occupied slot rarely has to load its entry and growing moves slots without
  // reading a single entry; low 32 bits: entry index + 1, 0 when empty. Size is a power of two.
  using Slot = std::uint64_t;
  static Slot make_slot(std::uint64_t hash, std::uint32_t index);
  static std::size_t home_of(Slot tagged, std::size_t mask) { return (tagged >> 32U) & mask; }

  std::vector<Entry> entries_;
  std::string text_;  // the ids longer than kInline, back to back
  std::vector<Slot> slots_;
};

}  // namespace ibtrade::engine
