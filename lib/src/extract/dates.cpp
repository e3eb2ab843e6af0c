#include "extract/dates.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace newskg::extract {
namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrev = {"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 13> kNumberWords = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};

int month_of(const Doc& doc, std::size_t i) {
  const Token& t = doc.token(i);
  if (t.kind != TokenKind::kWord || !t.capitalised) return 0;
  // Asked of every capitalised word: most are no month, and their first letter says so.
  if (t.norm.size() < 3 || std::string_view("jfmasond").find(t.norm[0]) == std::string_view::npos)
    return 0;
  for (std::size_t m = 0; m < 12; ++m) {
    if (t.norm == kMonths[m]) return static_cast<int>(m) + 1;
    if (t.norm == kMonthAbbrev[m] || (m == 8 && t.norm == "sept")) return static_cast<int>(m) + 1;
  }
  return 0;
}

int number(const Doc& doc, std::size_t i, int min, int max) {
  // Asked of most tokens: a word that does not start with a digit is no number.
  if (i >= doc.tokens().size() || doc.token(i).norm.empty() ||
      !std::isdigit(static_cast<unsigned char>(doc.token(i).norm[0])))
    return 0;
  std::string_view w = doc.word(i);
  // ordinals: 1st, 2nd, 31st
  std::size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits == 0 || digits > 4) return 0;
  std::string_view rest = w.substr(digits);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int value = 0;
  std::from_chars(w.data(), w.data() + digits, value);
  return value >= min && value <= max ? value : 0;
}

bool valid(int y, int m, int d) {
  return chr::year_month_day{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}}.ok();
}

std::string iso(int y, int m, int d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

std::optional<chr::sys_days> parse_iso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  std::from_chars(s.data(), s.data() + 4, y);
  std::from_chars(s.data() + 5, s.data() + 7, m);
  std::from_chars(s.data() + 8, s.data() + 10, d);
  if (!valid(y, m, d)) return std::nullopt;
  return chr::sys_days{chr::year{y} / m / d};
}

struct Found {
  std::size_t first, last;
  int year, month, day;  // year 0: not given
  int weekday = -1;      // 0 Sunday .. 6 Saturday, for "on Friday"
};

std::vector<Found> scan(const Doc& doc) {
  std::vector<Found> found;
  const std::size_t n = doc.tokens().size();
  for (std::size_t i = 0; i < n; ++i) {
    // October 31, 2025 | October 31 | Oct. 31
    if (int m = month_of(doc, i)) {
      std::size_t k = i + 1;
      if (k < n && doc.token(k).norm == "." ) ++k;
      if (int d = number(doc, k, 1, 31)) {
        std::size_t end = k + 1;
        int y = 0;
        if (end + 1 < n && doc.token(end).norm == "," && (y = number(doc, end + 1, 1800, 2200))) end += 2;
        else if (end < n && (y = number(doc, end, 1800, 2200))) end += 1;
        if (valid(y ? y : 2000, m, d)) found.push_back({i, end, y, m, d});
        i = end - 1;
        continue;
      }
      // October 2025 (month and year only: not a day, skipped)
    }
    // 31 October 2025 | 1 November
    if (int d = number(doc, i, 1, 31)) {
      if (i + 1 < n) {
        std::size_t k = i + 1;
        if (doc.token(k).norm == "of") ++k;
        if (int m = month_of(doc, k)) {
          std::size_t end = k + 1;
          int y = 0;
          if (end < n && (y = number(doc, end, 1800, 2200))) ++end;
          if (valid(y ? y : 2000, m, d)) found.push_back({i, end, y, m, d});
          i = end - 1;
          continue;
        }
      }
    }
    // 2025-10-31
    if (doc.token(i).kind == TokenKind::kNumber && doc.word(i).size() == 4 && i + 4 < n &&
        doc.token(i + 1).norm == "-" && doc.token(i + 3).norm == "-") {
      int y = number(doc, i, 1800, 2200), m = number(doc, i + 2, 1, 12), d = number(doc, i + 4, 1, 31);
      if (y && m && d && valid(y, m, d)) {
        found.push_back({i, i + 5, y, m, d});
        i += 4;
        continue;
      }
    }
    // on Friday (most tokens are not capitalised: asked first)
    if (doc.token(i).capitalised)
      for (std::size_t w = 0; w < 7; ++w)
        if (doc.token(i).norm == kWeekdays[w])
          found.push_back({i, i + 1, 0, 0, 0, static_cast<int>(w)});
  }
  return found;
}

}  // namespace

void DateExtractor::run(Doc& doc) const {
  auto found = scan(doc);
  // The anchor: the published date, else the first full date in the text.
  std::optional<chr::sys_days> anchor = parse_iso(doc.article.published);
  if (!anchor) {
    for (const Found& f : found)
      if (f.year) {
        anchor = chr::sys_days{chr::year{f.year} / f.month / f.day};
        break;
      }
  }
  if (anchor) {
    chr::year_month_day ymd{*anchor};
    doc.anchor_date = iso(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  }
  for (const Found& f : found) {
    Date date{f.first, f.last, {}};
    if (f.year) {
      date.iso = iso(f.year, f.month, f.day);
    } else if (anchor && f.weekday >= 0) {
      // the most recent such weekday on or before the anchor
      chr::weekday anchor_day{*anchor};
      int back = (static_cast<int>(anchor_day.c_encoding()) - f.weekday + 7) % 7;
      chr::year_month_day ymd{*anchor - chr::days{back}};
      date.iso = iso(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    } else if (anchor && f.month) {
      // a day and month: the anchor's year, or the year before if that would be months ahead
      chr::year_month_day a{*anchor};
      int y = int(a.year());
      if (valid(y, f.month, f.day)) {
        chr::sys_days candidate{chr::year{y} / f.month / f.day};
        if (candidate - *anchor > chr::days{62} && valid(y - 1, f.month, f.day)) --y;
        date.iso = iso(y, f.month, f.day);
      }
    }
    doc.dates.push_back(std::move(date));
  }
}

bool is_calendar_word(std::string_view folded) {
  return std::find(kMonths.begin(), kMonths.end(), folded) != kMonths.end() ||
         std::find(kWeekdays.begin(), kWeekdays.end(), folded) != kWeekdays.end();
}

std::string duration_at(const Doc& doc, std::size_t i, std::size_t* end) {
  const std::size_t n = doc.tokens().size();
  int value = 0;
  if (i >= n) return {};
  if (doc.token(i).kind == TokenKind::kNumber) {
    std::string_view w = doc.word(i);
    std::from_chars(w.data(), w.data() + w.size(), value);
  } else {
    for (std::size_t k = 0; k < kNumberWords.size(); ++k)
      if (doc.token(i).norm == kNumberWords[k]) value = static_cast<int>(k);
  }
  if (value <= 0 || value > 200) return {};
  std::size_t k = i + 1;
  if (k < n && doc.token(k).norm == "-") ++k;
  if (k >= n) return {};
  std::string_view unit = doc.token(k).norm;
  char code = 0;
  if (unit == "year" || unit == "years") code = 'Y';
  else if (unit == "month" || unit == "months") code = 'M';
  else if (unit == "day" || unit == "days") code = 'D';
  else if (unit == "week" || unit == "weeks") code = 'W';
  if (!code) return {};
  if (end) *end = k + 1;
  if (code == 'W') return "P" + std::to_string(value * 7) + "D";
  return "P" + std::to_string(value) + code;
}

}  // namespace newskg::extract
