// The items of a list (titles, dates, agreement mentions: anything with a first and a last
// token) in order of their first token, so that the items near a token are found without a
// scan of the whole list. The extractors ask at many tokens; scans made long articles
// quadratic.
#pragma once
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace newskg::extract {

template <typename Item>
class TokenIndex {
 public:
  explicit TokenIndex(const std::vector<Item>& items) : items_(items) {}
  TokenIndex(const TokenIndex&) = delete;  // it refers to its list
  TokenIndex& operator=(const TokenIndex&) = delete;

  // Calls f(item, its index in the list) for each item whose first token is in [from, to),
  // in order of first token, then of index.
  template <typename F>
  void starting_in(std::size_t from, std::size_t to, F&& f) const {
    update();
    auto it = std::partition_point(order_.begin(), order_.end(),
                                   [&](std::size_t i) { return items_[i].first < from; });
    for (; it != order_.end() && items_[*it].first < to; ++it) f(items_[*it], *it);
  }

  // Calls f(item, index) for each item over token k or starting at most `ahead` tokens after it.
  template <typename F>
  void near(std::size_t k, std::size_t ahead, F&& f) const {
    update();
    // an item over k starts fewer than longest_ tokens before k + 1
    starting_in(k + 1 - std::min(k + 1, longest_), k + ahead + 1,
                [&](const Item& item, std::size_t i) {
                  if (item.last > k) f(item, i);
                });
  }

 private:
  // Items are only appended, and their tokens never change: the index is made again only
  // when the list has grown.
  void update() const {
    if (order_.size() == items_.size()) return;
    order_.resize(items_.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    auto by_first = [&](std::size_t a, std::size_t b) { return items_[a].first < items_[b].first; };
    // most lists are made in text order already
    if (!std::is_sorted(order_.begin(), order_.end(), by_first))
      std::stable_sort(order_.begin(), order_.end(), by_first);
    longest_ = 0;
    for (const Item& item : items_)
      longest_ = std::max<std::size_t>(longest_, item.last - item.first);
  }

  const std::vector<Item>& items_;
  mutable std::vector<std::size_t> order_;  // indices into the list
  mutable std::size_t longest_ = 0;         // tokens in the longest item
};

}  // namespace newskg::extract
