#include "rdf/iri.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "newskg/mapping.hpp"
#include "text/utf8.hpp"

namespace newskg {
namespace {

void percent(std::string& out, unsigned char c) {
  char buffer[4];
  std::snprintf(buffer, sizeof buffer, "%%%02X", c);
  out += buffer;
}

bool digits(std::string_view s, std::size_t from, std::size_t count) {
  if (from + count > s.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

}  // namespace

std::string iri_segment(std::string_view key) {
  std::string out;
  for (unsigned char c : key) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c >= 0x80) out += static_cast<char>(c);
    else percent(out, c);
  }
  if (out.empty()) out.push_back('_');  // push_back: GCC 12 -Wrestrict misfires on = "_" under ASan
  return out;
}

std::string safe_iri(std::string_view iri) {
  std::string out;
  for (unsigned char c : iri) {
    if (forbidden_in_iri(c) || c == 0x7F)
      percent(out, c);
    else
      out += static_cast<char>(c);
  }
  // An IRI needs a scheme; a bare host or path is not one.
  auto colon = out.find(':');
  bool scheme = colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(out[0]));
  for (std::size_t i = 0; scheme && i < colon; ++i) {
    char c = out[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) scheme = false;
  }
  return scheme ? out : "urn:newskg:url:" + out;
}

bool is_valid_base_iri(std::string_view base) {
  std::string encoded = safe_iri(base);  // changes nothing in a valid absolute IRI
  return !base.empty() && encoded == base && utf8::find_invalid(base) == std::string_view::npos;
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

std::size_t code_points(std::string_view text) { return utf8::count(text); }

bool is_iso_date(std::string_view v) {
  return v.size() == 10 && digits(v, 0, 4) && v[4] == '-' && digits(v, 5, 2) && v[7] == '-' && digits(v, 8, 2);
}

bool is_iso_date_time(std::string_view v) {
  if (v.size() < 19 || !is_iso_date(v.substr(0, 10)) || v[10] != 'T') return false;
  if (!(digits(v, 11, 2) && v[13] == ':' && digits(v, 14, 2) && v[16] == ':' && digits(v, 17, 2))) return false;
  std::string_view rest = v.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t i = 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
    if (i == 1) return false;
    rest.remove_prefix(i);
  }
  if (rest.empty() || rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest, 1, 2) && rest[3] == ':' && digits(rest, 4, 2);
}

}  // namespace newskg
