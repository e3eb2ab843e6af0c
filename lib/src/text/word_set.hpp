// A set of words that live elsewhere (views into an Analysis), filled once per article and
// asked often: open addressing on short_string_hash. Sorting a few hundred views to search
// them cost more than all the searches; std::unordered_set costs an allocation per word.
#pragma once
#include <string_view>
#include <vector>

#include "text/hash.hpp"

namespace newskg {

class WordSet {
 public:
  // Empties the set, with room for `words` insertions before it grows.
  void reset(std::size_t words) {
    std::size_t slots = 16;
    while (slots < 2 * words) slots *= 2;
    slots_.assign(slots, std::string_view());
    size_ = 0;
  }

  void insert(std::string_view word) {
    if (word.empty()) return;  // the empty view marks a free slot
    if (2 * (size_ + 1) > slots_.size()) grow();
    std::string_view& slot = slots_[slot_of(word)];
    if (slot.empty()) slot = word, ++size_;
  }

  bool contains(std::string_view word) const {
    return !word.empty() && size_ > 0 && !slots_[slot_of(word)].empty();
  }

  std::size_t size() const { return size_; }

 private:
  // The slot holding `word`, or the free slot where it would go; the table is never full.
  std::size_t slot_of(std::string_view word) const {
    std::size_t mask = slots_.size() - 1;
    std::size_t at = short_string_hash(word) & mask;
    while (!slots_[at].empty() && slots_[at] != word) at = (at + 1) & mask;
    return at;
  }

  void grow() {
    std::vector<std::string_view> old;
    old.swap(slots_);
    reset(old.size());  // twice the slots: reset keeps the table at most half full
    for (std::string_view w : old)
      if (!w.empty()) insert(w);
  }

  std::vector<std::string_view> slots_;
  std::size_t size_ = 0;
};

}  // namespace newskg
