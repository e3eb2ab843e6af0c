// TokenIndex is internal to the extractors (lib/src/extract); tested here against the scans
// it replaced, since a title or date it missed would only show as a fact quietly lost.
#include "extract/token_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

namespace newskg::extract {
namespace {

struct Item {
  std::size_t first, last;
};

// The indices of the items whose first token is in [from, to), as a scan finds them.
std::vector<std::size_t> scan_starting_in(const std::vector<Item>& items, std::size_t from,
                                          std::size_t to) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].first >= from && items[i].first < to) out.push_back(i);
  return out;
}

std::vector<std::size_t> scan_near(const std::vector<Item>& items, std::size_t k,
                                   std::size_t ahead) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (k + ahead >= items[i].first && k < items[i].last) out.push_back(i);
  return out;
}

std::vector<std::size_t> sorted(std::vector<std::size_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(TokenIndex, FindsWhatAScanFindsAsTheListGrows) {
  std::mt19937 random(7);
  std::vector<Item> items;
  TokenIndex<Item> index(items);
  for (int round = 0; round < 40; ++round) {
    // out of order, overlapping, some long: the index assumes nothing of the list's order
    for (int n = 0; n < 5; ++n) {
      std::size_t first = random() % 200;
      std::size_t length = 1 + random() % (round % 7 == 0 ? 30 : 4);
      items.push_back({first, first + length});
    }
    for (std::size_t k = 0; k < 240; k += 3) {
      std::vector<std::size_t> found;
      index.starting_in(k, k + 9, [&](const Item&, std::size_t i) { found.push_back(i); });
      EXPECT_EQ(sorted(found), scan_starting_in(items, k, k + 9))
          << "round " << round << " from " << k;
      for (std::size_t ahead : {0u, 3u}) {
        found.clear();
        index.near(k, ahead, [&](const Item& item, std::size_t i) {
          EXPECT_EQ(&item, &items[i]);
          found.push_back(i);
        });
        EXPECT_EQ(sorted(found), scan_near(items, k, ahead)) << "round " << round << " token " << k;
      }
    }
  }
}

TEST(TokenIndex, GivesItemsByFirstTokenThenByIndex) {
  std::vector<Item> items{{5, 6}, {2, 4}, {5, 7}, {0, 1}, {2, 3}};
  TokenIndex<Item> index(items);
  std::vector<std::size_t> order;
  index.starting_in(0, 10, [&](const Item&, std::size_t i) { order.push_back(i); });
  EXPECT_EQ(order, (std::vector<std::size_t>{3, 1, 4, 0, 2}));
}

TEST(TokenIndex, AnEmptyListHasNothingNear) {
  std::vector<Item> items;
  TokenIndex<Item> index(items);
  int calls = 0;
  index.near(0, 3, [&](const Item&, std::size_t) { ++calls; });
  index.starting_in(0, 100, [&](const Item&, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace newskg::extract
