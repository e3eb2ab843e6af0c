// A hash for the short strings newskg looks up per token and per term: eight bytes a step,
// inline. std::hash (a library call to _Hash_bytes) cost more than the table lookups it fed.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newskg {

inline std::uint64_t short_string_hash(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  // The last bytes in at most two loads, without a loop: the last eight (overlapping bytes
  // already mixed) of a long string; of a short one, two four-byte loads that overlap, or
  // its first, middle and last byte. Every byte is read; the length was mixed in first.
  std::uint64_t v = 0;
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n >= 8) {
    std::memcpy(&v, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    v = first | std::uint64_t{last} << 32;
  } else if (n > 0) {
    auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])}; };
    v = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }
  h = (h ^ v) * 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

}  // namespace newskg
