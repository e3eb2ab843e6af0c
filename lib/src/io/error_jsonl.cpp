// Errors as JSON Lines, one object per error, for pipelines that route failed articles.
#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ostream>

#include "newskg/error.hpp"
#include "text/utf8.hpp"

namespace newskg {
namespace {

// File names are bytes and messages may quote input: stray bytes become U+FFFD so the line
// is always valid JSON.
std::string valid_utf8(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    std::size_t bad = utf8::find_invalid(text);
    out += text.substr(0, bad);
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace

void write_error_json_line(std::ostream& out, const InputError& error) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("code");
  writer.String(error_code_name(error.code));
  writer.Key("input");
  writer.String(valid_utf8(error.input));
  writer.Key("line");
  writer.Uint64(error.line);
  writer.Key("offset");
  writer.Uint64(error.offset);
  writer.Key("message");
  writer.String(valid_utf8(error.message));
  writer.EndObject();
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out.put('\n');
}

}  // namespace newskg
