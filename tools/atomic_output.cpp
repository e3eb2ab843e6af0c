#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "commands.hpp"

namespace newskg::tools {
namespace {

// The temporary file to remove if SIGINT, SIGTERM or SIGHUP ends the process: a fixed
// buffer, because a signal handler may only make async-signal-safe calls (unlink, raise).
// SIGKILL cannot be caught; its temporary stays behind, the real file is still whole.
char pending_temporary[4096];
volatile std::sig_atomic_t have_pending = 0;

void remove_temporary_and_die(int signal) {
  if (have_pending) ::unlink(pending_temporary);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void watch_signals(const std::string& temporary) {
  if (temporary.size() >= sizeof pending_temporary) return;
  std::memcpy(pending_temporary, temporary.c_str(), temporary.size() + 1);
  have_pending = 1;
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction previous {};
    // A signal the caller ignores (nohup) stays ignored.
    if (::sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_DFL)
      std::signal(signal, remove_temporary_and_die);
  }
}

// Data reaches the disk before the rename makes it the file, so even a power cut leaves
// the old file or the whole new one.
void sync_to_disk(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") return;
  // A device, pipe or socket (`-o /dev/null`, a FIFO) is written as it is: a temporary
  // beside /dev/null would fill /dev, and renaming over a pipe would replace it.
  std::error_code error;
  auto status = std::filesystem::status(path_, error);
  if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    file_ = std::make_unique<std::ofstream>(path_, std::ios::binary);
    if (!*file_) throw std::runtime_error(path_ + ": cannot write");
    return;
  }
  temporary_ = path_ + ".tmp-" + std::to_string(::getpid());
  watch_signals(temporary_);
  file_ = std::make_unique<std::ofstream>(temporary_, std::ios::binary | std::ios::trunc);
  if (!*file_) throw std::runtime_error(path_ + ": cannot write (" + temporary_ + ")");
}

AtomicOutput::~AtomicOutput() {
  if (file_ && !committed_ && !temporary_.empty()) {
    file_.reset();
    std::remove(temporary_.c_str());
  }
  have_pending = 0;
}

void AtomicOutput::commit() {
  if (!file_) {
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return;
  }
  file_->flush();
  if (!*file_) throw std::runtime_error(path_ + ": write failed");
  file_->close();
  if (file_->fail()) throw std::runtime_error(path_ + ": write failed");
  if (temporary_.empty()) {  // written in place
    committed_ = true;
    return;
  }
  sync_to_disk(temporary_);
  std::filesystem::rename(temporary_, path_);
  have_pending = 0;
  committed_ = true;
}

}  // namespace newskg::tools
