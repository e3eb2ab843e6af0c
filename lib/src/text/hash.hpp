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
  std::uint64_t v = 0;  // the last bytes by shifts: a short memcpy into v would stall the load of v
  for (std::size_t k = i; k < s.size(); ++k)
    v |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * (k - i));
  h = (h ^ v) * 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

}  // namespace newskg
