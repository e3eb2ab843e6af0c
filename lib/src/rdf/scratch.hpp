// Buffers kept from one article to the next (so that each article does not allocate them
// again) are given back when they are far larger than the last article needed: one very
// long article must not keep its memory for the rest of a run.
#pragma once
#include <cstddef>

namespace newskg {

inline constexpr std::size_t kAlwaysKeptBytes = std::size_t{4} << 20;

// Whether a buffer of `capacity` elements of `element_size` bytes, of which the last
// article used `used`, should be given back rather than kept.
inline bool oversized(std::size_t capacity, std::size_t used, std::size_t element_size) {
  return capacity * element_size > kAlwaysKeptBytes && used < capacity / 8;
}

// Frees a std::string or std::vector whose size is what the last article used, if oversized;
// leaves it as it is otherwise (working space that is resized, not cleared).
template <typename Buffer>
void release_if_oversized(Buffer& buffer) {
  if (oversized(buffer.capacity(), buffer.size(), sizeof(typename Buffer::value_type)))
    Buffer().swap(buffer);
}

// Empties a std::string or std::vector for the next article; frees it if oversized.
template <typename Buffer>
void clear_for_next(Buffer& buffer) {
  release_if_oversized(buffer);
  buffer.clear();
}

}  // namespace newskg
