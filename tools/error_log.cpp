#include "error_log.hpp"

#include <iostream>
#include <stdexcept>

namespace newskg::tools {

ErrorLog::ErrorLog(const std::string& json_lines_path) : path_(json_lines_path) {
  if (path_.empty()) return;
  file_.open(path_, std::ios::binary | std::ios::trunc);
  if (!file_) throw std::runtime_error(path_ + ": cannot write the error log");
}

void ErrorLog::report(const InputError& error) {
  ++count_;
  std::cerr << "newskg: " << error.to_string() << "\n";
  if (path_.empty()) return;
  write_error_json_line(file_, error);
  file_.flush();  // a pipeline reading the log sees each error as it happens
  if (!file_) throw std::runtime_error(path_ + ": cannot write the error log");
}

}  // namespace newskg::tools
