#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "commands.hpp"

namespace newskg::tools {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") return;
  temporary_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_ = std::make_unique<std::ofstream>(temporary_, std::ios::binary | std::ios::trunc);
  if (!*file_) throw std::runtime_error(path_ + ": cannot write (" + temporary_ + ")");
}

AtomicOutput::~AtomicOutput() {
  if (file_ && !committed_) {
    file_.reset();
    std::remove(temporary_.c_str());
  }
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
  std::filesystem::rename(temporary_, path_);
  committed_ = true;
}

}  // namespace newskg::tools
