// Runs a function over a stream of items on N threads and hands the results to one consumer
// in submission order. At most `window` items are in flight (queued, running or waiting for
// their turn), so memory stays bounded whatever the length of the stream.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace newskg::tools {

template <typename Item, typename Result>
class OrderedWorkers {
 public:
  // Given to each job: wait() blocks until the results of all earlier jobs are consumed. A
  // job can then hand on a result too large to hold whole by itself, in order, while the
  // consumer waits for it (and its worker waits for nothing else meanwhile).
  class Turn {
   public:
    void wait() {
      std::unique_lock lock(owner_.mutex_);
      ++owner_.turn_waiters_;
      owner_.turn_.wait(lock, [&] { return owner_.failure_ || owner_.consumed_ == sequence_; });
      --owner_.turn_waiters_;
      if (owner_.failure_) throw std::runtime_error("abandoned");
    }

   private:
    friend class OrderedWorkers;
    Turn(OrderedWorkers& owner, std::size_t sequence) : owner_(owner), sequence_(sequence) {}
    OrderedWorkers& owner_;
    std::size_t sequence_;
  };

  // `work(worker_index, item, turn)` runs on worker `worker_index` (0..threads-1), so a worker
  // can keep its own scratch state; `consume(result)` runs on one thread, in submission order.
  OrderedWorkers(std::size_t threads, std::size_t window,
                 std::function<Result(std::size_t, Item&&, Turn&)> work,
                 std::function<void(Result&&)> consume)
      : window_(window < threads ? threads : window),
        work_fn_(std::move(work)),
        consume_(std::move(consume)) {
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this, i] { run_worker(i); });
    writer_ = std::thread([this] { run_consumer(); });
  }

  ~OrderedWorkers() {
    {
      std::lock_guard lock(mutex_);
      if (!closed_) failure_ = failure_ ? failure_ : std::make_exception_ptr(std::runtime_error("abandoned"));
      closed_ = true;
    }
    wake_all();
    join();
  }

  // Blocks while the window is full. Throws what a worker or the consumer threw.
  void submit(Item item) {
    {
      std::unique_lock lock(mutex_);
      space_.wait(lock, [&] { return failure_ || submitted_ - consumed_ < window_; });
      if (failure_) std::rethrow_exception(failure_);
      queue_.push_back({submitted_++, std::move(item)});
    }
    work_.notify_one();
  }

  // Waits until every submitted item is consumed, then stops the threads; rethrows a failure.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    wake_all();
    join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  struct Job {
    std::size_t sequence;
    Item item;
  };
  struct Outcome {
    Result result;
    std::exception_ptr error;
  };

  // Each kind of waiter has its condition, and is woken only when its own condition may have
  // turned true: at thousands of articles a second, waking every thread on every change
  // cost more than the locking itself.
  void run_worker(std::size_t index) {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return failure_ || closed_ || !queue_.empty(); });
        if (failure_ || queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      Outcome outcome;
      try {
        Turn turn(*this, job.sequence);
        outcome.result = work_fn_(index, std::move(job.item), turn);
      } catch (...) {
        outcome.error = std::current_exception();  // raised in turn, as a single thread would
      }
      bool next_in_line;
      {
        std::lock_guard lock(mutex_);
        next_in_line = job.sequence == consumed_;  // the consumer waits for no other
        done_.emplace(job.sequence, std::move(outcome));
      }
      if (next_in_line) result_.notify_one();
    }
  }

  void run_consumer() {
    for (;;) {
      Outcome outcome;
      {
        std::unique_lock lock(mutex_);
        result_.wait(lock, [&] {
          return failure_ || done_.count(consumed_) || (closed_ && consumed_ == submitted_);
        });
        if (failure_ || !done_.count(consumed_)) return;
        auto next = done_.find(consumed_);
        outcome = std::move(next->second);
        done_.erase(next);
      }
      try {
        if (outcome.error) std::rethrow_exception(outcome.error);
        consume_(std::move(outcome.result));
      } catch (...) {
        {
          std::lock_guard lock(mutex_);
          if (!failure_) failure_ = std::current_exception();
        }
        wake_all();
        return;
      }
      bool turn_waited;
      {
        std::lock_guard lock(mutex_);
        ++consumed_;
        turn_waited = turn_waiters_ > 0;
      }
      space_.notify_one();
      if (turn_waited) turn_.notify_all();
    }
  }

  void wake_all() {
    work_.notify_all();
    space_.notify_all();
    result_.notify_all();
    turn_.notify_all();
  }

  void join() {
    for (auto& w : workers_)
      if (w.joinable()) w.join();
    if (writer_.joinable()) writer_.join();
  }

  std::size_t window_;
  std::function<Result(std::size_t, Item&&, Turn&)> work_fn_;
  std::function<void(Result&&)> consume_;
  std::mutex mutex_;
  std::condition_variable work_;    // workers: a job is queued, or the end
  std::condition_variable space_;   // submit(): the window has room
  std::condition_variable result_;  // the consumer: the next result is done, or the end
  std::condition_variable turn_;    // Turn::wait(): a result was consumed, or a failure
  std::size_t turn_waiters_ = 0;
  std::deque<Job> queue_;
  std::map<std::size_t, Outcome> done_;  // finished, waiting for their turn
  std::size_t submitted_ = 0, consumed_ = 0;
  bool closed_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

}  // namespace newskg::tools
