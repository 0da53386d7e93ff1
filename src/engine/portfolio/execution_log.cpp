#include "engine/portfolio/execution_log.hpp"

#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/hash.hpp"

namespace ibtrade::engine {
namespace {

// A trading day's executions of an active strategy from the start (4 KiB of buckets): growing
// from a few dozen, the copies and the frees along the way cost more than the inserts.
constexpr std::size_t kMinBuckets = 1024;

}  // namespace

[[gnu::always_inline]] inline ExecutionLog::Words ExecutionLog::words_of(std::string_view id) {
  const char* p = id.data();
  const std::size_t n = id.size();
  const auto word = [p](std::size_t at) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + at, sizeof(w));
    return w;
  };
  if (n >= 16) return {word(0), word(8), word(n - 8)};  // the last overlaps the middle one
  if (n >= 8) return {word(0), word(n - 8), 0};         // two that overlap in the middle
  if (n >= 4) {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::memcpy(&first, p, sizeof(first));
    std::memcpy(&last, p + n - 4, sizeof(last));
    return {first | (std::uint64_t{last} << 32U), 0, 0};
  }
  std::uint64_t bytes = 0;  // 0-3 bytes, each in its own place
  for (std::size_t i = 0; i < n; ++i)
    bytes |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8U * i);
  return {bytes, 0, 0};
}

[[gnu::always_inline]] inline void ExecutionLog::store_words(const Words& words, std::size_t length,
                                                             char* out) {
  const auto put = [out](std::size_t at, auto word) { std::memcpy(out + at, &word, sizeof(word)); };
  if (length >= 16) {
    put(0, words.a);
    put(8, words.b);
    put(length - 8, words.c);
  } else if (length >= 8) {
    put(0, words.a);
    put(length - 8, words.b);
  } else if (length >= 4) {
    put(0, static_cast<std::uint32_t>(words.a));
    put(length - 4, static_cast<std::uint32_t>(words.a >> 32U));
  } else {
    for (std::size_t i = 0; i < length; ++i)
      out[i] = static_cast<char>(words.a >> (8U * i));
  }
}

// The words (already loaded to be copied into the entry) mixed with a few multiplications:
// cheaper than hashing the text byte by byte again. Longer ids take the general hash.
[[gnu::always_inline]] inline std::uint32_t ExecutionLog::hash_of(std::string_view id,
                                                                  const Words& words) {
  std::uint64_t h = 0;
  if (id.size() > kInline) [[unlikely]] {
    h = hash_bytes(id);
  } else {
    h = (words.a * 0x9E3779B97F4A7C15ULL) ^ (words.b * 0xC2B2AE3D27D4EB4FULL) ^
        (words.c * 0x165667B19E3779F9ULL) ^ id.size();
    h ^= h >> 32U;
    h *= 0xBF58476D1CE4E5B9ULL;
  }
  return static_cast<std::uint32_t>(h >> 32U);  // the best-mixed half
}

// Inline into find and insert: one walk per fill, of about one entry.
[[gnu::always_inline]] inline std::uint32_t ExecutionLog::lookup(std::string_view id,
                                                                 std::uint32_t hash) const {
  for (std::uint32_t next = buckets_[hash & (bucket_count_ - 1)]; next != 0;) {
    const Entry& candidate = entry(next - 1);
    if (candidate.hash == hash && same_bytes(text_of(candidate), id)) return next - 1;
    next = candidate.next;
  }
  return kNotFound;
}

std::uint32_t ExecutionLog::find(std::string_view id) const {
  if (indexed_ < size_) index_appended();
  if (bucket_count_ == 0) return kNotFound;
  return lookup(id, hash_of(id, words_of(id)));
}

void ExecutionLog::full() {
  throw std::length_error("execution log is full");
}

// Inline into insert and append: a call saved and restored more registers than the store has
// stores.
[[gnu::always_inline]] inline void ExecutionLog::store(std::string_view id, const Words& words,
                                                       std::uint32_t hash) {
  if (size_ >= kNotFound - 1) [[unlikely]]
    full();
  if ((size_ & (kBlockSize - 1)) == 0) {
    // Not zeroed: an entry is written whole before it is read, its text up to its length (an
    // appended entry's hash and chain when it is indexed).
    blocks_.push_back(std::make_unique_for_overwrite<Entry[]>(kBlockSize));
  }
  Entry& added = blocks_.back()[size_ & (kBlockSize - 1)];
  added.hash = hash;
  added.length = static_cast<std::uint32_t>(id.size());
  if (id.size() <= kInline) [[likely]] {
    store_words(words, id.size(), added.text.data());
  } else {
    if (text_.size() + id.size() > UINT32_MAX) [[unlikely]]
      full();
    added.offset = static_cast<std::uint32_t>(text_.size());
    text_.append(id);
  }
  ++size_;
}

// Puts entry `index` at the head of its bucket's chain, as an insert would put it.
[[gnu::always_inline]] inline void ExecutionLog::link(std::uint32_t index, std::size_t mask) const {
  Entry& linked = blocks_[index >> kBlockBits][index & (kBlockSize - 1)];
  std::uint32_t& bucket = buckets_[linked.hash & mask];
  linked.next = bucket;
  bucket = index + 1;
}

std::pair<std::uint32_t, bool> ExecutionLog::insert(std::string_view id) {
  const Probe probed = probe(id);
  if (probed.index_ != kNotFound) return {probed.index_, false};
  return {add(id, probed), true};
}

ExecutionLog::Probe ExecutionLog::probe(std::string_view id) const {
  if (indexed_ < size_) index_appended();
  Probe probed;
  probed.words_ = words_of(id);
  probed.hash_ = hash_of(id, probed.words_);
  if (bucket_count_ != 0) probed.index_ = lookup(id, probed.hash_);
  return probed;
}

std::uint32_t ExecutionLog::add(std::string_view id, const Probe& probe) {
  // At most one entry per bucket on average keeps the chains short.
  if (size_ >= bucket_count_) rehash(bucket_count_ == 0 ? kMinBuckets : bucket_count_ * 2);
  const std::uint32_t index = size_;
  store(id, probe.words_, probe.hash_);
  link(index, bucket_count_ - 1);
  indexed_ = size_;
  return index;
}

std::uint32_t ExecutionLog::append(std::string_view id) {
  const std::uint32_t index = size_;
  store(id, words_of(id), 0);  // hashed by index_appended, if ever looked up
  return index;
}

void ExecutionLog::index_appended() const {
  for (std::uint32_t index = indexed_; index < size_; ++index) {
    Entry& appended = blocks_[index >> kBlockBits][index & (kBlockSize - 1)];
    const std::string_view id = text_of(appended);
    appended.hash = hash_of(id, words_of(id));
  }
  std::size_t buckets = bucket_count_ == 0 ? kMinBuckets : bucket_count_;
  while (buckets < size_)
    buckets *= 2;
  const std::uint32_t first = indexed_;
  indexed_ = size_;
  if (buckets != bucket_count_) {
    rehash(buckets);  // links every entry, the appended ones included
    return;
  }
  for (std::uint32_t index = first; index < size_; ++index)
    link(index, bucket_count_ - 1);
}

std::string_view ExecutionLog::id(std::uint32_t index) const {
  if (index >= size_) {  // the words std::vector::at used when the entries were one vector
    throw std::out_of_range("vector::_M_range_check: __n (which is " + std::to_string(index) +
                            ") >= this->size() (which is " + std::to_string(size_) + ")");
  }
  return text_of(entry(index));
}

void ExecutionLog::reserve(std::size_t count) {
  std::size_t buckets = kMinBuckets;
  while (buckets < count)
    buckets *= 2;
  if (buckets > bucket_count_) rehash(buckets);
}

void ExecutionLog::rehash(std::size_t bucket_count) const {
  // The chains are rebuilt from the indexed entries' own hashes, oldest first: each goes to the
  // head of its new bucket, as an insert would put it.
  buckets_ = std::make_unique<std::uint32_t[]>(bucket_count);
  bucket_count_ = bucket_count;
  for (std::uint32_t index = 0; index < indexed_; ++index)
    link(index, bucket_count - 1);
}

}  // namespace ibtrade::engine
