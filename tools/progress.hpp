// One status line on stderr for long runs: articles done, MB/s of article text, errors and,
// when the size of the input is known, an estimate of the time left. Redrawn at most twice a
// second; off unless asked for (newskg extract turns it on when stderr is a terminal).
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <mutex>

namespace newskg::tools {

class Progress {
 public:
  // `total_bytes`: the size of the input files, 0 if unknown (standard input).
  Progress(bool enabled, std::uintmax_t total_bytes) : enabled_(enabled), total_bytes_(total_bytes) {}

  // One article written; called from one thread.
  void article(std::size_t text_bytes) {
    ++articles_;
    bytes_ += text_bytes;
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(500)) return;
    last_draw_ = now;
    draw(now);
  }

  // An error to print: the status line is cleared first, then counted and redrawn later.
  template <typename Print>
  void error(Print print) {
    std::lock_guard lock(stderr_);
    if (enabled_) std::cerr << "\r\x1b[K";
    ++errors_;
    print();
  }

  // The final line, kept on screen.
  void finish() {
    if (!enabled_) return;
    draw(Clock::now());
    std::cerr << "\n";
  }

 private:
  using Clock = std::chrono::steady_clock;

  void draw(Clock::time_point now) {
    std::lock_guard lock(stderr_);
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(bytes_) / seconds : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "\r%zu articles, %.1f MB, %.2f MB/s, %zu errors", articles_,
                          static_cast<double>(bytes_) / 1e6, rate / 1e6, errors_.load());
    // Text bytes run a little behind file bytes (JSON quoting, metadata): an estimate.
    if (total_bytes_ > bytes_ && rate > 0 && n > 0 && static_cast<std::size_t>(n) < sizeof line)
      std::snprintf(line + n, sizeof line - n, ", ETA ~%.0f s", static_cast<double>(total_bytes_ - bytes_) / rate);
    std::cerr << line << "\x1b[K" << std::flush;  // clear what a longer line left
  }

  bool enabled_;
  std::uintmax_t total_bytes_;
  std::size_t articles_ = 0;
  std::uintmax_t bytes_ = 0;
  std::atomic<std::size_t> errors_ = 0;
  std::mutex stderr_;
  Clock::time_point start_ = Clock::now(), last_draw_ = Clock::now();
};

}  // namespace newskg::tools
