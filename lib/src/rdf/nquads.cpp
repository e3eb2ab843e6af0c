#include "rdf/nquads.hpp"

#include "rdf/iri.hpp"

#include <array>
#include <cstdint>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace newskg::nquads {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex(std::string& out, char prefix, std::uint32_t value, int digits) {
  out += '\\';
  out += prefix;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

// Decodes one UTF-8 character at `at` the way raptor does (raptor_unicode_decode_utf8_char):
// lead bytes of up to 6-byte forms are accepted (and, in raptor 2.0.15, surrogates); overlong
// forms, U+FFFE, U+FFFF and anything above U+10FFFF are not. Returns the byte length, or 0.
std::size_t decode(std::string_view s, std::size_t at, std::uint32_t& code) {
  auto lead = static_cast<unsigned char>(s[at]);
  std::size_t size;
  if ((lead & 0x80) == 0)
    size = 1, code = lead;
  else if ((lead & 0xE0) == 0xC0)
    size = 2, code = lead & 0x1F;
  else if ((lead & 0xF0) == 0xE0)
    size = 3, code = lead & 0x0F;
  else if ((lead & 0xF8) == 0xF0)
    size = 4, code = lead & 0x07;
  else if ((lead & 0xFC) == 0xF8)
    size = 5, code = lead & 0x03;
  else if ((lead & 0xFE) == 0xFC)
    size = 6, code = lead & 0x01;
  else
    return 0;
  if (s.size() - at < size) return 0;
  for (std::size_t k = 1; k < size; ++k)
    code = (code << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
  if ((size == 2 && code < 0x80) || (size == 3 && code < 0x800) || (size == 4 && code < 0x10000))
    return 0;
  if (code == 0xFFFE || code == 0xFFFF || code > 0x10FFFF) return 0;
  return size;
}

// Bytes a "-delimited literal holds unescaped: printable ASCII but for " and \\.
constexpr auto kPlainLiteralByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// Where the run of plain literal bytes that starts at `i` ends.
std::size_t plain_literal_end(std::string_view s, std::size_t i) {
#ifdef __SSE2__
  // Sixteen bytes a step: an article's text and its sentences are written as literals.
  const __m128i below = _mm_set1_epi8(0x20);  // as signed bytes, also every byte >= 0x80
  const __m128i del = _mm_set1_epi8(0x7F), quote = _mm_set1_epi8('"'),
                backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i bad =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, below), _mm_cmpeq_epi8(v, del)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (int mask = _mm_movemask_epi8(bad)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (i < s.size() && kPlainLiteralByte[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// raptor_string_escaped_write with the N-Triples flags. Like raptor, it stops at a NUL byte
// or at a character it cannot decode, dropping the rest of the string.
void append_escaped(std::string& out, std::string_view s, char delimiter, bool iri) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!iri && delimiter == '"' && kPlainLiteralByte[c]) {
      // Literals are mostly plain ASCII (an article's whole text is one): copy runs at once.
      std::size_t end = plain_literal_end(s, i + 1);
      out.append(s.data() + i, end - i);
      i = end - 1;
      continue;
    }
    if (c == 0) return;
    if ((c == '"' && delimiter == '"') || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == static_cast<unsigned char>(delimiter)) {
      append_hex(out, 'u', c, 4);
    } else if (iri && forbidden_in_iri(c)) {
      append_hex(out, 'u', c, 4);
    } else if (iri && c < 0x7F) {
      out += static_cast<char>(c);
    } else if (!iri && c == '\t') {
      out += "\\t";
    } else if (!iri && c == '\n') {
      out += "\\n";
    } else if (!iri && c == '\r') {
      out += "\\r";
    } else if (!iri && (c < 0x20 || c == 0x7F)) {
      append_hex(out, 'u', c, 4);
    } else if (c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      std::uint32_t code = 0;
      std::size_t size = decode(s, i, code);
      if (size == 0) return;
      if (code < 0x10000)
        append_hex(out, 'u', code, 4);
      else
        append_hex(out, 'U', code, 8);
      i += size - 1;
    }
  }
}

void append_iri(std::string& out, std::string_view iri) {
  out += '<';
  append_escaped(out, iri, '>', true);
  out += '>';
}

// Bytes an IRI can hold unescaped: printable ASCII that IRIs allow. Most IRIs are all
// such bytes and are copied in one go (the check is the hottest loop of -f nquads).
constexpr auto kPlainIriByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 0x7F; ++c) plain[c] = !forbidden_in_iri(static_cast<unsigned char>(c));
  return plain;
}();

bool plain_iri(std::string_view iri) {
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes a step (x86-64 always has SSE2): the check is the hottest loop of -f
  // nquads, and the IRIs newskg mints are 50 to 100 bytes long.
  const __m128i below = _mm_set1_epi8(0x21);  // as signed bytes, also every byte >= 0x80
  const __m128i del = _mm_set1_epi8(0x7F), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quote = _mm_set1_epi8('"'), open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}'),
                bar = _mm_set1_epi8('|'), caret = _mm_set1_epi8('^'), grave = _mm_set1_epi8('`'),
                backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= iri.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(iri.data() + i));
    auto eq = [&](__m128i c) { return _mm_cmpeq_epi8(v, c); };
    __m128i bad =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, below), eq(del)),
                     _mm_or_si128(_mm_or_si128(eq(lt), eq(gt)), _mm_or_si128(eq(quote), eq(open))));
    bad = _mm_or_si128(
        bad, _mm_or_si128(_mm_or_si128(eq(close), eq(bar)),
                          _mm_or_si128(eq(caret), _mm_or_si128(eq(grave), eq(backslash)))));
    if (_mm_movemask_epi8(bad) != 0) return false;
  }
#endif
  for (; i < iri.size(); ++i)
    if (!kPlainIriByte[static_cast<unsigned char>(iri[i])]) return false;
  return true;
}

void append_iri_fast(std::string& out, std::string_view iri) {
  if (plain_iri(iri)) {
    out += '<';
    out += iri;
    out += '>';
  } else {
    append_iri(out, iri);
  }
}

}  // namespace

void append_term(std::string& out, const TermGraph::TermView& term) {
  // Blank nodes come only from parsed input (newskg convert), their labels made safe there
  // (rdf/parse.cpp).
  if (term.is_blank()) {
    out += "_:";
    out += term.value;
    return;
  }
  if (term.is_iri()) {
    append_iri_fast(out, term.value);
    return;
  }
  out += '"';
  append_escaped(out, term.value, '"', false);
  out += '"';
  if (!term.language.empty()) {
    out += '@';
    out += term.language;
  } else if (!term.datatype.empty()) {
    out += "^^";
    append_iri_fast(out, term.datatype);
  }
}

void append_term(std::string& out, const Term& term) {
  append_term(out, TermGraph::TermView{term.type, term.value, term.datatype, term.language});
}

void append_graph_term(std::string& out, const std::string& graph) {
  if (graph.starts_with("_:"))
    out += graph;
  else
    append_iri_fast(out, graph);
}

}  // namespace newskg::nquads
