// The newskg subcommands, one file each.
#pragma once
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace newskg::tools {

int extract_command(const std::vector<std::string>& args);
int load_command(const std::vector<std::string>& args);
int query_command(const std::vector<std::string>& args);
int push_command(const std::vector<std::string>& args);
int convert_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);

// Standard output, or FILE written through FILE.tmp-XXXX and renamed into place on commit,
// so a crash or kill leaves the old file or the whole new one, never half of it. A FILE that
// is a device or a pipe is written directly.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);
  ~AtomicOutput();
  std::ostream& stream() { return file_ ? *file_ : std::cout; }
  void commit();

 private:
  std::string path_, temporary_;
  std::unique_ptr<std::ofstream> file_;
  bool committed_ = false;
};

}  // namespace newskg::tools
