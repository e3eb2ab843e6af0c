// Building valid, deterministic IRIs from keys and input metadata.
#pragma once
#include <string>
#include <string_view>

namespace newskg {

// A path segment: unreserved ASCII and non-ASCII characters kept, everything else
// percent-encoded, so any key gives a valid IRI.
std::string iri_segment(std::string_view key);
// A byte no IRI in RDF may hold, even escaped: controls, space and <>"{}|^`\.
constexpr bool forbidden_in_iri(unsigned char c) {
  return c <= 0x20 ||
         std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos;
}
// An IRI from untrusted input (a URL field): characters RDF forbids in IRIs are encoded.
std::string safe_iri(std::string_view iri);
// 16 hex digits of FNV-1a over the bytes: a stable name for content without an id.
std::string content_hash(std::string_view bytes);
std::size_t code_points(std::string_view text);
bool is_iso_date(std::string_view value);       // 2025-10-31
bool is_iso_date_time(std::string_view value);  // 2025-10-31T08:00:00Z (offset optional)

}  // namespace newskg
