#include "engine/portfolio/execution_log.hpp"

#include <cstring>
#include <stdexcept>
#include <utility>

#include "core/hash.hpp"

namespace ibtrade::engine {
namespace {

// A trading day's executions of an active strategy from the start (8 KiB of slots): growing
// from a few dozen, the copies and the big frees along the way cost more than the inserts.
constexpr std::size_t kMinSlots = 1024;
constexpr std::uint64_t kIndexMask = 0xffff'ffff;

std::uint32_t index_of(std::uint64_t slot) {
  return static_cast<std::uint32_t>(slot & kIndexMask);
}

// Copies `text` (at most 24 bytes) to `out` with fixed-size moves that stay inside both: a
// memcpy of a variable size would be a library call.
void copy_short(std::string_view text, char* out) {
  const char* in = text.data();
  const std::size_t n = text.size();
  const auto copy = [&](std::size_t at, auto word) {
    std::memcpy(&word, in + at, sizeof(word));
    std::memcpy(out + at, &word, sizeof(word));
  };
  if (n >= 16) {  // three words, the last overlapping the middle one
    copy(0, std::uint64_t{});
    copy(8, std::uint64_t{});
    copy(n - 8, std::uint64_t{});
  } else if (n >= 8) {  // two words that overlap in the middle
    copy(0, std::uint64_t{});
    copy(n - 8, std::uint64_t{});
  } else if (n >= 4) {
    copy(0, std::uint32_t{});
    copy(n - 4, std::uint32_t{});
  } else {
    for (std::size_t i = 0; i < n; ++i)
      out[i] = in[i];
  }
}

}  // namespace

ExecutionLog::Slot ExecutionLog::make_slot(std::uint64_t hash, std::uint32_t index) {
  return (hash & ~kIndexMask) | (index + 1);
}

// Inline into find and insert (a call was a tenth of an insert): one probe per fill.
[[gnu::always_inline]] inline std::size_t ExecutionLog::probe(std::string_view id,
                                                              std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = hash & ~kIndexMask;
  for (std::size_t slot = home_of(tag, mask);; slot = (slot + 1) & mask) {
    const Slot held = slots_[slot];
    if (held == 0) return slot;
    if ((held & ~kIndexMask) != tag) continue;
    if (same_bytes(text_of(entries_[index_of(held) - 1]), id)) return slot;
  }
}

std::uint32_t ExecutionLog::find(std::string_view id) const {
  if (slots_.empty()) return kNotFound;
  const Slot held = slots_[probe(id, hash_bytes(id))];
  return held == 0 ? kNotFound : index_of(held) - 1;
}

std::pair<std::uint32_t, bool> ExecutionLog::insert(std::string_view id) {
  // Load factor at most 1/2 keeps probe chains short.
  if ((entries_.size() + 1) * 2 > slots_.size()) {
    if (slots_.empty()) entries_.reserve(kMinSlots / 2);
    rehash(slots_.empty() ? kMinSlots : slots_.size() * 2);
  }
  const std::uint64_t hash = hash_bytes(id);
  const std::size_t slot = probe(id, hash);
  if (slots_[slot] != 0) return {index_of(slots_[slot]) - 1, false};
  if (entries_.size() >= kNotFound - 1 || text_.size() + id.size() > UINT32_MAX) {
    throw std::length_error("execution log is full");
  }
  const auto index = static_cast<std::uint32_t>(entries_.size());
  Entry& entry = entries_.emplace_back();
  entry.length = static_cast<std::uint32_t>(id.size());
  if (id.size() <= kInline) {
    copy_short(id, entry.text.data());
  } else {
    entry.offset = static_cast<std::uint32_t>(text_.size());
    text_.append(id);
  }
  slots_[slot] = make_slot(hash, index);
  return {index, true};
}

std::string_view ExecutionLog::id(std::uint32_t index) const {
  return text_of(entries_.at(index));
}

void ExecutionLog::reserve(std::size_t count) {
  entries_.reserve(count);
  std::size_t slots = kMinSlots;
  while (slots < count * 2)
    slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

void ExecutionLog::rehash(std::size_t slot_count) {
  const std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slot_count, 0));
  const std::size_t mask = slot_count - 1;
  for (const Slot held : old) {
    if (held == 0) continue;
    std::size_t slot = home_of(held, mask);
    while (slots_[slot] != 0)
      slot = (slot + 1) & mask;
    slots_[slot] = held;
  }
}

}  // namespace ibtrade::engine
